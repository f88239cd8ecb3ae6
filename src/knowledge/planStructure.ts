// The plan as structure, extracted at build time from the plan's own headings and sentences:
// its aims, outcomes (1.1–3.3), the priorities under each timescale, and its "We will …"
// commitments, each linked to the passage it comes from. Managers browse the plan through this.
import { MAX_PASSAGE_CHARS } from './chunk';
import type { Passage, Timescale } from './types';

export interface PlanOutcome {
  code: string;
  aim: number;
  statement: string;
  timescale?: Timescale;
  passageId: string;
}

export interface PlanAim {
  number: number;
  title: string;
  docId: string;
  passageId: string;
  outcomes: PlanOutcome[];
}

export interface PlanItem {
  aim?: number;
  outcome?: string;
  timescale?: Timescale;
  title: string;
  /** One line from the passage, in the plan's words. */
  extract: string;
  passageId: string;
}

export interface PlanStructure {
  aims: PlanAim[];
  priorities: PlanItem[];
  commitments: PlanItem[];
  /** The plan's statistics: sentences or list lines with a figure, or a draft gap where one will go. */
  facts: PlanItem[];
}

const FIGURE = /\d+(?:[.,]\d+)?\s?%|£\s?\d|£x+m|\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)? (?:people|years|minutes|hours|carers|organisations|charities|homes|beds|households)\b|\bXX\b/i;

/** Sentences and list lines that state a figure (or the draft's placeholder for one). */
export function factSentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const plain = line.replace(/\*\*/g, '').replace(/\\\*/g, '*').replace(/^\s*-\s+/, '').trim();
    if (!plain) continue;
    // Split only where a full stop is followed by a space, so "£622.90" and "80.9 years" stay whole.
    const sentences = /^\s*-\s+/.test(line) ? [plain] : plain.split(/(?<=[.!?])\s+/);
    for (const sentence of sentences.map((x) => x.trim())) {
      if (FIGURE.test(sentence) && sentence.length >= 20 && !/^\d\.\d\s/.test(sentence)) out.push(sentence);
    }
  }
  return out;
}

const AIM_HEADING = /^Strategic Aim No\.?\s*(\d)\s*:\s*(.+?)\s+—\s+(.+)$/;
const OUTCOME_HEADING = /^(\d\.\d)\s+(.+)$/;
const TIMESCALE_HEADING = /^(Short|Medium|Longer) term aims$/i;
const TIMESCALE_ORDER: Timescale[] = ['short', 'medium', 'longer'];

export function firstSentence(text: string, max = 200): string {
  const plain = text.replace(/\*\*/g, '').replace(/^\s*[-*]\s+/gm, '').replace(/\s+/g, ' ').trim();
  const sentence = /^.*?[.!?](?=\s|$)/.exec(plain)?.[0] ?? plain;
  return sentence.length <= max ? sentence : `${sentence.slice(0, max - 1).trimEnd()}…`;
}

/** Sentences in which the plan commits to something: "We will …", "We will continue to …", and work
 * it says is under way ("Work is underway to …", "We are working with …", "We aim to …", "We are taking a
 * multi-agency approach …", "We are investing in …", "We plan to …", "Midlothian Health and Social
 * Care Partnership will support …"): a doing verb, not "we are continuing to see …", which reports. A sentence
 * that goes on to say what the work includes ("This includes working with VOCAL …") comes with it. */
