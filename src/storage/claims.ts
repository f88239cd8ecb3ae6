// "Has this already been done?" across instances: claim(key) is true exactly once per key. Used to
// answer an activity once, even when Teams re-sends it (same id) to this or another instance.

export interface ClaimStore {
  /** True for the first caller with this key; false for every later one. */
  claim(key: string): Promise<boolean>;
}

/** One process: an insertion-ordered set, trimmed so it cannot grow without bound. */
export class MemoryClaims implements ClaimStore {
  private readonly keys = new Set<string>();

  constructor(private readonly max = 50_000) {}

  async claim(key: string): Promise<boolean> {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    if (this.keys.size > this.max) this.keys.delete(this.keys.values().next().value as string);
    return true;
  }
}
