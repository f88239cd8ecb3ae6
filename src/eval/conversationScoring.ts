// How a conversation set is scored, shared by the HTTP test (tests/conversations.test.ts) and
// `npm run eval:conversations`: each turn says what its reply must show, and whether it must read as a
// follow-up (the reply says what it understood) or as a new question.
import { readFileSync } from 'node:fs';

export interface Expect {
  /** true: the reply says what it understood from the last answer; false: it answers the message as new. */
  followUp?: boolean;
  /** Pattern for what the follow-up says it understood. */
  understood?: string;
  /** Pattern for the headline: the first card's first text, or the last text reply when there is no card. */
  answer?: string;
  shows?: string[];
  hides?: string[];
}

export interface Conversation {
  id: string;
  role: string;
  turns: Array<{ say: string; expect: Expect }>;
}

/** What came back for one turn: the text messages and the cards, in order. */
export interface TurnReplies {
  texts: string[];
  cards: unknown[];
  /** The attachment layout of each message with several cards. */
  layouts?: string[];
}

/** How a reply says it read the message as a follow-up. */
export const FOLLOW_UP_NOTE = /^(?:Following on from your last question|Number \d+ of the last answer|More (?:of|for) |Services for “|\*\*[^*\n]+\*\* — [a-z ]+: )/;

function firstText(node: unknown): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const n of node) {
      const t = firstText(n);
      if (t) return t;
    }
    return undefined;
  }
  const n = node as { type?: string; text?: unknown };
  if (n.type === 'TextBlock' && typeof n.text === 'string' && n.text) return n.text;
  for (const v of Object.values(node)) {
    const t = firstText(v);
    if (t) return t;
  }
  return undefined;
}

export function headline(replies: TurnReplies): string {
  return (replies.cards.length ? firstText(replies.cards[0]) : replies.texts[replies.texts.length - 1]) ?? '';
}

/** What is wrong with a turn's replies, as a list of short reasons (empty when it is right). */
export function problems(replies: TurnReplies, expect: Expect): string[] {
  const out: string[] = [];
  const note = replies.texts.find((t) => FOLLOW_UP_NOTE.test(t));
  const all = [...replies.texts, JSON.stringify(replies.cards)].join('\n');
  if (expect.followUp === true && !note) out.push('was not read as a follow-up');
  if (expect.followUp === false && note) out.push(`was read as a follow-up: ${note.slice(0, 120)}`);
  if (expect.understood && !(note && new RegExp(expect.understood).test(note))) out.push(`understood ${JSON.stringify(note?.slice(0, 120))}, expected /${expect.understood}/`);
  const head = headline(replies);
  if (expect.answer && !new RegExp(expect.answer).test(head)) out.push(`answered ${JSON.stringify(head.slice(0, 160))}, expected /${expect.answer}/`);
  // What a reply shows is checked regardless of case: "Wee Breaks" and "wee breaks" show the same thing.
  for (const p of expect.shows ?? []) if (!new RegExp(p, 'i').test(all)) out.push(`does not show /${p}/`);
  for (const p of expect.hides ?? []) if (new RegExp(p, 'i').test(all)) out.push(`shows /${p}/`);
  return out;
}

export function loadConversations(file: string): Conversation[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { conversations: Conversation[] }).conversations;
}

/** The figures a set is reported by: follow-up turns right, new questions (after the first turn) kept
 * new and right, and first turns right. */
export interface ConversationTally {
  followUps: number;
  followUpsRight: number;
  fresh: number;
  freshRight: number;
  firsts: number;
  firstsRight: number;
}

export function emptyTally(): ConversationTally {
  return { followUps: 0, followUpsRight: 0, fresh: 0, freshRight: 0, firsts: 0, firstsRight: 0 };
}

/** Counts one turn's result into the tally. */
export function count(tally: ConversationTally, turnIndex: number, expect: Expect, wrong: string[]): void {
  const right = wrong.length === 0 ? 1 : 0;
  if (turnIndex === 0) {
    tally.firsts++;
    tally.firstsRight += right;
  } else if (expect.followUp === true) {
    tally.followUps++;
    tally.followUpsRight += right;
  } else if (expect.followUp === false) {
    tally.fresh++;
    tally.freshRight += right;
  }
}