export function commitmentSentences(text: string): string[] {
  const plain = text.replace(/\*\*/g, '').replace(/\n+/g, ' ');
  const sentences = plain.split(/(?<=[.!?])\s+/).map((s) => s.trim());
  const commits = (s: string): boolean =>
    /\b(we will|we'll|(?:midlothian health and social care partnership|the partnership|the hscp|midlothian hscp|the ijb|midlothian ijb) will (?!be\b|have\b|need\b)|we are committed to|we have committed to|we have asked|work is underway|work is under way|we are working|we aim to|we are developing|we are (?:taking|building|investing|reviewing|redesigning|introducing|expanding|improving|exploring|creating|establishing|strengthening|looking to)|we plan to|we intend to|we have (?:started|begun))\b/i.test(s) &&
    !/\bwe will not\b|\bwe won't\b/i.test(s);
  return sentences.flatMap((s, i) => {
    if (!commits(s)) return [];
    const next = sentences[i + 1] ?? '';
    return [/^(?:(?:In practice|In practical terms|For example),?\s*)?(?:This|These|It|this|these|it) (?:includes|include|will|means|involves)\b/.test(next) && !commits(next) ? `${s} ${next}` : s];
  });
}

const COMMITMENT_CHARS = 900;

export function extractPlanStructure(passages: Passage[]): PlanStructure {
  const aims = new Map<string, PlanAim>();
  const priorities: PlanItem[] = [];
  const commitments: PlanItem[] = [];
  const facts: PlanItem[] = [];
  const seenOutcomes = new Set<string>();

  for (const p of passages) {
    if (p.kind !== 'plan') continue;
    const aimHeading = p.headings.map((h) => AIM_HEADING.exec(h)).find(Boolean);
    const inAimsPart = aimHeading !== undefined && aimHeading !== null && /term aims/i.test(aimHeading[3]);
    if (aimHeading && inAimsPart) {
      const key = `${p.docId}#${aimHeading[1]}`;
      if (!aims.has(key)) aims.set(key, { number: Number(aimHeading[1]), title: aimHeading[2], docId: p.docId, passageId: p.id, outcomes: [] });
      const aim = aims.get(key) as PlanAim;
      const outcomeHeading = p.headings.map((h) => OUTCOME_HEADING.exec(h)).find(Boolean);
      if (outcomeHeading && !seenOutcomes.has(`${p.docId}#${outcomeHeading[1]}`)) {
        seenOutcomes.add(`${p.docId}#${outcomeHeading[1]}`);
        aim.outcomes.push({ code: outcomeHeading[1], aim: aim.number, statement: outcomeHeading[2].replace(/\.$/, ''), timescale: p.timescale, passageId: p.id });
      }
      const last = p.headings.at(-1) ?? '';
      const isPriority = p.timescale !== undefined && !TIMESCALE_HEADING.test(last) && !OUTCOME_HEADING.test(last);
      if (isPriority && !priorities.some((x) => x.aim === aim.number && x.title === last)) {
        priorities.push({ aim: aim.number, outcome: p.outcome, timescale: p.timescale, title: last, extract: firstSentence(p.text), passageId: p.id });
      }
    }
    for (const sentence of factSentences(p.text)) {
      facts.push({ aim: p.aim, outcome: p.outcome, timescale: p.timescale, title: p.title, extract: sentence.length <= 300 ? sentence : `${sentence.slice(0, 299).trimEnd()}…`, passageId: p.id });
    }
    for (const sentence of commitmentSentences(p.text)) {
      commitments.push({
        aim: p.aim,
        outcome: p.outcome,
        timescale: p.timescale,
        title: p.title,
        // A commitment with what it includes keeps its list: the list is what is committed to.
        extract: sentence.length <= COMMITMENT_CHARS ? sentence : `${sentence.slice(0, COMMITMENT_CHARS - 1).trimEnd()}…`,
        passageId: p.id,
      });
    }
  }
  return { aims: [...aims.values()].sort((a, b) => a.number - b.number), priorities, commitments, facts };
}

/** One passage per aim listing its outcomes and priorities by timescale, in the plan's words, so a
 * question about a whole aim has a single passage that answers it. */
export function aimOverviewPassages(structure: PlanStructure, passages: Passage[]): Passage[] {
  const byId = new Map(passages.map((p) => [p.id, p]));
  return structure.aims.map((aim) => {
    const source = byId.get(aim.passageId) as Passage;
    const lines: string[] = [`Strategic Aim No.${aim.number}: ${aim.title}`];
    for (const timescale of TIMESCALE_ORDER) {
      const outcomes = aim.outcomes.filter((o) => o.timescale === timescale);
      const items = structure.priorities.filter((p) => p.aim === aim.number && p.timescale === timescale && !p.outcome);
      if (!outcomes.length && !items.length) continue;
      lines.push('', `${timescale[0].toUpperCase()}${timescale.slice(1)} term aims:`);
      for (const o of outcomes) {
        const under = structure.priorities.filter((p) => p.aim === aim.number && p.outcome === o.code).map((p) => p.title);
        lines.push(`- ${o.code} ${o.statement}${under.length ? ` (${under.join('; ')})` : ''}`);
      }
      for (const item of items) lines.push(`- ${item.title}`);
    }
    let text = lines.join('\n');
    if (text.length > MAX_PASSAGE_CHARS) text = `${text.slice(0, MAX_PASSAGE_CHARS - 1).trimEnd()}…`;
    return {
      id: `${aim.docId}#aim-${aim.number}-outcomes`,
      kind: 'plan',
      docId: aim.docId,
      docTitle: source.docTitle,
      headings: [source.headings[0]],
      title: `Strategic Aim No.${aim.number}: outcomes and priorities`,
      text,
      questions: [],
      aim: aim.number,
      source: source.source,
      sourceUrls: [],
    };
  });
}
