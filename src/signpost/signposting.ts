// What the signposting card says once the conversation is done: up to five services for what
// matters, who and where (local first, then Midlothian-wide, then national), the SDS articles worth
// knowing, the three good-conversation prompts, and a plain summary to copy for the person.
import { escapeMarkdown } from '../cards/markdown';
import { communitiesIn, placeFit, type Community } from '../knowledge/places';
import { isProfessionalService, publicPhones, showableService } from '../knowledge/publicText';
import type { Passage, ServiceRecord } from '../knowledge/types';
import { routesFor, type ResolvedRoute } from '../safety/emergencyRoutes';
import type { SearchEngine } from '../search/searchEngine';
import type { FlowAnswers } from './flow';
import type { WhoOption } from '../knowledge/signpostingOptions';

export interface SignpostingResult {
  /** A short restatement of what was asked for, without personal details. */
  summary: string;
  services: ServiceRecord[];
  sds: Passage[];
  prompts: string[];
  /** Where the prompts' figures come from. */
  promptsSource?: Passage;
  urgentRoutes: ResolvedRoute[];
  /** Plain text for the person: service names, what they do, how to contact them. */
  copyText: string;
}

const MAX_SERVICES = 5;

/** The three things Midlothian people asked professionals to do, in the plan's own words. */
export function goodConversationPrompts(engine: SearchEngine): { prompts: string[]; source?: Passage } {
  const hit = engine.search('three most important things for health and care professionals to do good conversations', { kinds: ['plan'], limit: 5 }).results
    .map((r) => r.passage)
    .find((p) => /what matters to me/i.test(p.text));
  const lines = hit ? hit.text.split('\n').filter((l) => /^\s*-\s+.+—\s*\d+%/.test(l)).map((l) => l.replace(/^\s*-\s+/, '').trim()) : [];
  if (lines.length >= 3) return { prompts: lines.slice(0, 3), source: hit };
  return { prompts: ['Start with asking about what matters to them', 'Ask what they think would make a difference', 'Ask about other areas of their life where they might need some help'] };
}

/** The "who" option picked, or the one a typed description names ("unpaid carer", "older person"). */
export function whoOption(options: WhoOption[], answer: string | undefined): WhoOption | undefined {
  if (!answer) return undefined;
  const exact = options.find((w) => w.id === answer);
  if (exact) return exact;
  const typed = answer.toLowerCase();
  const core = (label: string): string => label.toLowerCase().replace(/^(an?|someone|some)\s+/, '').split(/\s+(?:or|with|in|using)\s+/)[0];
  const keyPhrase = (w: WhoOption): string => w.words.split(/\s+/).slice(0, 2).join(' ');
  return options.find((w) => typed.includes(core(w.label)) || core(w.label).includes(typed.trim()) || typed.includes(keyPhrase(w)));
}

export function buildSignposting(engine: SearchEngine, answers: FlowAnswers): SignpostingResult {
  const who = whoOption(engine.signposting.who, answers.who);
  const whoText = who ? who.label : answers.who ?? '';
  const place: Community | undefined = answers.where ? communitiesIn(answers.where)[0] : undefined;
  const query = [answers.what ?? '', who?.words ?? answers.who ?? '', place ?? ''].join(' ').trim() || 'support and advice in Midlothian';
  const found = engine.search(query, { kinds: ['service'], limit: 15 }).results;
  const scored = found
    .map((r, rank) => {
      const service = engine.service(r.passage.serviceId ?? '');
      const categoryMatch = who && service ? (service.categories.some((c) => who.categories.includes(c)) ? 1 : 0) : 0;
      const fit = place ? placeFit(r.passage.locality, place) : 0.5;
      return { service, rank, categoryMatch, score: r.score + 0.3 * categoryMatch, tier: fit >= 1 ? 0 : fit >= 0.5 ? 1 : fit > 0 ? 2 : 3 };
    })
    .filter((x): x is typeof x & { service: ServiceRecord } => x.service !== undefined);
  // Keep the relevant ones — services for this kind of person first — then order them local →
  // Midlothian-wide → regional/national, best first within each.
  const best = Math.max(...scored.map((s) => s.score), 0);
  const relevant = scored.filter((s) => s.score >= best * 0.6);
  const forThem = relevant.filter((s) => s.categoryMatch);
  const pool = forThem.length >= 3 ? forThem : [...forThem, ...relevant.filter((s) => !s.categoryMatch)].slice(0, MAX_SERVICES + 2);
  const services = pool
    .sort((a, b) => a.tier - b.tier || b.score - a.score)
    .slice(0, MAX_SERVICES)
    .map((s) => s.service);
  const sds = (who?.sds ?? [])
    .map((id) => engine.firstPassageOf(id))
    .filter((p): p is Passage => p !== undefined)
    .slice(0, 3);
  const { prompts, source } = goodConversationPrompts(engine);
  const urgentRoutes = answers.when === 'urgent' ? routesFor(['medical-emergency'], engine.emergencyRoutes, engine.services).filter((r) => r.number !== '999') : [];
  // The summary is card text: what the person typed is escaped so it shows as typed, never as markup.
  const summary = [
    whoText ? `For: ${who ? whoText.toLowerCase() : escapeMarkdown(whoText)}` : '',
    answers.what ? `What matters: ${escapeMarkdown(answers.what)}` : '',
    place ? `Near ${place}` : answers.where ? `Where: ${escapeMarkdown(answers.where)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return { summary, services, sds, prompts, ...(source ? { promptsSource: source } : {}), urgentRoutes, copyText: copyForPerson(services) };
}

/** Service names, what they do, how to contact them: nothing about the person, no curators' notes,
 * and only routes the public can use (no number meant for professionals). */
export function copyForPerson(records: ServiceRecord[]): string {
  const blocks = records.map((record) => {
    const s = showableService(record);
    const phones = publicPhones(record);
    if (isProfessionalService(record)) return `${s.name}\n${s.description}\nOnly professionals can refer: ask the worker who gave you this to refer you.`;
    const contact = [
      ...phones.slice(0, 2).map((p) => `Phone ${p.number}`),
      s.email ? `Email ${s.email}` : '',
      s.url ? `Web ${s.url}` : '',
    ].filter(Boolean);
    return `${s.name}\n${s.description}\n${contact.length ? contact.join(' · ') : s.how_to_access}`;
  });
  return `Services that may help\n\n${blocks.join('\n\n')}\n\nPlease check opening times and details with the service before you go.`;
}
