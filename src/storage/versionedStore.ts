// Conversation state with optimistic concurrency. Every item read carries an eTag; a write succeeds
// only if the item is unchanged since that read — or, for an item read as absent (no eTag), only if
// it is still absent. Otherwise it fails with StateConflict, and the caller retries from a fresh read.
// eTag "*" writes unconditionally. After a write the item's eTag is updated in place, so a second
// save in the same turn is guarded too.
import type { StoreItems } from './keyValueStore';

export class StateConflict extends Error {
  override name = 'StateConflict';
}

/** A conflict from this module's stores or from botbuilder's (which throw a plain Error). */
export function isStateConflict(error: unknown): boolean {
  if (error instanceof StateConflict) return true;
  const e = error as { message?: unknown; statusCode?: unknown } | undefined;
  return e?.statusCode === 412 || (typeof e?.message === 'string' && /eTag conflict/i.test(e.message));
}

export interface VersionedStore {
  read(keys: string[]): Promise<StoreItems>;
  write(changes: StoreItems): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

type Versioned = Record<string, unknown> & { eTag?: string };

export class MemoryVersionedStore implements VersionedStore {
  private readonly items = new Map<string, { json: string; eTag: string }>();
  private version = 0;

  async read(keys: string[]): Promise<StoreItems> {
    const out: StoreItems = {};
    for (const key of keys) {
      const item = this.items.get(key);
      if (item) out[key] = { ...(JSON.parse(item.json) as object), eTag: item.eTag };
    }
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    // Check every item first, so a conflict writes nothing.
    for (const [key, change] of Object.entries(changes)) {
      const eTag = (change as Versioned).eTag;
      const current = this.items.get(key);
      if (eTag === '*') continue;
      if (eTag ? current?.eTag !== eTag : current !== undefined) throw new StateConflict(`state changed since it was read`);
    }
    for (const [key, change] of Object.entries(changes)) {
      const { eTag: _old, ...rest } = change as Versioned;
      const eTag = `"${++this.version}"`;
      this.items.set(key, { json: JSON.stringify(rest), eTag });
      (change as Versioned).eTag = eTag;
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.items.delete(key);
  }

  /** Every stored value as JSON text (for tests that look for leaks). */
  dump(): string {
    return JSON.stringify(Object.fromEntries([...this.items].map(([k, v]) => [k, JSON.parse(v.json) as unknown])));
  }
}
