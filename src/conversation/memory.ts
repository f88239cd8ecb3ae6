// What a conversation remembers between turns: plain JSON kept in conversation state (Blob storage in
// production), so a follow-up resolves the same on any instance and after a restart. It holds what was
// last shown, never the person's words as typed: the question is kept only with personal details
// removed, and the whole memory lapses after 30 minutes of quiet, like the signposting flow.
import type { Answer } from '../answer/answerModel';
import { organisationShortName } from '../knowledge/servicePassage';
import type { Passage, PassageKind, Timescale } from '../knowledge/types';
import type { FlowState } from '../signpost/flow';

export const MEMORY_TTL_MS = 30 * 60 * 1000;

const MAX_LIST_ITEMS = 8;
const MAX_ITEM_CHARS = 300;

/** The items of the first list in a passage ("- …", "1. …"), as shown. */
export function listItemsOf(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split('\n')) {
    const item = /^\s*(?:[-*•]|\d{1,2}[.)])\s+(.+)$/.exec(line)?.[1];
    if (item) items.push(item.length > MAX_ITEM_CHARS ? `${item.slice(0, MAX_ITEM_CHARS - 1).trimEnd()}…` : item);
    else if (items.length && line.trim()) break;
    if (items.length >= MAX_LIST_ITEMS) break;
  }
  return items;
}

/** What a list's items may be called, by the line leading into it and by "option 2" after it. */
export const LIST_NOUNS = ['option', 'step', 'part', 'reason', 'condition', 'stage', 'way', 'route', 'principle', 'priority'] as const;
const PLURAL = `(${LIST_NOUNS.map((n) => (n === 'priority' ? 'prioritie' : n)).join('|')})s`;
const LIST_NOUN = new RegExp(`\\b(?:two|three|four|five|six|seven|eight|[2-8]|the following|these)\\s+(?:\\w+\\s+)?${PLURAL}\\b|\\b(?:your|the|our|their) ${PLURAL} are\\b`, 'i');

/** What the items of a passage's first list are called in the line that leads into it, counted or
 * pointed at ("We only have three options …", "the following steps", "your options are" → "option",
 * "step"), so "option 2" after it is its second item ("in ways that enhance" names no list). */
export function listNounOf(text: string): string | undefined {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => /^\s*(?:[-*•]|\d{1,2}[.)])\s+/.test(line));
  if (first < 1) return undefined;
  const lead = lines.slice(Math.max(0, first - 2), first).join(' ');
  const found = LIST_NOUN.exec(lead);
  const noun = (found?.[1] ?? found?.[2])?.toLowerCase();
  return noun === 'prioritie' ? 'priority' : noun;
}

export interface ShownService {
  id: string;
  name: string;
  /** What staff call the organisation that runs it, when that is its own short name ("VOCAL"). */
  runBy?: string;
}

/** What memory keeps of a service shown: its id and name, and the short name of who runs it. */
export function shownService(s: { id: string; name: string; organization?: string }): ShownService {
  const runBy = organisationShortName(s.organization);
  return { id: s.id, name: s.name, ...(runBy ? { runBy } : {}) };
}

/** What the last answer put in front of the user. */
export interface LastShown {
  at: string;
  /** The question it answered (personal details removed), as the search read it. */
  question: string;
  /** The kinds of passage the question was limited to, if any (a `services …` or `sds …` command). */
  kinds?: PassageKind[];
  answer: Answer['type'];
  /** The place asked about, if any. */
  place?: string;
  /** Service cards shown, in order. */
  services?: ShownService[];
  /** The passage shown (plan or SDS), with where it sits. */
  passage?: { id: string; kind: PassageKind; docId: string; title: string; section?: string; aim?: number; outcome?: string; timescale?: Timescale; cut?: boolean };
  /** The list in the passage shown, item by item (at most MAX_LIST_ITEMS), for "the third one". */
  listItems?: string[];
  /** What the lead-in calls the list's items ("option" for "three options: …"). */
  listNoun?: string;
  /** Other things the card offered to open, in order (alternatives, list items). */
  items?: Array<{ id: string; title: string }>;
}

