// Shapes of the knowledge sources and of the passages built from them.
// Nothing here knows about Teams or lunr: the build, search and bot all share these types.

import type { Locality } from './places';

export type PassageKind = 'plan' | 'sds' | 'service';

export type Timescale = 'short' | 'medium' | 'longer';

export interface Phone {
  number: string;
  description: string;
}

export interface Address {
  address_1?: string;
  city?: string;
  postal_code?: string;
}

export interface ServiceRecord {
  id: string;
  name: string;
  organization: string;
  description: string;
  categories: string[];
  eligibility: string;
  how_to_access: string;
  phones?: Phone[];
  email?: string;
  url?: string;
  address?: Address;
  schedule?: string;
  fees?: string;
  area_served: string;
  source_urls: string[];
  as_of: string;
  confidence?: Record<string, string>;
  review_flags: string[];
  keywords: string[];
}

/** A Markdown source (a plan document or an SDS article) after front matter is read. */
export interface MarkdownDocument {
  kind: 'plan' | 'sds';
  id: string;
  file: string;
  title: string;
  body: string;
  meta: PlanMeta | SdsMeta;
}

export interface PlanMeta {
  kind: 'plan';
  publisher: string;
  status: string;
  period: string;
  sourceFile: string;
}

export interface SdsMeta {
  kind: 'sds';
  summary: string;
  questions: string[];
  tags: string[];
  sources: string[];
  reviewed: string;
}

export interface Passage {
  /** Stable id: document id plus a section slug and part number. */
  id: string;
  kind: PassageKind;
  docId: string;
  docTitle: string;
  /** Headings from the document root down to this passage's section. */
  headings: string[];
  /** Short title shown to users: the deepest heading, or the document/service title. */
  title: string;
  text: string;
  /** Alternative questions (SDS) or search keywords (services) that point here. */
  questions: string[];
  /** Strategic aim number (1-3) when the passage sits under an aim. */
  aim?: number;
  /** Outcome code such as "2.1" when the passage sits under an outcome. */
  outcome?: string;
  timescale?: Timescale;
  /** Where it came from, for the user: a document name or source URLs. */
  source: string;
  sourceUrls: string[];
  /** For SDS passages: the article's plain summary and review date. */
  summary?: string;
  reviewed?: string;
  /** For SDS passages: the article's topics ("carers", "personal-assistant"), for telling whether two
   * articles are about the same thing. */
  topics?: string[];
  /** For service passages: the record id, so cards can show the full record. */
  serviceId?: string;
  /** For service passages: where the service is, among Midlothian's communities. */
  locality?: Locality;
}
