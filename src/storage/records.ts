// Feedback and unanswered questions for the people who curate the knowledge. Only redacted text,
// passage ids and a hash of the conversation are kept — never what staff typed as it was.
import { randomUUID } from 'node:crypto';
import type { KeyValueStore } from './keyValueStore';

export interface FeedbackRecord {
  type: 'feedback';
  at: string;
  passageId: string;
  helpful: boolean;
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

export class RecordStore {
  constructor(private readonly store: KeyValueStore, private readonly now: () => Date = () => new Date()) {}

  async addFeedback(passageId: string, helpful: boolean, conversation: string): Promise<FeedbackRecord> {
    const record: FeedbackRecord = { type: 'feedback', at: this.now().toISOString(), passageId: passageId.slice(0, 200), helpful, conversation };
    await this.store.write({ [`records/feedback/${record.at}-${randomUUID()}`]: record });
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
    await this.store.write({ [`records/unanswered/${record.at}-${randomUUID()}`]: record });
    return record;
  }
}
