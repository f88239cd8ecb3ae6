// What the bot decided to say, as plain data. Cards are drawn from this; the Teams edge only sends.
import type { PlanItem } from '../knowledge/planStructure';
import type { Passage, PassageKind, ServiceRecord } from '../knowledge/types';
import type { ResolvedRoute } from '../safety/emergencyRoutes';
import type { RiskKind } from '../safety/riskDetector';
import type { SignpostingResult } from '../signpost/signposting';
import type { StepPrompt } from '../signpost/steps';

export interface Suggestion {
  label: string;
  text: string;
}

export interface PassageLink {
  id: string;
  title: string;
}

/** What a "More results" button asks for: the (redacted) question, the next page, any kind filter. */
export interface MoreResults {
  text: string;
  page: number;
  kinds?: PassageKind[];
}

export interface ResultItem extends PassageLink {
  kind: PassageKind;
  extract: string;
}

export type Answer =
  | { type: 'help'; reason: 'empty' | 'help' | 'nonsense' }
  | { type: 'not_sure'; nearest: PassageLink[]; hint?: string }
  | { type: 'passage'; passage: Passage; snippet: string; alternatives: PassageLink[]; suggestions: Suggestion[]; more?: MoreResults }
  | { type: 'services'; services: ServiceRecord[]; passageIds: string[]; more?: MoreResults }
  | { type: 'plan_list'; heading: string; items: PlanItem[]; nav?: Suggestion[] }
  | { type: 'plan_browse'; aims: Array<{ number: number; title: string; outcomeCodes: string }>; mission: string }
  | { type: 'results'; heading: string; items: ResultItem[]; more?: MoreResults }
  | {
      type: 'emergency';
      risks: RiskKind[];
      routes: ResolvedRoute[];
      /** One short line per kind of risk on what to do first. */
      firstSteps: string[];
      /** Asked for ("emergency numbers"), not raised by a message about someone at risk. */
      requested?: boolean;
    }
  | { type: 'signpost_step'; prompt: StepPrompt; notice?: string }
  | { type: 'signposting'; result: SignpostingResult }
  | { type: 'feedback_form' }
  | { type: 'feedback_reason'; passageId: string };
