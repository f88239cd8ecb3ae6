// One small pure function per card: answer model in, template data out.
import type { Answer, MoreResults, PassageLink, ResultItem, Suggestion } from '../answer/answerModel';
import { shorten } from '../answer/composeAnswer';
import { formatAddress } from '../knowledge/servicePassage';
import { showableService } from '../knowledge/publicText';
import type { PlanItem } from '../knowledge/planStructure';
import type { ResolvedRoute } from '../safety/emergencyRoutes';
import type { SignpostingResult } from '../signpost/signposting';
import type { StepPrompt } from '../signpost/steps';
import type { Passage, ServiceRecord } from '../knowledge/types';
import { expandCard, type AdaptiveCardJson } from './cardTemplates';

export const EXAMPLE_QUESTIONS: Suggestion[] = [
  { label: 'A break for an unpaid carer', text: 'where can an unpaid carer get a short break' },
  { label: 'Can a DP pay a family member?', text: 'can a direct payment pay a family member' },
  { label: 'The four SDS options', text: 'what are the four SDS options' },
  { label: 'Short-term aims under aim 2', text: 'what are the short term aims under strategic aim 2' },
  { label: 'Same-day mental health help', text: 'same day mental health support in Midlothian' },
];

function plainSpeech(text: string): string {
  return shorten(text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim(), 300);
}

function originLine(p: Passage): string {
  const parts = [p.docTitle, ...p.headings.filter((h) => h !== p.title)];
  const codes = [p.aim ? `Aim ${p.aim}` : '', p.outcome ? `Outcome ${p.outcome}` : '', p.timescale ? `${p.timescale} term` : '']
    .filter(Boolean)
    .join(' · ');
  return `${parts.join(' › ')}${codes ? ` (${codes})` : ''}`;
}

/** The draft's placeholders, marked as what they are wherever plan text is shown. */
export function markDraftGaps(text: string): string {
  return text
    .replace(/(£x+m)(\\?\*)?/gi, '$1 (not yet confirmed in the draft)')
    .replace(/\bXX\b/g, 'XX (not yet confirmed in the draft)')
    .replace(/\bTBC\b/g, 'TBC (not yet confirmed in the draft)');
}

/** Draft gaps are shown as what they are, never as figures. */
function draftNote(p: Passage): string {
  if (p.kind !== 'plan') return '';
  return /\bTBC\b|£x+m|\bXX\b/i.test(p.text)
    ? 'This is a draft plan: items marked TBC, £xxm or XX are not yet confirmed in the draft.'
    : '';
}

/** Template data for a "More results" button: always a full object, or null for none. */
function moreData(more: MoreResults | undefined): { text: string; page: number; kinds: string[] } | null {
  // The question is the user's text: keep template syntax in it inert.
  return more ? { text: more.text.replace(/\$\{/g, '$ {'), page: more.page, kinds: more.kinds ?? [] } : null;
}

/** Cards allow five actions (the Adaptive Cards default host config): with "More results" and the two
 * feedback buttons, that leaves room for two or three follow-up suggestions. */
function fitSuggestions(suggestions: Suggestion[], more: MoreResults | undefined): Suggestion[] {
  return suggestions.slice(0, more ? 2 : 3);
}

export function answerCard(passage: Passage, snippet: string, alternatives: PassageLink[], suggestions: Suggestion[], more?: MoreResults): AdaptiveCardJson {
  suggestions = fitSuggestions(suggestions, more);
  return expandCard('answer', {
    more: moreData(more),
    title: passage.kind === 'plan' ? markDraftGaps(passage.title) : passage.title,
    origin: originLine(passage),
    snippet: passage.kind === 'plan' ? markDraftGaps(snippet) : snippet,
    draftNote: draftNote(passage),
    alternatives,
    suggestions,
    passageId: passage.id,
    speak: plainSpeech(`${passage.title}. ${snippet}`),
  });
}

function sentenceKey(sentence: string): string {
  return sentence.replace(/\*\*|…/g, '').replace(/\W+/g, ' ').trim().toLowerCase();
}

/** The snippet without the sentences the card already shows above it (the article's summary). */
export function withoutRepeats(snippet: string, shownAbove: string): string {
  const seen = new Set((shownAbove.match(/[^.!?\n]+[.!?]*/g) ?? []).map(sentenceKey).filter(Boolean));
  const lines = snippet.split('\n').map((line) =>
    line
      // A sentence the snippet bolds ends "….**": it ends there all the same.
      .split(/(?<=[.!?](?:\*\*)?)\s+/)
      .filter((s) => !seen.has(sentenceKey(s)))
      .join(' '),
  );
  const kept = lines.filter((l) => l.trim()).join('\n').trim();
  return /^[…\s]*$/.test(kept) ? '' : kept;
}

export function sdsCard(passage: Passage, snippet: string, alternatives: PassageLink[], suggestions: Suggestion[], more?: MoreResults): AdaptiveCardJson {
  suggestions = fitSuggestions(suggestions, more);
  return expandCard('sds', {
    more: moreData(more),
    title: passage.title,
    reviewed: passage.reviewed ?? 'not recorded',
    summary: passage.summary ?? '',
    keyPoints: withoutRepeats(snippet, passage.summary ?? ''),
    alternatives,
    suggestions,
    sourceList: passage.sourceUrls.slice(0, 3).map((u, i) => `[${i + 1}](${u})`).join(' ') || 'not recorded',
    passageId: passage.id,
    speak: plainSpeech(`${passage.title}. ${passage.summary ?? snippet}`),
  });
}

/** Months between the record's source date and now; undefined when undated. */
export function monthsOld(asOf: string, now: Date): number | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(asOf);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 12; // a bare year: assume its end, the kindest reading
  return (now.getUTCFullYear() - year) * 12 + (now.getUTCMonth() + 1 - month);
}

