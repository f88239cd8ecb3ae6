// Turns a search response into what the bot says: a passage answer, service cards, "not sure"
// with the nearest topics, or help. Pure and synchronous, so it is easy to test.
import type { Passage, PassageKind } from '../knowledge/types';
import type { SearchEngine, SearchResponse, SearchResult } from '../search/searchEngine';
import type { Answer, MoreResults, PassageLink, ResultItem, Suggestion } from './answerModel';
import { firstSentence } from '../knowledge/planStructure';
import { servicePassageId } from '../knowledge/servicePassage';
import { highlight, moreItemsIn } from '../search/snippet';
import { answerPlanQuery, parsePlanQuery } from './planQuery';
import { routesFor } from '../safety/emergencyRoutes';
import { assessRisk, RISK_KINDS, type RiskKind } from '../safety/riskDetector';

const MAX_SERVICE_CARDS = 3;
const MAX_ALTERNATIVES = 2;

export function isHelpRequest(text: string): boolean {
  return /^\s*\/?(help|\?|menu|start|hi|hello|hey)\s*[!.?]*\s*$/i.test(text);
}

export interface ComposedAnswer {
  answer: Answer;
  response: SearchResponse;
  /** Whether the bot answers (a passage, services or a plan list) rather than help or "not sure".
   * The CLI's `confident` is exactly this. */
  confident: boolean;
}

/** The one path from a question to what the bot says, shared by the bot, the CLI and the evaluation. */
export function answerQuestion(engine: SearchEngine, text: string, kinds?: PassageKind[]): ComposedAnswer {
  const { answer, response } = composeAnswer(engine, text, kinds);
  return { answer, response, confident: answer.type === 'passage' || answer.type === 'services' || answer.type === 'plan_list' };
}

/** Results shown per "More results" page, and how many pages there can be. */
export const PAGE_SIZE = 5;
const MAX_PAGES = 4;

/** Context for a question asked as a follow-up: among the results, the one the conversation points at
 * is shown first (the ranking itself is unchanged). */
export interface ComposeOptions {
  prefer?: (result: SearchResult) => boolean;
  /** Results that fit the conversation; the others are left out (e.g. services that only share the place asked about). */
  keep?: (result: SearchResult) => boolean;
  /** Search only these passages (the document or services a follow-up is about). */
  within?: (passage: Passage) => boolean;
  /** The conversation already vouches for the results (a follow-up found them in what was just shown):
   * answer from them even where the words alone would leave the search unsure. */
  vouched?: boolean;
  /** Words the conversation was about, for the snippet (see SearchOptions.beside). */
  beside?: string;
}

export function composeAnswer(engine: SearchEngine, text: string, kinds?: PassageKind[], options: ComposeOptions = {}): { answer: Answer; response: SearchResponse } {
  // A preference looks further down the list than is shown, then the list is cut back to ten.
  const found = engine.search(text, { limit: options.prefer || options.keep ? 40 : 10, ...(kinds ? { kinds } : {}), ...(options.within ? { within: options.within } : {}), ...(options.beside ? { beside: options.beside } : {}) });
  const searched = options.vouched && found.results.length && !found.outOfScope ? { ...found, confident: true } : found;
  const kept = options.keep ? { ...searched, results: searched.results.filter(options.keep) } : searched;
  const ordered = preferred(kept, options.prefer);
  const response = options.prefer || options.keep ? { ...ordered, results: ordered.results.slice(0, 10) } : ordered;
  if (!text.trim()) return { answer: { type: 'help', reason: 'empty' }, response };
  if (isHelpRequest(text)) return { answer: { type: 'help', reason: 'help' }, response };
  const emergencyNumbers = requestedEmergencyNumbers(engine, text);
  if (emergencyNumbers) return { answer: emergencyNumbers, response };
  const composed = composeFromResults(engine, text, response, kinds);
  // A question about a topic that uses risk words ("suicide prevention in the plan") is answered
  // as asked, with the emergency numbers one tap away rather than first.
  const { topicKinds } = assessRisk(engine.risk, text);
  if (topicKinds.length && composed.type === 'passage') {
    const label = engine.risk.signs.kinds[topicKinds[0]].label;
    composed.suggestions = [{ label: 'Emergency numbers', text: `emergency numbers for ${label}` }, ...composed.suggestions].slice(0, 3);
  }
  return { answer: composed, response };
}