export interface ConversationMemory {
  welcomed?: boolean;
  signpost?: FlowState;
  last?: LastShown;
}

export function isLapsed(last: LastShown, now: Date): boolean {
  const at = new Date(last.at).getTime();
  return !Number.isFinite(at) || now.getTime() - at > MEMORY_TTL_MS;
}

/** The last answer, if it is still fresh. */
export function lastShown(memory: ConversationMemory, now: Date): LastShown | undefined {
  return memory.last && !isLapsed(memory.last, now) ? memory.last : undefined;
}

/** Reads memory from whatever the store gave back, keeping only the fields this version knows. */
export function readMemory(value: unknown): LastShown | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Partial<LastShown>;
  if (typeof v.at !== 'string' || typeof v.question !== 'string' || typeof v.answer !== 'string') return undefined;
  return v as LastShown;
}

/** The one part of the plan a list shown was drawn from ("what did we commit to on …" answered from a
 * single part), if it was drawn from one. */
export function onePartListed(last: LastShown): string | undefined {
  const ids = new Set((last.items ?? []).map((i) => i.id));
  return last.answer === 'plan_list' && ids.size === 1 ? [...ids][0] : undefined;
}

/** What memory keeps of a passage shown: where it sits. */
export function shownPassage(p: Passage): NonNullable<LastShown['passage']> {
  return {
    id: p.id,
    kind: p.kind,
    docId: p.docId,
    title: p.title,
    ...(p.headings.length ? { section: p.headings[p.headings.length - 1] } : {}),
    ...(p.aim ? { aim: p.aim } : {}),
    ...(p.outcome ? { outcome: p.outcome } : {}),
    ...(p.timescale ? { timescale: p.timescale } : {}),
  };
}

/** What to remember of an answer; undefined when it shows nothing a follow-up could refer to. */
export function rememberAnswer(answer: Answer, question: string, now: Date, kinds?: PassageKind[], place?: string): LastShown | undefined {
  const base = { at: now.toISOString(), question: question.slice(0, 500), answer: answer.type, ...(kinds ? { kinds } : {}), ...(place ? { place } : {}) };
  switch (answer.type) {
    case 'services':
      return { ...base, services: answer.services.map(shownService), items: answer.passageIds.map((id, i) => ({ id, title: answer.services[i]?.name ?? id })) };
    case 'passage': {
      const p = answer.passage;
      const listItems = listItemsOf(p.text);
      const listNoun = listItems.length > 1 ? listNounOf(p.text) : undefined;
      return {
        ...base,
        passage: {
          ...shownPassage(p),
          // Only a window of it was shown: "tell me more" then means the rest of it.
          ...(answer.snippet.includes('…') && !p.text.includes('…') ? { cut: true } : {}),
        },
        ...(listItems.length > 1 ? { listItems } : {}),
        ...(listNoun ? { listNoun } : {}),
        items: answer.alternatives.map((a) => ({ id: a.id, title: a.title })),
      };
    }
    case 'plan_list':
      return { ...base, items: answer.items.map((i) => ({ id: i.passageId, title: i.title.slice(0, 120) })) };
    case 'results':
      return { ...base, items: answer.items.map((i) => ({ id: i.id, title: i.title })) };
    case 'signposting':
      return { ...base, services: answer.result.services.map(shownService) };
    case 'not_sure':
      // A question not answered is still the topic: "does she have to pay it back?" asks on about it.
      return { ...base, items: answer.nearest.map((n) => ({ id: n.id, title: n.title })) };
    case 'plan_browse':
      return { ...base, items: answer.aims.map((a) => ({ id: `aim-${a.number}`, title: a.title })) };
    default:
      return undefined;
  }
}