export function checkNote(service: ServiceRecord, now: Date): string {
  const age = monthsOld(service.as_of, now);
  const stale = age === undefined || age > 12;
  if (!stale && service.review_flags.length === 0) return '';
  const when = service.as_of === 'undated' ? 'undated source' : `as of ${service.as_of}`;
  return `${when} — check before sharing`;
}

export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

/** For the first card of a carousel: the other services' names and numbers, so a client that shows
 * only the first card still shows how to reach each of them. */
function alsoShownText(others: ServiceRecord[]): string {
  if (!others.length) return '';
  const lines = others.map((o) => {
    const phone = o.phones?.[0];
    const source = o.as_of === 'undated' ? 'directory, source undated' : `directory, source dated ${o.as_of}`;
    return `- ${o.name}: ${phone ? `[${phone.number}](${telHref(phone.number)}) (${source})` : 'no phone number published'}`;
  });
  return `Also in this answer (next cards):\n${lines.join('\n')}`;
}

export function serviceCard(record: ServiceRecord, passageId: string, now: Date = new Date(), more?: MoreResults, alsoShown: ServiceRecord[] = []): AdaptiveCardJson {
  // Curators' notes in the record are for curators: the card shows what can be stood behind.
  const service = showableService(record);
  const facts = [
    { label: 'Who for', value: service.eligibility },
    { label: 'How to refer', value: service.how_to_access },
    service.email ? { label: 'Email', value: service.email } : undefined,
    formatAddress(service) ? { label: 'Address', value: formatAddress(service) ?? '' } : undefined,
    service.schedule ? { label: 'Hours', value: service.schedule } : undefined,
    service.fees ? { label: 'Cost', value: service.fees } : undefined,
    { label: 'Area', value: service.area_served },
  ].filter((f): f is { label: string; value: string } => f !== undefined);
  const links = [
    service.url ? { title: 'Website', url: service.url } : undefined,
    service.email ? { title: 'Email', url: `mailto:${service.email}` } : undefined,
  ].filter((l): l is { title: string; url: string } => l !== undefined);
  return expandCard('service', {
    more: moreData(more),
    name: service.name,
    organization: service.organization,
    description: service.description,
    checkNote: checkNote(service, now),
    facts,
    phones: (service.phones ?? []).map((p) => ({ number: p.number, description: p.description, href: telHref(p.number) })),
    links,
    alsoShown: alsoShownText(alsoShown),
    sourceNote: service.as_of === 'undated' ? 'service directory, source undated' : `service directory, source dated ${service.as_of}`,
    passageId,
    speak: plainSpeech(`${service.name}. ${service.description}`),
  });
}

