// Delivery claims as small JSON blobs, guarded by the service's conditional writes: created only if
// absent (If-None-Match: *), taken over or settled only if unchanged since read (If-Match), so two
// instances never both answer. The Azure package is loaded by the caller; this file only uses it.
import type { ContainerClient } from '@azure/storage-blob';
import { readAll } from './blobText';
import { verdictFor, type DeliveryClaims, type DeliveryRecord, type DeliveryVerdict } from './claims';

const isConflict = (error: unknown): boolean => {
  const status = (error as { statusCode?: number } | undefined)?.statusCode;
  return status === 409 || status === 412;
};

export class BlobDeliveryClaims implements DeliveryClaims {
  /** The eTag of each claim this instance holds, so it settles only its own. */
  private readonly held = new Map<string, string>();

  constructor(private readonly container: ContainerClient, private readonly prefix = 'claims/', private readonly now: () => number = Date.now) {}

  private blob(key: string) {
    return this.container.getBlockBlobClient(`${this.prefix}${encodeURIComponent(key)}`);
  }

  private async write(key: string, record: DeliveryRecord, conditions: { ifNoneMatch?: string; ifMatch?: string }): Promise<string | undefined> {
    const body = JSON.stringify(record);
    const response = await this.blob(key).upload(body, Buffer.byteLength(body), { conditions, blobHTTPHeaders: { blobContentType: 'application/json' } });
    return response.etag;
  }

  async begin(key: string, leaseMs: number): Promise<DeliveryVerdict> {
    try {
      const etag = await this.write(key, { state: 'answering', at: this.now() }, { ifNoneMatch: '*' });
      if (etag) this.held.set(key, etag);
      return 'answer';
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    let text: string;
    let readEtag: string | undefined;
    try {
      const download = await this.blob(key).download();
      readEtag = download.etag;
      text = await readAll(download.readableStreamBody);
    } catch (error) {
      // Deleted between the two calls (lifecycle rule): whoever writes it next answers.
      if ((error as { statusCode?: number }).statusCode === 404) return this.begin(key, leaseMs);
      throw error;
    }
    let record: DeliveryRecord;
    try {
      record = JSON.parse(text) as DeliveryRecord;
    } catch {
      record = { state: 'delivered', at: 0 }; // a claim from before outcomes were recorded
    }
    if (typeof record !== 'object' || record === null || !['answering', 'delivered', 'undelivered'].includes(record.state)) record = { state: 'delivered', at: 0 };
    const verdict = verdictFor(record, leaseMs, this.now());
    if (verdict !== 'take-over') return verdict;
    try {
      const etag = await this.write(key, { state: 'answering', at: this.now() }, { ifMatch: readEtag ?? '' });
      if (etag) this.held.set(key, etag);
      return 'answer-again';
    } catch (error) {
      if (isConflict(error)) return 'in-progress';
      throw error;
    }
  }

  async settle(key: string, delivered: boolean): Promise<void> {
    const etag = this.held.get(key);
    this.held.delete(key);
    try {
      await this.write(key, { state: delivered ? 'delivered' : 'undelivered', at: this.now() }, etag ? { ifMatch: etag } : {});
    } catch (error) {
      // Another instance took the claim over (this one was presumed dead): its outcome stands.
      if (!isConflict(error)) throw error;
    }
  }
}
