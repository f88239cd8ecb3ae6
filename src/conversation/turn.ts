// A turn of the conversation as plain data: what came in (text or a card button, the conversation's
// memory, the time) and what goes out (replies as card data or text, the new memory, the records to
// keep, a log line). No channel SDK types: the Teams edge translates activities to and from these.
import type { Answer } from '../answer/answerModel';
import type { AdaptiveCardJson } from '../cards/cardTemplates';
import type { SearchResponse } from '../search/searchEngine';
import type { ConversationMemory } from './memory';

export type TurnInput = { kind: 'text'; text: string } | { kind: 'action'; value: unknown };

export interface Turn {
  input: TurnInput;
  memory: ConversationMemory;
  now: Date;
  /** A hash of the conversation id, for the records kept (never the id itself). */
  conversation: string;
}

/** Cards come with the answer they were drawn from. */
export type Reply = { kind: 'text'; text: string } | { kind: 'cards'; cards: AdaptiveCardJson[]; answer?: Answer };

/** What the edge writes to storage for the people who curate the knowledge. */
export type RecordToKeep =
  | { kind: 'unanswered'; question: string; nearest: string[] }
  | { kind: 'feedback'; passageId: string; helpful?: boolean; reason?: string; redactedComment?: string };

/** Ids, kinds, scores and timings only: never message text. */
export interface TurnLog {
  event: string;
  answer?: string;
  results?: Array<{ id: string; score: number }>;
  confident?: boolean;
  personalDetailsRemoved?: string[];
  followUp?: string;
  [key: string]: unknown;
}

export interface TurnOutcome {
  replies: Reply[];
  memory: ConversationMemory;
  records: RecordToKeep[];
  log: TurnLog;
  /** What was decided, for the command-line tools and the evaluation. */
  answer?: Answer;
  response?: SearchResponse;
  /** Whether the bot answered (a passage, services or a plan list) rather than help or "not sure". */
  confident?: boolean;
}