export function welcomeCard(heading = 'MidWay Guide'): AdaptiveCardJson {
  return expandCard('welcome', {
    heading,
    intro: 'Ask me in plain words. I answer from the Midlothian IJB Strategic Plan, Self-Directed Support guidance and a directory of local services.',
    examples: EXAMPLE_QUESTIONS,
  });
}

export function notSureCard(nearest: PassageLink[], hint?: string): AdaptiveCardJson {
  return expandCard('not-sure', {
    heading: "I'm not sure I have the answer to that",
    message: hint
      ? `${hint} I only know the Midlothian IJB Strategic Plan, Self-Directed Support guidance and the local service directory.`
      : "I couldn't find a good match in the plan, the SDS guidance or the service directory. Try other words, or pick one of these. I've noted the question (without personal details) so the knowledge can be improved.",
    nearest,
    examples: EXAMPLE_QUESTIONS.slice(0, 3),
  });
}

function planItemLabel(item: PlanItem): string {
  return [item.aim ? `Aim ${item.aim}` : '', item.outcome ? `Outcome ${item.outcome}` : '', item.timescale ? `${item.timescale} term` : '']
    .filter(Boolean)
    .join(' · ') || 'Strategic Plan';
}

const LISTS_WHAT_IT_INCLUDES = /\b(?:includes?|including|involves?):?\s+-\s/i;

/** An extract that goes on to list what it includes ("this includes - …, - …") keeps its list: the list
 * is what is committed to. Others are kept short, so a list of many fits a phone. */
function extractChars(extract: string): number {
  return LISTS_WHAT_IT_INCLUDES.test(extract) ? 900 : 240;
}

/** Its list's items on lines of their own, as the plan sets them out. */
function asList(extract: string): string {
  return LISTS_WHAT_IT_INCLUDES.test(extract) ? extract.replace(/\s+-\s+(?=\S)/g, '\n- ') : extract;
}

export function planListCard(heading: string, items: PlanItem[], nav: Suggestion[] = []): AdaptiveCardJson {
  return expandCard('plan-list', {
    heading,
    origin: 'Midlothian IJB Strategic Plan 2025–2035 (draft), in the plan\'s own words',
    nav: nav.slice(0, 2),
    items: items.map((item) => ({ ...item, label: planItemLabel(item), title: markDraftGaps(shorten(item.title, 160)), extract: markDraftGaps(asList(shorten(item.extract, extractChars(item.extract)))) })),
    feedbackId: `plan-list:${items[0]?.passageId ?? ''}`,
    speak: plainSpeech(`${heading}. ${items.map((i) => i.title).join('. ')}`),
  });
}

const KIND_LABELS: Record<string, string> = { service: 'Service', sds: 'SDS guidance', plan: 'Strategic Plan' };

export function resultsCard(heading: string, items: ResultItem[], more?: MoreResults): AdaptiveCardJson {
  return expandCard('results', {
    heading,
    items: items.map((i) => ({ ...i, source: KIND_LABELS[i.kind] ?? i.kind })),
    more: moreData(more),
    speak: plainSpeech(`${heading}. ${items.map((i) => i.title).join('. ')}`),
  });
}

export function feedbackFormCard(): AdaptiveCardJson {
  return expandCard('feedback-form', {
    heading: 'Tell us what to improve',
    intro: 'What was missing, wrong or hard to find? Your words go to the people who curate MidWay Guide. Please leave out names and other personal details.',
  });
}

export const FEEDBACK_REASONS = [
  { title: 'It answered a different question', value: 'wrong-answer' },
  { title: 'The information looks out of date', value: 'out-of-date' },
  { title: 'Hard to understand', value: 'unclear' },
  { title: 'Something important is missing', value: 'missing' },
  { title: 'Something else', value: 'other' },
];

export function feedbackReasonCard(passageId: string): AdaptiveCardJson {
  return expandCard('feedback-reason', { heading: 'Sorry it did not help. What was wrong?', reasons: FEEDBACK_REASONS, passageId });
}

