// The storage shape the bot's records need. botbuilder's Storage implementations (MemoryStorage,
// BlobsStorage) fit it as they are, so this layer stays free of botbuilder imports.

export interface StoreItems {
  [key: string]: unknown;
}

export interface KeyValueStore {
  read(keys: string[]): Promise<StoreItems>;
  write(changes: StoreItems): Promise<void>;
}
