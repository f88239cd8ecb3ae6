// Where an answer comes from, as citation data: one entry per plan section, SDS article section or
// directory record the answer shows. Pure: the Teams edge turns these into its citation entity.
// Answers are retrieved, not generated, so a citation names the source the text was taken from.
import { markDraftGaps } from '../cards/cardData';
import type { Passage, ServiceRecord } from '../knowledge/types';
import type { Answer } from './answerModel';
import { shorten } from './composeAnswer';

/** Teams shows at most 10 citations a message. */
export const MAX_CITATIONS = 10;
/** Teams' limits on a citation's parts. */
const MAX_NAME = 80;
const MAX_ABSTRACT = 160;
const MAX_KEYWORD = 28;

export interface Citation {
  /** 1-based; the message text carries the matching `[n]`. */
  position: number;
  /** The passage the citation stands for, so feedback on the message can be tied to it. */
  passageId: string;
  /** Document › section, article › section, or the directory record. */
  name: string;
  /** A short extract of the source. */
  abstract: string;
  /** The source's web address, where the knowledge has one. */
  url?: string;
  /** Kind of source and, for directory records, the date of the record's source (Teams: at most 3 of 28 characters). */
  keywords: string[];
}

/** What citations need from the knowledge; the search engine provides both. */
export interface KnowledgeLookup {
  passage(id: string): Passage | undefined;
  service(id: string): ServiceRecord | undefined;
}

function plain(text: string): string {
  return text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
}

function keyword(text: string): string {
  return shorten(text, MAX_KEYWORD);
}

/** Where a plan passage sits: its aim and outcome, and its timescale. */
function planKeywords(p: Passage): string[] {
  const place = [p.aim ? `Aim ${p.aim}` : '', p.outcome ? `Outcome ${p.outcome}` : ''].filter(Boolean).join(' · ');
  return [place, p.timescale ? `${p.timescale} term` : ''].filter(Boolean).map(keyword);
}

/** "Document › section": the section keeps its whole name where it can, the document gives way. */
function sourceName(fullDocument: string, section: string | undefined): string {
  const document = fullDocument.replace(/\bIntegration Joint Board\b/g, 'IJB');
  if (!section || section === document) return shorten(document, MAX_NAME);
  const room = MAX_NAME - section.length - 3;
  return room >= 20 ? `${shorten(document, room)} › ${section}` : shorten(`${document} › ${section}`, MAX_NAME);
}

function serviceCitation(service: ServiceRecord, passageId: string): Omit<Citation, 'position'> {
  const asOf = service.as_of === 'undated' ? 'source undated' : `as of ${service.as_of}`;
  return {
    passageId,
    name: shorten(`Service directory › ${service.name}`, MAX_NAME),
    abstract: shorten(plain(`Directory record, ${asOf}. ${service.description}`), MAX_ABSTRACT),
    ...(service.url ?? service.source_urls[0] ? { url: service.url ?? service.source_urls[0] } : {}),
    keywords: ['Service directory', keyword(asOf)],
  };
}

/** The citation for one passage; a service passage cites its directory record. */
export function citationFor(passage: Passage, lookup: KnowledgeLookup): Omit<Citation, 'position'> | undefined {
  if (passage.kind === 'service') {
    const service = passage.serviceId ? lookup.service(passage.serviceId) : undefined;
    return service ? serviceCitation(service, passage.id) : undefined;
  }
  if (passage.kind === 'sds') {
    const section = passage.headings.at(-1);
    return {
      passageId: passage.id,
      name: sourceName(passage.docTitle, section),
      abstract: shorten(plain(passage.summary ?? passage.text), MAX_ABSTRACT),
      ...(passage.sourceUrls[0] ? { url: passage.sourceUrls[0] } : {}),
      keywords: ['SDS guidance', ...(passage.reviewed ? [keyword(`reviewed ${passage.reviewed}`)] : [])],
    };
  }
  return {
    passageId: passage.id,
    name: sourceName(passage.docTitle, passage.headings.at(-1)),
    abstract: shorten(plain(markDraftGaps(passage.text)), MAX_ABSTRACT),
    ...(passage.sourceUrls[0] ? { url: passage.sourceUrls[0] } : {}),
    keywords: ['Strategic Plan', ...planKeywords(passage)],
  };
}

/** The passages an answer shows, most important first. Help, "not sure", the plan overview,
 * emergency routes and the signposting steps quote no single source, so they cite nothing. */
function citedPassageIds(answer: Answer): Array<string | { service: ServiceRecord; passageId: string }> {
  switch (answer.type) {
    case 'passage':
      return [answer.passage.id];
    case 'services':
      return answer.services.map((service, i) => ({ service, passageId: answer.passageIds[i] ?? `service:${service.id}` }));
    case 'plan_list':
      return answer.items.map((i) => i.passageId);
    case 'results':
      return answer.items.map((i) => i.id);
    case 'signposting':
      return [
        ...answer.result.services.map((service) => ({ service, passageId: `service:${service.id}` })),
        ...answer.result.sds.map((p) => p.id),
        ...(answer.result.promptsSource ? [answer.result.promptsSource.id] : []),
      ];
    default:
      return [];
  }
}

/** Up to ten citations for an answer, one per distinct source, numbered from 1. */
export function citationsForAnswer(answer: Answer, lookup: KnowledgeLookup): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const ref of citedPassageIds(answer)) {
    if (out.length >= MAX_CITATIONS) break;
    const passageId = typeof ref === 'string' ? ref : ref.passageId;
    if (seen.has(passageId)) continue;
    seen.add(passageId);
    const passage = typeof ref === 'string' ? lookup.passage(ref) : undefined;
    const citation = typeof ref === 'string' ? (passage ? citationFor(passage, lookup) : undefined) : serviceCitation(ref.service, ref.passageId);
    if (citation) out.push({ position: out.length + 1, ...citation });
  }
  return out;
}

/** The message text that carries the `[n]` markers Teams turns into citation links. */
export function citationText(citations: readonly Citation[]): string {
  if (citations.length === 0) return '';
  const list = citations.map((c) => `${c.name} [${c.position}]`);
  return citations.length === 1 ? `Source: ${list[0]}` : `Sources: ${list.join(' · ')}`;
}
