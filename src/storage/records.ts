// Feedback and unanswered questions for the people who curate the knowledge. Only redacted text,
// passage ids and a hash of the conversation are kept — never what staff typed as it was.
import { randomUUID } from 'node:crypto';
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

  async addFeedback(
    passageId: string,
    conversation: string,
    details: { helpful?: boolean; reason?: string; redactedComment?: string } = {},
  ): Promise<FeedbackRecord> {
    const record: FeedbackRecord = {
      type: 'feedback',
      at: this.now().toISOString(),
      passageId: passageId.slice(0, 200),
      ...(details.helpful !== undefined ? { helpful: details.helpful } : {}),
      ...(details.reason ? { reason: details.reason.slice(0, 40) } : {}),
      ...(details.redactedComment ? { comment: details.redactedComment.slice(0, 1000) } : {}),
      conversation,
    };
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
