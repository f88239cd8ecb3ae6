// Feedback and unanswered questions for the people who curate the knowledge. Only redacted text,
// passage ids and a hash of the conversation are kept — never what staff typed as it was.
// Records are appended to one document per kind and day, with optimistic concurrency (eTags), so
// several instances can write at once and a report can list them without a storage "list" call.
// A day's document is created by exactly one writer (a claim decides which): with no document yet
// there is no eTag to guard the write, and two instances creating it at once would lose a record.
import { MemoryClaims, type ClaimStore } from './claims';
import type { KeyValueStore } from './keyValueStore';

export interface FeedbackRecord {
  type: 'feedback';
  at: string;
  /** The passage the feedback is about; empty for general feedback from the feedback command. */
  passageId: string;
  helpful?: boolean;
  /** One of the reasons the "not helpful" card offers. */
  reason?: string;
  /** Free text, with personal details removed. */
  comment?: string;
  /** Every passage the answer showed, when there were several (Teams' buttons rate the whole message). */
  passageIds?: string[];
  /** 'teams' when given with Teams' own like / dislike buttons; absent for the cards' buttons and forms. */
  via?: 'teams';
  conversation: string;
}

export interface UnansweredRecord {
  type: 'unanswered';
  at: string;
  /** The question with personal details removed. */
  question: string;
  nearest: string[];
  conversation: string;
}

export type CuratorRecord = FeedbackRecord | UnansweredRecord;

interface Bucket {
  records: CuratorRecord[];
  eTag?: string;
}

/** Records kept per day and kind: plenty for curators, bounded for storage. */
const MAX_PER_BUCKET = 2000;
const WRITE_ATTEMPTS = 6;

export function bucketKey(kind: CuratorRecord['type'], day: string): string {
  return `records/${kind}/${day}`;
}

export class RecordStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
    /** Shared by every instance writing to `store` (claims in the same container when scaled out). */
    private readonly claims: ClaimStore = new MemoryClaims(),
  ) {}

  async addFeedback(
    passageId: string,
    conversation: string,
    details: { helpful?: boolean; reason?: string; redactedComment?: string; passageIds?: string[]; via?: 'teams' } = {},
  ): Promise<FeedbackRecord> {
    const record: FeedbackRecord = {
      type: 'feedback',
      at: this.now().toISOString(),
      passageId: passageId.slice(0, 200),
      ...(details.helpful !== undefined ? { helpful: details.helpful } : {}),
      ...(details.reason ? { reason: details.reason.slice(0, 40) } : {}),
      ...(details.redactedComment ? { comment: details.redactedComment.slice(0, 1000) } : {}),
      ...(details.passageIds && details.passageIds.length > 1 ? { passageIds: details.passageIds.slice(0, 10).map((id) => id.slice(0, 200)) } : {}),
      ...(details.via ? { via: details.via } : {}),
      conversation,
    };
    await this.append(record);
    return record;
  }

  async addUnanswered(redactedQuestion: string, nearest: string[], conversation: string): Promise<UnansweredRecord> {
    const record: UnansweredRecord = {
      type: 'unanswered',
      at: this.now().toISOString(),
      question: redactedQuestion.slice(0, 500),
      nearest,
      conversation,
    };
    await this.append(record);
    return record;
  }

  /** Every record of a kind from the last `days` days, oldest first. */
  async list(kind: CuratorRecord['type'], days: number): Promise<CuratorRecord[]> {
    const today = this.now();
    const keys = Array.from({ length: days }, (_, i) => bucketKey(kind, new Date(today.getTime() - i * 86_400_000).toISOString().slice(0, 10)));
    const items = await this.store.read(keys);
    return keys
      .reverse()
      .flatMap((k) => (items[k] as Bucket | undefined)?.records ?? []);
  }

  /** Appends to one bucket run one after another in this process; eTags guard across instances. */
  private readonly queues = new Map<string, Promise<void>>();

  private append(record: CuratorRecord): Promise<void> {
    const key = bucketKey(record.type, record.at.slice(0, 10));
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.appendNow(key, record));
    this.queues.set(key, next);
    void next.finally(() => {
      if (this.queues.get(key) === next) this.queues.delete(key);
    }).catch(() => undefined);
    return next;
  }

  private async appendNow(key: string, record: CuratorRecord): Promise<void> {
    let creator = false;
    for (let attempt = 1; ; attempt++) {
      try {
        const current = (await this.store.read([key]))[key] as Bucket | undefined;
        if (current) {
          await this.store.write({ [key]: { records: [...current.records, record].slice(-MAX_PER_BUCKET), eTag: current.eTag ?? '*' } });
          return;
        }
        creator ||= await this.claims.claim(`bucket:${key}`);
        if (creator) {
          // Nobody else writes this document until it exists, so this first write needs no eTag.
          await this.store.write({ [key]: { records: [record] } });
          return;
        }
        throw new Error('the day\'s record document is being created by another writer');
      } catch (error) {
        // Another instance wrote first, or is creating the document: read again and retry, a few times.
        if (attempt >= WRITE_ATTEMPTS) throw error;
        await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 20));
      }
    }
  }
}
