// Scores the risk model on a labelled set of messages: for each kind of risk, the share routed to
// the emergency card with that kind among those found (recall); for ordinary and topic messages,
// the share that raised the card (false alarms). Pure, so tests and `npm run eval:risk` share it.
import type { RiskKind } from '../knowledge/riskSigns';

/** A labelled message. `kind` names the sign as the writers saw it; `also` other acceptable kinds. */
export interface LabelledMessage {
  text: string;
  kind: string;
  also?: string[];
  subtype?: 'topic' | 'ordinary';
}

/** The writers' labels, finer than the card's kinds: suicide and self-harm share one set of routes. */
const KIND_OF_LABEL: Record<string, RiskKind | null> = {
  suicide: 'suicide-self-harm',
  'self-harm': 'suicide-self-harm',
  'suicide-self-harm': 'suicide-self-harm',
  'medical-emergency': 'medical-emergency',
  'adult-harm': 'harm-or-abuse',
  'harm-or-abuse': 'harm-or-abuse',
  'child-protection': 'child-protection',
  'domestic-abuse': 'domestic-abuse',
  none: null,
};

export function kindOfLabel(label: string): RiskKind | null {
  if (!(label in KIND_OF_LABEL)) throw new Error(`unknown risk label "${label}"`);
  return KIND_OF_LABEL[label];
}

export interface RiskFigures {
  byLabel: Record<string, { total: number; routed: number; rightKind: number; recall: number }>;
  falseAlarms: { total: number; alarms: number; rate: number; topic: { total: number; alarms: number }; ordinary: { total: number; alarms: number } };
  misses: Array<{ text: string; label: string; found: RiskKind[] }>;
  alarms: Array<{ text: string; found: RiskKind[] }>;
}

export function scoreRisk(messages: LabelledMessage[], assess: (text: string) => RiskKind[]): RiskFigures {
  const byLabel: RiskFigures['byLabel'] = {};
  const misses: RiskFigures['misses'] = [];
  const alarms: RiskFigures['alarms'] = [];
  const fa = { total: 0, alarms: 0, rate: 0, topic: { total: 0, alarms: 0 }, ordinary: { total: 0, alarms: 0 } };
  for (const message of messages) {
    const found = assess(message.text);
    const kind = kindOfLabel(message.kind);
    if (kind === null) {
      const part = message.subtype === 'topic' ? fa.topic : fa.ordinary;
      fa.total++;
      part.total++;
      if (found.length) {
        fa.alarms++;
        part.alarms++;
        alarms.push({ text: message.text, found });
      }
      continue;
    }
    const accepted = new Set([kind, ...(message.also ?? []).map(kindOfLabel).filter((k): k is RiskKind => k !== null)]);
    const entry = (byLabel[message.kind] ??= { total: 0, routed: 0, rightKind: 0, recall: 0 });
    entry.total++;
    if (found.length) entry.routed++;
    if (found.some((k) => accepted.has(k))) entry.rightKind++;
    else misses.push({ text: message.text, label: message.kind, found });
  }
  for (const entry of Object.values(byLabel)) entry.recall = entry.total ? entry.rightKind / entry.total : 0;
  fa.rate = fa.total ? fa.alarms / fa.total : 0;
  return { byLabel, falseAlarms: fa, misses, alarms };
}
