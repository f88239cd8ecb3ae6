// What the bot decided to say, as plain data. Cards are drawn from this; the Teams edge only sends.
import type { PlanItem } from '../knowledge/planStructure';
import type { Passage, ServiceRecord } from '../knowledge/types';

export interface Suggestion {
  label: string;
  text: string;
}

export interface PassageLink {
  id: string;
  title: string;
}

export type Answer =
  | { type: 'help'; reason: 'empty' | 'help' | 'nonsense' }
  | { type: 'not_sure'; nearest: PassageLink[]; hint?: string }
  | { type: 'passage'; passage: Passage; snippet: string; alternatives: PassageLink[]; suggestions: Suggestion[] }
  | { type: 'services'; services: ServiceRecord[]; passageIds: string[] }
  | { type: 'plan_list'; heading: string; items: PlanItem[] };
