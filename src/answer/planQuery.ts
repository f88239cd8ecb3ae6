// Managers' structural questions about the plan ("short-term aims under aim 2", "what does
// outcome 3.2 say", "what have we committed to on carers") are answered from the plan's structure
// as a list, not as a single passage.
import { escapeMarkdown } from '../cards/markdown';
import type { PlanItem, PlanStructure } from '../knowledge/planStructure';
import type { Timescale } from '../knowledge/types';
import type { SearchEngine } from '../search/searchEngine';
import { withoutIntro } from '../search/queryAnalysis';
import type { Answer } from './answerModel';
import { stem } from '../search/stem';
import { contentTokens, timescaleTyposCorrected, tokenize } from '../search/text';

export interface PlanQuery {
  aim?: number;
  outcome?: string;
  timescale?: Timescale;
  commitments: boolean;
  /** Asks for the plan's facts and figures. */
  figures?: boolean;
  /** The words left once the structural ones are taken out, e.g. "carers". */
  topic: string;
}

export interface PlanList {
  heading: string;
  items: PlanItem[];
  /** Where to go next in the managers' view. */
  nav: Array<{ label: string; text: string }>;
}

const MAX_ITEMS = 10;
const COMMIT = /\b(commit(?:ted|ting|ments?|s)?|promis(?:e|ed|es)|pledge[sd]?|we will|we'll)\b/i;
const STRUCTURAL_WORDS = /\b(what|which|have|has|we|our|are|is|the|does|do|say|says|about|on|to|under|for|in|of|plan|plan's|strategic|strat|strategy|new(?=\s+(?:strat|strategic|strategy|ijb|plan)\b)|ijb|ijbs|hscp|midlothian|actually|aims?|outcomes?|priorit(?:y|ies)|actions?|short|medium|long(?:er)?|terms?|commit(?:ted|ting|ments?|s)?|promis(?:e|ed|es)|pledge[sd]?|will|no\.?|[123](?:\.[123])?|facts?|figures?|statistics?|stats|and|numbers|sit|sits|listed|included|includes?|belong|belongs|that|this|it|its|each|every|list|show|give)\b/gi;
const FIGURES = /\b(facts and figures|figures|statistics|stats)\b/i;

export function parsePlanQuery(text: string): PlanQuery | undefined {
  // (Who is writing, told first, "manager at a carers org - …", is no topic.)
  const lower = timescaleTyposCorrected(withoutIntro(text).toLowerCase());
  const outcome = /\boutcome\s*(?:no\.?\s*)?([123]\.[123])\b/.exec(lower)?.[1] ?? /\b(?:aim|priority)\s*([123]\.[123])\b/.exec(lower)?.[1];
  // "aim 1." ends a sentence; "aim 1.2" is an outcome.
  const aimMatch = /\b(?:strategic\s+)?aim\s*(?:no\.?\s*|number\s*)?([123])(?!\.?\d)/.exec(lower);
  const timescaleMatch = /\b(short|medium|long(?:er)?)[\s-]*terms?\b/.exec(lower);
  const timescale = timescaleMatch ? (timescaleMatch[1].startsWith('long') ? 'longer' : (timescaleMatch[1] as Timescale)) : undefined;
  const commitments = COMMIT.test(lower);
  const aim = aimMatch ? Number(aimMatch[1]) : undefined;
  const asksForList = /\b(aims|outcomes|priorities|list)\b/.test(lower);
  // "I'm writing a service plan that links to Strategic Aim 1. What outcomes sit under that aim?": the
  // story names the aim; the question, not the story, says what is asked (what is committed to, which
  // figures, which outcomes).
  const sentences = lower.split(/(?<=[.!?])\s+/).filter(Boolean);
  const final = sentences[sentences.length - 1] ?? lower;
  const asksInFinal = /\b(aims|outcomes|priorities)\b/.test(final) || COMMIT.test(final) || FIGURES.test(final);
  const asked = sentences.length > 1 && asksInFinal ? final : lower;
  const topic = contentTokens(asked.replace(STRUCTURAL_WORDS, ' ')).join(' ');
  const figures = FIGURES.test(lower) && (/\bplan\b/.test(lower) || /^\s*(facts and figures|figures|statistics|stats)\b/.test(lower));
  // "plan aim 2" or "aim 2" on its own asks for the aim as a whole.
  const bareAim = aim !== undefined && topic === '';
  const structural = outcome !== undefined || (aim !== undefined && (timescale !== undefined || asksForList || bareAim)) || (timescale !== undefined && /\baims?\b/.test(lower)) || commitments || figures;
  if (!structural) return undefined;
  return { aim, outcome, timescale, commitments, ...(figures ? { figures } : {}), topic };
}

/** The list's heading: what it lists. An aim is named with its statement ("what is aim 3?" is answered
 * by the heading as much as by the list). */
function describe(q: PlanQuery, aimStatement?: string): string {
  if (q.figures) return `Facts and figures${q.topic ? ` on "${escapeMarkdown(q.topic)}"` : ''} from the plan`;
  const parts: string[] = [];
  if (q.timescale) parts.push(`${q.timescale[0].toUpperCase()}${q.timescale.slice(1)} term`);
  if (q.commitments) parts.push(parts.length ? 'commitments' : 'Commitments');
  else if (!q.outcome) parts.push(parts.length ? 'aims' : 'Aims and outcomes');
  if (q.outcome) parts.push(`${parts.length ? 'under outcome' : 'Outcome'} ${q.outcome}`);
  else if (q.aim) parts.push(`under Strategic Aim No.${q.aim}${aimStatement ? `: ${aimStatement}` : ''}`);
  if (q.topic) parts.push(`on "${escapeMarkdown(q.topic)}"`);
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

/** Commitments (or facts) on a topic: those in the passages search ranks highest for it, in that order. */
function commitmentItems(plan: PlanStructure, q: PlanQuery, engine: SearchEngine, source: PlanItem[] = plan.commitments, mentionsFirst = true): PlanItem[] {
  const inScope = source.filter(
    (c) => (q.aim === undefined || c.aim === q.aim) && (q.outcome === undefined || c.outcome === q.outcome) && (q.timescale === undefined || c.timescale === q.timescale),
  );
  if (!q.topic) return inScope;
  const ranked = engine.search(q.topic, { limit: 40, kinds: ['plan'] }).results.filter((r) => r.coverage >= 0.5);
  // Figures on "unpaid carers" include those on carers ("35% of carers feel supported"): sections about
  // each word of the topic follow those about all of it.
  if (!mentionsFirst) {
    const words = contentTokens(q.topic);
    if (words.length > 1) for (const w of words) ranked.push(...engine.search(w, { limit: 20, kinds: ['plan'] }).results.filter((r) => r.coverage >= 0.5 && !ranked.some((k) => k.passage.id === r.passage.id)));
  }
  const order = new Map(ranked.map((r, i) => [r.passage.id, i]));
  const topicStems = new Set(tokenize(q.topic).map(stem));
  // Sentences that name the topic themselves come first; then passage rank decides.
  const mentions = (c: PlanItem): number => (tokenize(c.extract).some((t) => topicStems.has(stem(t))) ? 0 : 1);
  return inScope
    .filter((c) => order.has(c.passageId))
    .sort((a, b) => {
      const byPassage = (order.get(a.passageId) ?? 0) - (order.get(b.passageId) ?? 0);
      return mentionsFirst ? mentions(a) - mentions(b) || byPassage : byPassage || mentions(a) - mentions(b);
    });
}

export function answerPlanQuery(q: PlanQuery, plan: PlanStructure, engine: SearchEngine): PlanList {
  let items: PlanItem[];
  // Figures stay with their section (a survey's results read together); commitments naming the topic come first.
  if (q.figures) items = commitmentItems(plan, q, engine, plan.facts, false);
  else if (q.commitments) items = commitmentItems(plan, q, engine);
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
  const aimStatement = plan.aims.find((a) => a.number === q.aim)?.title;
  return { heading: describe(q, aimStatement), items: items.slice(0, MAX_ITEMS), nav: navigation(q) };
}

function navigation(q: PlanQuery): Array<{ label: string; text: string }> {
  const nav: Array<{ label: string; text: string }> = [];
  const aim = q.aim ?? (q.outcome ? Number(q.outcome[0]) : undefined);
  if (aim && !q.commitments) nav.push({ label: `Commitments under aim ${aim}`, text: `plan commitments aim ${aim}` });
  if (aim && (q.commitments || q.outcome || q.timescale)) nav.push({ label: `All of aim ${aim}`, text: `plan aim ${aim}` });
  nav.push({ label: 'Back to the plan', text: 'plan' });
  return nav.slice(0, 2);
}

/** The managers' starting point: the plan's aims to browse, with commitments and figures a tap away. */
export function planOverview(plan: PlanStructure): Extract<Answer, { type: 'plan_browse' }> {
  const mission = plan.commitments.find((c) => /mission|vision/i.test(c.title))?.extract ?? '';
  return {
    type: 'plan_browse',
    mission,
    aims: plan.aims.map((a) => ({ number: a.number, title: a.title, outcomeCodes: a.outcomes.map((o) => `${o.code} (${o.timescale ?? ''} term)`).join(' · ') })),
  };
}