export function emergencyCard(routes: ResolvedRoute[], firstSteps: string[] = [], requested = false): AdaptiveCardJson {
  return expandCard('emergency', {
    heading: requested ? 'Emergency numbers' : 'If someone is at risk right now',
    intro: firstSteps.length ? firstSteps.join(' ') : 'Make sure they are safe first, then use these routes.',
    routes: routes.map((r) => ({ ...r, href: telHref(r.number) })),
    footnote: 'Numbers from the MidWay Guide service directory; check a record before relying on it for anything other than an emergency.',
    speak: plainSpeech(`If someone is at risk right now. ${routes.map((r) => `${r.label}: ${r.number}`).join('. ')}`),
  });
}

export function signpostStepCard(prompt: StepPrompt, notice = ''): AdaptiveCardJson {
  return expandCard('signpost-step', { ...prompt, notice });
}

function contactLine(service: ServiceRecord): string {
  const phones = (service.phones ?? []).slice(0, 2).map((p) => `[${p.number}](${telHref(p.number)})`);
  return [...phones, service.email ?? '', service.url ? `[website](${service.url})` : ''].filter(Boolean).join(' · ');
}

export function signpostingCard(result: SignpostingResult, now: Date = new Date()): AdaptiveCardJson {
  const source = result.promptsSource;
  return expandCard('signposting', {
    summary: result.summary,
    urgent: result.urgentRoutes.map((r) => ({ ...r, href: telHref(r.number) })),
    servicesHeading: result.services.length ? 'Services that may help' : 'No matching services in the directory: try the search, or Care Information Scotland.',
    services: result.services.map(showableService).map((s) => ({
      name: s.name,
      description: s.description,
      howToAccess: s.how_to_access,
      contact: contactLine(s),
      checkNote: checkNote(s, now),
    })),
    sds: result.sds.map((p) => ({ id: p.id, title: shorten(p.title, 70) })),
    promptsIntro: source
      ? `What people in Midlothian asked professionals to do (${source.docTitle}, ${source.headings.at(-1) ?? ''}):`
      : 'Good-conversation prompts:',
    promptList: result.prompts.map((p) => `- ${p}`).join('\n'),
    serviceIds: result.services.map((s) => s.id),
    speak: plainSpeech(`Signposting. ${result.services.map((s) => s.name).join('. ')}`),
  });
}

export function planBrowseCard(answer: Extract<Answer, { type: 'plan_browse' }>): AdaptiveCardJson {
  return expandCard('plan-browse', {
    heading: 'Midlothian IJB Strategic Plan 2025–2035',
    status: 'DRAFT · browse the aims, their outcomes and priorities, commitments, and facts and figures',
    mission: answer.mission,
    aims: answer.aims,
    speak: plainSpeech(`The Strategic Plan. ${answer.aims.map((a) => `Aim ${a.number}: ${a.title}`).join('. ')}`),
  });
}

/** Every card an answer needs, in the order they should appear. */
export function cardsForAnswer(answer: Answer, now: Date = new Date()): AdaptiveCardJson[] {
  switch (answer.type) {
    case 'help':
      return [welcomeCard(answer.reason === 'help' ? 'What I can help with' : 'MidWay Guide')];
    case 'not_sure':
      return [notSureCard(answer.nearest, answer.hint)];
    case 'plan_list':
      return [planListCard(answer.heading, answer.items, answer.nav)];
    case 'plan_browse':
      return [planBrowseCard(answer)];
    case 'services':
      // "More results" goes on the last card of the carousel only.
      return answer.services.map((s, i) =>
        serviceCard(s, answer.passageIds[i] ?? `service:${s.id}`, now, i === answer.services.length - 1 ? answer.more : undefined, i === 0 ? answer.services.slice(1) : []),
      );
    case 'passage':
      return [
        answer.passage.kind === 'sds'
          ? sdsCard(answer.passage, answer.snippet, answer.alternatives, answer.suggestions, answer.more)
          : answerCard(answer.passage, answer.snippet, answer.alternatives, answer.suggestions, answer.more),
      ];
    case 'results':
      return [resultsCard(answer.heading, answer.items, answer.more)];
    case 'emergency':
      return [emergencyCard(answer.routes, answer.firstSteps, answer.requested)];
    case 'signpost_step':
      return [signpostStepCard(answer.prompt, answer.notice)];
    case 'signposting':
      return [signpostingCard(answer.result, now)];
    case 'feedback_form':
      return [feedbackFormCard()];
    case 'feedback_reason':
      return [feedbackReasonCard(answer.passageId)];
  }
}
