// Managers' structural questions about the plan ("short-term aims under aim 2", "what does
// outcome 3.2 say", "what have we committed to on carers") are answered from the plan's structure
// as a list, not as a single passage.
import type { PlanItem, PlanStructure } from '../knowledge/planStructure';
import type { Timescale } from '../knowledge/types';
import type { SearchEngine } from '../search/searchEngine';
import { stem } from '../search/stem';
import { contentTokens, tokenize } from '../search/text';

export interface PlanQuery {
  aim?: number;
  outcome?: string;
  timescale?: Timescale;
  commitments: boolean;
  /** The words left once the structural ones are taken out, e.g. "carers". */
  topic: string;
}

export interface PlanList {
  heading: string;
  items: PlanItem[];
}

const MAX_ITEMS = 8;
const COMMIT = /\b(commit(?:ted|ments?|s)?|promis(?:e|ed|es)|pledge[sd]?|we will|we'll)\b/i;
const STRUCTURAL_WORDS = /\b(what|which|have|has|we|our|are|is|the|does|do|say|says|about|on|to|under|for|in|of|plan|plan's|strategic|aims?|outcomes?|priorit(?:y|ies)|short|medium|long(?:er)?|terms?|commit(?:ted|ments?|s)?|promis(?:e|ed|es)|pledge[sd]?|will|no\.?|[123](?:\.[123])?)\b/gi;

export function parsePlanQuery(text: string): PlanQuery | undefined {
  const lower = text.toLowerCase();
  const outcome = /\boutcome\s*(?:no\.?\s*)?([123]\.[123])\b/.exec(lower)?.[1] ?? /\b(?:aim|priority)\s*([123]\.[123])\b/.exec(lower)?.[1];
  const aimMatch = /\b(?:strategic\s+)?aim\s*(?:no\.?\s*|number\s*)?([123])(?![.\d])/.exec(lower);
  const timescaleMatch = /\b(short|medium|long(?:er)?)[\s-]*terms?\b/.exec(lower);
  const timescale = timescaleMatch ? (timescaleMatch[1].startsWith('long') ? 'longer' : (timescaleMatch[1] as Timescale)) : undefined;
  const commitments = COMMIT.test(lower);
  const aim = aimMatch ? Number(aimMatch[1]) : undefined;
  const asksForList = /\b(aims|outcomes|priorities|list)\b/.test(lower);
  const structural = outcome !== undefined || (aim !== undefined && (timescale !== undefined || asksForList)) || (timescale !== undefined && /\baims?\b/.test(lower)) || commitments;
  if (!structural) return undefined;
  const topic = contentTokens(lower.replace(STRUCTURAL_WORDS, ' ')).join(' ');
  return { aim, outcome, timescale, commitments, topic };
}

function describe(q: PlanQuery): string {
  const parts: string[] = [];
  if (q.timescale) parts.push(`${q.timescale[0].toUpperCase()}${q.timescale.slice(1)} term`);
  if (q.commitments) parts.push(parts.length ? 'commitments' : 'Commitments');
  else if (!q.outcome) parts.push(parts.length ? 'aims' : 'Aims and outcomes');
  if (q.outcome) parts.push(`${parts.length ? 'under outcome' : 'Outcome'} ${q.outcome}`);
  else if (q.aim) parts.push(`under Strategic Aim No.${q.aim}`);
  if (q.topic) parts.push(`on "${q.topic}"`);
  return parts.join(' ');
}

function outcomeItems(plan: PlanStructure, q: PlanQuery): PlanItem[] {
  return plan.aims
    .filter((a) => q.aim === undefined || a.number === q.aim)
    .flatMap((a) =>
      a.outcomes
        .filter((o) => q.timescale === undefined || o.timescale === q.timescale)
        .flatMap((o): PlanItem[] => [
          { aim: a.number, outcome: o.code, timescale: o.timescale, title: `${o.code} ${o.statement}`, extract: '', passageId: o.passageId },
          ...plan.priorities.filter((p) => p.outcome === o.code),
        ]),
    )
    .concat(plan.priorities.filter((p) => !p.outcome && (q.aim === undefined || p.aim === q.aim) && (q.timescale === undefined || p.timescale === q.timescale)));
}

/** Commitments on a topic: those in the passages search ranks highest for it, in that order. */
function commitmentItems(plan: PlanStructure, q: PlanQuery, engine: SearchEngine): PlanItem[] {
  const inScope = plan.commitments.filter(
    (c) => (q.aim === undefined || c.aim === q.aim) && (q.outcome === undefined || c.outcome === q.outcome) && (q.timescale === undefined || c.timescale === q.timescale),
  );
  if (!q.topic) return inScope;
  const ranked = engine.search(q.topic, { limit: 40, kinds: ['plan'] }).results.filter((r) => r.coverage > 0);
  const order = new Map(ranked.map((r, i) => [r.passage.id, i]));
  const topicStems = new Set(tokenize(q.topic).map(stem));
  // Sentences that name the topic themselves come first; then passage rank decides.
  const mentions = (c: PlanItem): number => (tokenize(c.extract).some((t) => topicStems.has(stem(t))) ? 0 : 1);
  return inScope
    .filter((c) => order.has(c.passageId))
    .sort((a, b) => mentions(a) - mentions(b) || (order.get(a.passageId) ?? 0) - (order.get(b.passageId) ?? 0));
}

export function answerPlanQuery(q: PlanQuery, plan: PlanStructure, engine: SearchEngine): PlanList {
  let items: PlanItem[];
  if (q.commitments) items = commitmentItems(plan, q, engine);
  else if (q.outcome) {
    const outcome = plan.aims.flatMap((a) => a.outcomes).find((o) => o.code === q.outcome);
    items = outcome
      ? [
          { aim: outcome.aim, outcome: outcome.code, timescale: outcome.timescale, title: `${outcome.code} ${outcome.statement}`, extract: '', passageId: outcome.passageId },
          ...plan.priorities.filter((p) => p.outcome === outcome.code),
          ...plan.commitments.filter((c) => c.outcome === outcome.code),
        ]
      : [];
  } else items = outcomeItems(plan, q);
  return { heading: describe(q), items: items.slice(0, MAX_ITEMS) };
}

/** The managers' starting point: every outcome of every aim, by timescale. */
export function planOverview(plan: PlanStructure): { type: 'plan_list'; heading: string; items: PlanItem[] } {
  const items = plan.aims.flatMap((a) =>
    a.outcomes.map((o): PlanItem => ({ aim: a.number, outcome: o.code, timescale: o.timescale, title: `${o.code} ${o.statement}`, extract: '', passageId: o.passageId })),
  );
  return { type: 'plan_list', heading: "The plan's aims and outcomes", items };
}
