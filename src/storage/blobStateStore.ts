// Conversation state as one JSON blob per conversation, written with the service's conditions
// (If-Match the eTag read; If-None-Match * for a new conversation), so two instances saving the same
// conversation at once cannot overwrite each other: the second gets StateConflict and retries.
import type { ContainerClient } from '@azure/storage-blob';
import { readAll } from './blobText';
import type { StoreItems } from './keyValueStore';
import { StateConflict, type VersionedStore } from './versionedStore';

const statusOf = (error: unknown): number | undefined => (error as { statusCode?: number } | undefined)?.statusCode;

export class BlobStateStore implements VersionedStore {
  constructor(private readonly container: ContainerClient, private readonly prefix = 'state/') {}

  private blob(key: string) {
    return this.container.getBlockBlobClient(`${this.prefix}${encodeURIComponent(key)}`);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const out: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        try {
          const download = await this.blob(key).download();
          out[key] = { ...(JSON.parse(await readAll(download.readableStreamBody)) as object), eTag: download.etag };
        } catch (error) {
          if (statusOf(error) !== 404) throw error;
        }
      }),
    );
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, change]) => {
        const { eTag, ...rest } = change as Record<string, unknown> & { eTag?: string };
        const body = JSON.stringify(rest);
        const conditions = eTag === '*' ? {} : eTag ? { ifMatch: eTag } : { ifNoneMatch: '*' };
        try {
          const response = await this.blob(key).upload(body, Buffer.byteLength(body), { conditions, blobHTTPHeaders: { blobContentType: 'application/json' } });
          (change as { eTag?: string }).eTag = response.etag;
        } catch (error) {
          const status = statusOf(error);
          if (status === 409 || status === 412) throw new StateConflict('state changed since it was read');
          throw error;
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.blob(key).deleteIfExists()));
  }
}
