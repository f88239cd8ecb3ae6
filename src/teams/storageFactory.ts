// Where state, feedback, unanswered questions and delivery claims live: memory by default, or an
// Azure Blob container through @azure/identity (a managed identity in production,
// DefaultAzureCredential in development) or a connection string (Azurite in tests).
import type { TokenCredential } from '@azure/identity';
import type { ContainerClient } from '@azure/storage-blob';
import { MemoryStorage, type Storage } from 'botbuilder';
import type { StorageConfig } from '../config';
import { BlobDeliveryClaims } from '../storage/blobDeliveryClaims';
import { BlobStateStore } from '../storage/blobStateStore';
import { MemoryClaims, type ClaimStore, type DeliveryClaims } from '../storage/claims';
import { MemoryVersionedStore } from '../storage/versionedStore';

export interface BotStorage {
  /** Feedback and unanswered-question records. */
  storage: Storage;
  /** Conversation state, with optimistic concurrency (see GuardedConversationState). */
  state: Storage;
  claims: ClaimStore & DeliveryClaims;
  /** Resolves when the storage answers; rejects when it does not. */
  ping(): Promise<void>;
}

// The Azure packages take a tenth of a second to load: only a bot that uses Blob storage loads them.
/* eslint-disable @typescript-eslint/no-require-imports */
const azureIdentity = (): typeof import('@azure/identity') => require('@azure/identity') as typeof import('@azure/identity');
const azureBlob = (): typeof import('@azure/storage-blob') => require('@azure/storage-blob') as typeof import('@azure/storage-blob');
const blobsStorage = (): typeof import('botbuilder-azure-blobs') => require('botbuilder-azure-blobs') as typeof import('botbuilder-azure-blobs');

/** Claims as blobs created only if absent (If-None-Match: *), which the service makes atomic. */
export class BlobClaims implements ClaimStore {
  constructor(private readonly container: ContainerClient, private readonly prefix = 'claims/') {}

  async claim(key: string): Promise<boolean> {
    const blob = this.container.getBlockBlobClient(`${this.prefix}${encodeURIComponent(key)}`);
    try {
      await blob.upload('1', 1, { conditions: { ifNoneMatch: '*' } });
      return true;
    } catch (error) {
      if (error instanceof azureBlob().RestError && (error.statusCode === 409 || error.statusCode === 412)) return false;
      throw error;
    }
  }
}

export function createBotStorage(config: StorageConfig, production: boolean, env: Record<string, string | undefined> = {}): BotStorage {
  if (config.kind === 'memory') {
    return { storage: new MemoryStorage(), state: new MemoryVersionedStore(), claims: new MemoryClaims(), ping: async () => undefined };
  }
  const { BlobServiceClient, ContainerClient } = azureBlob();
  const { BlobsStorage } = blobsStorage();
  let container: ContainerClient;
  let storage: Storage;
  if (config.kind === 'blob-connection-string') {
    container = BlobServiceClient.fromConnectionString(config.connectionString).getContainerClient(config.containerName);
    storage = new BlobsStorage(config.connectionString, config.containerName);
  } else {
    const { DefaultAzureCredential, ManagedIdentityCredential } = azureIdentity();
    const credential: TokenCredential = production
      ? new ManagedIdentityCredential(env.AZURE_CLIENT_ID ? { clientId: env.AZURE_CLIENT_ID } : {})
      : new DefaultAzureCredential();
    container = new ContainerClient(config.containerUrl, credential);
    storage = new BlobsStorage('', '', {}, config.containerUrl, credential);
  }
  let created: Promise<unknown> | undefined;
  const ready = (): Promise<unknown> => (created ??= container.createIfNotExists().catch((error: unknown) => {
    created = undefined;
    throw error;
  }));
  const deliveries = new BlobDeliveryClaims(container);
  const state = new BlobStateStore(container);
  return {
    storage,
    state: {
      read: async (keys) => (await ready(), state.read(keys)),
      write: async (changes) => (await ready(), state.write(changes)),
      delete: async (keys) => (await ready(), state.delete(keys)),
    },
    claims: {
      claim: async (key) => (await ready(), new BlobClaims(container).claim(key)),
      begin: async (key, leaseMs) => (await ready(), deliveries.begin(key, leaseMs)),
      settle: async (key, delivered) => (await ready(), deliveries.settle(key, delivered)),
    },
    ping: async () => {
      await ready();
      await container.getProperties();
    },
  };
}
