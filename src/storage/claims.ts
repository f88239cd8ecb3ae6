// "Has this already been done?" across instances: claim(key) is true exactly once per key. Used to
// create a day's record document once. Delivery claims go further, for Teams re-sending an activity
// (same id) to this or another instance when an answer was late: the claim records whether the
// answer was delivered, so a re-send of an undelivered answer is answered and a re-send of a
// delivered one is not; a claim left "answering" by an instance that died is taken over once its
// lease has run out.

export interface ClaimStore {
  /** True for the first caller with this key; false for every later one. */
  claim(key: string): Promise<boolean>;
}

/** What to do with an activity: answer it (for the first time, or again because the earlier answer
 * was not delivered), or not (delivered already, or being answered right now elsewhere). */
export type DeliveryVerdict = 'answer' | 'answer-again' | 'delivered' | 'in-progress';

export interface DeliveryClaims {
  begin(key: string, leaseMs: number): Promise<DeliveryVerdict>;
  /** Records the outcome of the answer this instance began. */
  settle(key: string, delivered: boolean): Promise<void>;
}

export interface DeliveryRecord {
  state: 'answering' | 'delivered' | 'undelivered';
  /** Epoch ms of the last change. */
  at: number;
}

/** The decision shared by every store: given what is recorded, may this caller answer? */
export function verdictFor(record: DeliveryRecord | undefined, leaseMs: number, now: number): DeliveryVerdict | 'take-over' {
  if (!record) return 'answer';
  if (record.state === 'delivered') return 'delivered';
  if (record.state === 'answering' && now - record.at < leaseMs) return 'in-progress';
  return 'take-over';
}

/** One process: insertion-ordered maps, trimmed so they cannot grow without bound. */
export class MemoryClaims implements ClaimStore, DeliveryClaims {
  private readonly keys = new Set<string>();
  private readonly deliveries = new Map<string, DeliveryRecord>();

  constructor(private readonly max = 50_000, private readonly now: () => number = Date.now) {}

  async claim(key: string): Promise<boolean> {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    if (this.keys.size > this.max) this.keys.delete(this.keys.values().next().value as string);
    return true;
  }

  async begin(key: string, leaseMs: number): Promise<DeliveryVerdict> {
    const verdict = verdictFor(this.deliveries.get(key), leaseMs, this.now());
    if (verdict !== 'answer' && verdict !== 'take-over') return verdict;
    this.deliveries.delete(key);
    this.deliveries.set(key, { state: 'answering', at: this.now() });
    if (this.deliveries.size > this.max) this.deliveries.delete(this.deliveries.keys().next().value as string);
    return verdict === 'answer' ? 'answer' : 'answer-again';
  }

  async settle(key: string, delivered: boolean): Promise<void> {
    this.deliveries.set(key, { state: delivered ? 'delivered' : 'undelivered', at: this.now() });
  }
}