function composeFromResults(engine: SearchEngine, text: string, response: SearchResponse, kinds?: PassageKind[]): Answer {
  // "aim 9", "option 7": said plainly, before anything is listed for a number that is not there.
  if (response.numberMissing) {
    const { asked, held, onlySome } = response.numberMissing;
    return { type: 'not_sure', nearest: response.results.slice(0, 3).map(link), hint: `${onlySome ? `I don't have ${asked}.` : `There is no ${asked}.`} ${held}` };
  }
  const planQuery = parsePlanQuery(text);
  if (planQuery) {
    const list = answerPlanQuery(planQuery, engine.plan, engine);
    if (list.items.length) return { type: 'plan_list', heading: list.heading, items: list.items, nav: list.nav };
  }
  if (response.outOfScope) {
    return { type: 'not_sure', nearest: [], hint: response.outOfScope.reply };
  }
  // Nothing found, or not one word the knowledge uses: show what the bot can do.
  if (response.results.length === 0 || response.signals?.knownShare === 0) {
    return { type: 'help', reason: 'nonsense' };
  }
  if (response.nearScope && response.results.length) {
    return { type: 'not_sure', nearest: response.results.slice(0, 3).map(link), hint: nearScopeHint(response.nearScope) };
  }
  if (response.detailMissing) {
    // The record asked about first, as the nearest answer, and a plain word on what it lacks.
    const named = response.detailMissing.serviceIds.map((id) => engine.service(id)).filter((s) => s !== undefined);
    const own = named.map((s) => engine.passage(servicePassageId(s.id))).filter((p) => p !== undefined).map((p) => ({ id: p.id, title: shorten(p.title, 80) }));
    const nearest = [...own, ...response.results.map(link).filter((l) => !own.some((o) => o.id === l.id))].slice(0, 3);
    return { type: 'not_sure', nearest, hint: `The service directory has no ${response.detailMissing.detail} for ${named.map((s) => s.name).join(' or ')}. Open its record below for what it does publish, including how to refer.` };
  }
  if (response.figureMissing && FIGURE_HINTS[response.figureMissing]) {
    return { type: 'not_sure', nearest: response.results.slice(0, 3).map(link), hint: FIGURE_HINTS[response.figureMissing] };
  }
  if (!response.confident) {
    return { type: 'not_sure', nearest: response.results.slice(0, 3).map(link) };
  }
  const [best] = response.results;
  if (best.passage.kind === 'service') {
    const serviceResults = response.results.slice(0, 5).filter((r) => r.passage.kind === 'service' && r.passage.serviceId);
    const services = serviceResults
      .slice(0, MAX_SERVICE_CARDS)
      .map((r) => engine.service(r.passage.serviceId ?? ''))
      .filter((s): s is NonNullable<typeof s> => s !== undefined);
    const more = moreAfter(response, text, services.length, kinds);
    return { type: 'services', services, passageIds: serviceResults.slice(0, MAX_SERVICE_CARDS).map((r) => r.passage.id), ...more };
  }
  // "what does the plan say about SDS?", "what did we commit to on carers?": the whole passage, which is
  // what was asked for, not the window around the words.
  const whole = ASKS_WHAT_IT_SAYS.test(text.toLowerCase()) ? highlight(best.passage.text, new Set(response.stems)) : undefined;
  return { ...passageAnswer(whole ? { ...best, snippet: whole } : best, response.results), ...moreAfter(response, text, 1 + MAX_ALTERNATIVES, kinds) };
}

/** Wording that asks what a source says about a topic as a whole. */
const ASKS_WHAT_IT_SAYS = /\b(?:what (?:does|do|did) (?:the|our|this) (?:\w+ )?(?:plan|strategy|guidance|framework) (?:say|says|said)|what (?:did|do|have) we (?:commit|committed|promise|promised)|what(?:s|'s| is) (?:the|our) (?:plan|ijb|hscp) doing)\b/;

/** What to say when a kind of figure is asked for and not held; a count not held gets the plain "not sure". */
const FIGURE_HINTS: Partial<Record<NonNullable<SearchResponse['figureMissing']>, string>> = {
  live: "MidWay Guide holds the plan, the SDS guidance and the service directory as published, not today's figures such as current waiting lists or vacancies. The nearest answers it has are below; the service or team itself can give the figure as it stands.",
  amount: 'MidWay Guide holds no price or sum of money for that. The nearest answers it has are below.',
  wait: 'MidWay Guide holds no waiting time for that. The nearest answers it has are below; the team or service itself can say how long the wait is.',
};

function nearScopeHint({ areas, years }: { areas: string[]; years: string[] }): string {
  if (areas.length) {
    return `MidWay Guide knows Midlothian's plan, SDS guidance and the services Midlothian staff use, not ${areas.join(' or ')}. The nearest Midlothian answers are below; for ${areas[0]}, ask that council or health and social care partnership.`;
  }
  return `MidWay Guide has nothing for ${years.join(' or ')}. The nearest answers it has are below, for the years they name.`;
}

function preferred(response: SearchResponse, prefer?: (result: SearchResult) => boolean): SearchResponse {
  const at = prefer ? response.results.findIndex(prefer) : -1;
  if (at <= 0) return response;
  const results = [response.results[at], ...response.results.filter((_, i) => i !== at)];
  return { ...response, results };
}

function moreAfter(response: SearchResponse, text: string, shown: number, kinds?: PassageKind[]): { more?: MoreResults } {
  return response.results.length > shown ? { more: { text, page: 1, ...(kinds ? { kinds } : {}) } } : {};
}

/** A page of further results for a "More results" button. */
export function moreResults(engine: SearchEngine, request: MoreResults): Answer {
  const page = Math.min(Math.max(1, Math.floor(request.page)), MAX_PAGES);
  const start = 1 + (page - 1) * PAGE_SIZE;
  const { results } = engine.search(request.text, { limit: start + PAGE_SIZE + 1, ...(request.kinds ? { kinds: request.kinds } : {}) });
  const items: ResultItem[] = results.slice(start, start + PAGE_SIZE).map((r) => ({
    id: r.passage.id,
    title: shorten(r.passage.title, 80),
    kind: r.passage.kind,
    extract: firstSentence(r.snippet.replace(/^…\s*/, ''), 180),
  }));
  const hasMore = results.length > start + PAGE_SIZE && page < MAX_PAGES;
  return {
    type: 'results',
    heading: items.length ? `More results (${start + 1}–${start + items.length})` : 'No more results',
    items,
    ...(hasMore ? { more: { ...request, page: page + 1 } } : {}),
  };
}

/** The answer for one passage, as when a button opens it. */
export function openPassage(engine: SearchEngine, passageId: string): Answer | undefined {
  const passage = engine.passage(passageId);
  if (!passage) return undefined;
  if (passage.kind === 'service' && passage.serviceId) {
    const service = engine.service(passage.serviceId);
    if (service) return { type: 'services', services: [service], passageIds: [passage.id] };
  }
  return { type: 'passage', passage, snippet: passage.text, alternatives: [], suggestions: suggestionsFor(passage, []) };
}

function passageAnswer(best: SearchResult, all: SearchResult[]): Answer {
  const others = all.slice(1).filter((r) => r.passage.docId !== best.passage.docId || r.passage.kind === 'plan');
  // A list cut short says how many items are left and offers the whole passage first.
  const left = moreItemsIn(best.snippet);
  const wholeList: PassageLink[] = left ? [{ id: best.passage.id, title: `Show the whole list (${left} more)` }] : [];
  return {
    type: 'passage',
    passage: best.passage,
    snippet: best.snippet,
    alternatives: [...wholeList, ...others.slice(0, MAX_ALTERNATIVES).map(link)],
    suggestions: suggestionsFor(best.passage, others.slice(MAX_ALTERNATIVES)),
  };
}

function link(r: SearchResult): PassageLink {
  return { id: r.passage.id, title: shorten(r.passage.title, 80) };
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Follow-ups that fit the kind of answer: the next question staff usually ask. */
function suggestionsFor(passage: Passage, rest: SearchResult[]): Suggestion[] {
  const out: Suggestion[] = [];
  if (passage.kind === 'plan' && passage.aim) {
    out.push({ label: `More on aim ${passage.aim}`, text: `strategic aim ${passage.aim} short medium and longer term aims` });
  }
  if (passage.kind === 'sds') {
    if (!/four (sds )?options/i.test(passage.title)) out.push({ label: 'The four SDS options', text: 'what are the four SDS options' });
    out.push({ label: 'Local SDS support', text: 'independent support for self-directed support in Midlothian' });
  }
  for (const r of rest) {
    if (out.length >= 3) break;
    out.push({ label: shorten(r.passage.title, 40), text: r.passage.title });
  }
  return out.slice(0, 3);
}

/** The emergency routes to show before anything else, when the text suggests someone is at risk now. */
export function safetyFirst(engine: SearchEngine, text: string): Extract<Answer, { type: 'emergency' }> | undefined {
  const { kinds } = assessRisk(engine.risk, text);
  return kinds.length ? emergencyAnswer(engine, kinds) : undefined;
}

function emergencyAnswer(engine: SearchEngine, kinds: RiskKind[], requested = false): Extract<Answer, { type: 'emergency' }> {
  return {
    type: 'emergency',
    risks: kinds,
    routes: routesFor(kinds, engine.emergencyRoutes, engine.services),
    firstSteps: [engine.risk.signs.kinds[kinds[0]].firstStep],
    ...(requested ? { requested } : {}),
  };
}

/** "emergency numbers", "crisis numbers for domestic abuse": the routes for that kind of risk, or all. */
function requestedEmergencyNumbers(engine: SearchEngine, text: string): Answer | undefined {
  const match = /^\s*(?:emergency|crisis|urgent)\s+(?:numbers?|contacts?|routes?|lines?|phone numbers?)\b(?:\s+(?:for|about)\s+(.+?))?\s*[.?!]*\s*$/i.exec(text);
  if (!match) return undefined;
  const topic = (match[1] ?? '').toLowerCase();
  const named = RISK_KINDS.filter((k) => topic && engine.risk.signs.kinds[k].label.toLowerCase() === topic);
  return emergencyAnswer(engine, named.length ? named : [...RISK_KINDS], true);
}

/** After the emergency routes, only an answer that fits the risk: services of the kinds that help
 * with it, or a passage about it. Anything else (a palliative care passage after "wants to end her
 * life") is left out. */
export function fitRisk(engine: SearchEngine, answer: Answer, kinds: RiskKind[], routeServiceIds: readonly string[] = []): Answer | undefined {
  const fits = kinds.map((k) => engine.risk.signs.kinds[k].fits);
  const categories = new Set(fits.flatMap((f) => f.categories));
  const terms = fits.flatMap((f) => f.terms.map((t) => t.toLowerCase()));
  const about = (text: string): boolean => terms.some((t) => text.toLowerCase().includes(t));
  if (answer.type === 'not_sure') {
    // A story told with the risk ("not coping, needs to talk to someone today") is seldom a confident
    // match, yet its nearest services can be the help for that risk the routes do not already give
    // (same-day distress support): those are shown, and nothing else that was near.
    const helps = answer.nearest
      .map((n) => ({ id: n.id, s: engine.service(engine.passage(n.id)?.serviceId ?? '') }))
      .filter((x): x is { id: string; s: NonNullable<typeof x.s> } => x.s !== undefined && !routeServiceIds.includes(x.s.id) && x.s.categories.some((c) => categories.has(c)));
    return helps.length ? { type: 'services', services: helps.map((h) => h.s), passageIds: helps.map((h) => h.id) } : undefined;
  }
  if (answer.type === 'services') {
    const keep = answer.services.map((s, i) => ({ s, id: answer.passageIds[i] })).filter(({ s }) => s.categories.some((c) => categories.has(c)) || about(`${s.name} ${s.description}`));
    return keep.length ? { type: 'services', services: keep.map((k) => k.s), passageIds: keep.map((k) => k.id).filter((id): id is string => id !== undefined) } : undefined;
  }
  if (answer.type === 'passage') return about(`${answer.passage.title} ${answer.passage.text}`) ? answer : undefined;
  return undefined;
}
