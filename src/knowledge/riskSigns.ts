// The signs of immediate risk as curators keep them (knowledge/risk-signs.json): read, checked
// against its own sources and word classes, and handed on as plain data. Compiling the patterns is
// the safety layer's job; this file only makes sure a curator's edit is well formed.
import { readKnowledgeJson } from './validation';

/** The kinds of immediate risk, most urgent routes first. */
export const RISK_KINDS = ['suicide-self-harm', 'medical-emergency', 'child-protection', 'domestic-abuse', 'harm-or-abuse'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

export interface RiskKindInfo {
  /** How the card names this kind of risk ("suicide or self-harm"). */
  label: string;
  /** One short line on what to do first. */
  firstStep: string;
  /** A negation just before the sign ("no chest pain") means the sign is not there. */
  negatable: boolean;
  /** Only the present counts: a sign near "years ago" or "history of" is not an emergency now. */
  acute: boolean;
  /** Harm told as history is still a risk now ("dad has a history of hurting a baby"): a history of
   * harming children is itself a concern for a child in the same home. */
  historyIsRisk?: boolean;
  /** Which answers may follow the routes: services in these categories, passages with these words. */
  fits: { categories: string[]; terms: string[] };
}

export interface RiskSign {
  id: string;
  /** The finer label for reporting: suicide, self-harm, medical, physical, financial, … */
  type: string;
  kinds: RiskKind[];
  sources: string[];
  /** Each group is a set of alternatives; one of each must appear within `within` words. */
  all: string[];
  within?: number;
  /** Somewhere in the message, at least one of these must appear too. */
  also?: string;
  /** Near the sign, any of these means it is something else ("fell and hurt herself"). */
  unless?: string;
  /** Anywhere in the message, any of these means the sign is not this one (another person did it). */
  not?: string;
}

export interface RiskSignsData {
  note: string;
  sources: Record<string, { title: string; url: string }>;
  words: Record<string, string>;
  kinds: Record<RiskKind, RiskKindInfo>;
  context: {
    negators: string;
    past: string;
    topic: string;
    generic: string;
    person: string;
    /** Long past ("years ago", "in 2019", "used to", "safe now"): a sign this close to it is history,
     * whatever its kind, unless `again` is also in the message ("used to cut, started again"). */
    history?: string;
    again?: string;
    /** Happening as the message is written ("on a home visit now", "she's with me now"): a question that
     * sounds general is then about the person there, not a topic. Unlike `again`, it says nothing of history. */
    present?: string;
    /** Asking for an everyday service or activity ("any groups", "wants to volunteer"): the weights
     * learn how far this tells an ordinary question from a risk. */
    request?: string;
    /** A concern said to be over for good ("unfounded", "no further action", "case closed"): anywhere in
     * the message, with nothing saying it is happening again, it is history for every sign in it. */
    settled?: string;
    /** Said as a joke ("lol", "haha", "only kidding"): the weights learn how far this tells banter from a risk. */
    joking?: string;
    /** Everyday phrases whose words are not a sign ("end of life", "fit note", "budget cuts"). */
    not: string[];
    /** Everyday words the build's English word list lacks, read as themselves, never as the sign word
     * one letter away ("vaping" is not "raping"). */
    everydayWords?: string[];
  };
  signs: RiskSign[];
  /** Groups of words that often come with a kind of risk; the fitted weights say how much each counts. */
  cues?: Record<string, { sources: string[]; words: string }>;
}

/** One logistic model: a bias, a weight per dense feature (the signs, cues and context the main
 * weights read) and a weight per word stem or pair of stems. */
export interface WordModel {
  bias: number;
  dense: number[];
  /** As fitted and kept in knowledge/, a record; as start-up reads the built file, packed. */
  words: Record<string, number> | WordTable;
}

/** Word weights looked up by word (src/knowledge/packedWordWeights.ts). */
export interface WordTable {
  weightOf(word: string): number;
}

/** Word weights fitted by `npm run fit:risk`; kept in knowledge/risk-weights.json under `words`. */
export interface RiskWordWeights {
  /** Routes a message no sign or main weight routed when the risk model scores it this high. */
  threshold: number;
  /** Takes back a route of the main weights alone (no sign) when the risk model scores it this low. */
  veto: number;
  risk: WordModel;
  kinds: Record<RiskKind, WordModel>;
}

/** Weights fitted by `npm run fit:risk` on the tuning messages (knowledge/risk-weights.json). */
export interface RiskWeights {
  note: string;
  features: string[];
  /** Is someone at risk now? Over the threshold, yes. */
  risk: { bias: number; weights: number[]; threshold: number };
  /** Which kind of risk, fitted on risk messages only. */
  kinds: Record<RiskKind, { bias: number; weights: number[] }>;
  fitted: { on: string; messages: number; folds: number; lambda: number };
  /** Word weights learned from the tuning messages, a second reader where no sign or main weight routes. */
  words?: RiskWordWeights;
}

export function loadRiskWeights(file: string): RiskWeights {
  const data = readKnowledgeJson(file) as RiskWeights;
  if (!Array.isArray(data.features)) throw new Error(`${file}: field features must list feature names`);
  const sound = (m: { bias?: unknown; weights?: unknown } | undefined): boolean =>
    !!m && typeof m.bias === 'number' && Array.isArray(m.weights) && m.weights.length === data.features.length;
  if (!sound(data.risk) || typeof data.risk.threshold !== 'number') throw new Error(`${file}: field risk needs a bias, a threshold and one weight per feature`);
  for (const kind of RISK_KINDS) {
    if (!sound(data.kinds?.[kind])) throw new Error(`${file}: field kinds/${kind} needs a bias and one weight per feature`);
  }
  if (data.words !== undefined) {
    const soundWords = (m: WordModel | undefined): boolean =>
      !!m && typeof m.bias === 'number' && Array.isArray(m.dense) && m.dense.length === data.features.length && typeof m.words === 'object' && m.words !== null;
    if (typeof data.words.threshold !== 'number' || typeof data.words.veto !== 'number' || !soundWords(data.words.risk) || !RISK_KINDS.every((k) => soundWords(data.words?.kinds?.[k]))) {
      throw new Error(`${file}: field words needs a threshold, a veto, and a bias, one dense weight per feature and word weights for risk and each kind`);
    }
  }
  return data;
}

export function loadRiskSigns(file: string): RiskSignsData {
  const data = readKnowledgeJson(file) as RiskSignsData;
  const problems = riskSignsProblems(data);
  if (problems.length) throw new Error(`${file}: ${problems.slice(0, 10).join('; ')}`);
  return data;
}

/** Everything wrong with the data, each naming its field; empty when it is sound. */
export function riskSignsProblems(data: RiskSignsData): string[] {
  const problems: string[] = [];
  if (!data || typeof data !== 'object') return ['must be an object'];
  for (const key of ['sources', 'words', 'kinds', 'context'] as const) {
    if (!data[key] || typeof data[key] !== 'object') problems.push(`field ${key} must be an object`);
  }
  if (!Array.isArray(data.signs) || data.signs.length === 0) problems.push('field signs must list signs');
  if (problems.length) return problems;
  for (const kind of RISK_KINDS) {
    const info = data.kinds[kind];
    if (!info) problems.push(`field kinds/${kind} is missing`);
    else if (!info.label?.trim() || !info.firstStep?.trim()) problems.push(`field kinds/${kind} needs a label and a firstStep`);
  }
  for (const [id, source] of Object.entries(data.sources)) {
    if (!source.title?.trim() || !/^https:\/\//.test(source.url ?? '')) problems.push(`field sources/${id} needs a title and an https url`);
  }
  const patterns: Array<[string, string]> = [
    ...Object.entries(data.words).map(([k, v]): [string, string] => [`words/${k}`, v]),
    ...(['negators', 'past', 'topic', 'generic', 'person'] as const).map((k): [string, string] => [`context/${k}`, data.context[k]]),
    ...(['history', 'again', 'present', 'request', 'joking', 'settled'] as const).filter((k) => data.context[k] !== undefined).map((k): [string, string] => [`context/${k}`, data.context[k] as string]),
  ];
  if ((data.context.history === undefined) !== (data.context.again === undefined)) problems.push('fields context/history and context/again come together');
  const ids = new Set<string>();
  data.signs.forEach((sign, i) => {
    const where = `signs/${i} (${sign.id ?? '?'})`;
    if (!sign.id || ids.has(sign.id)) problems.push(`field ${where}/id must be present and unique`);
    ids.add(sign.id);
    if (!Array.isArray(sign.kinds) || sign.kinds.length === 0 || sign.kinds.some((k) => !RISK_KINDS.includes(k))) {
      problems.push(`field ${where}/kinds must name kinds from ${RISK_KINDS.join(', ')}`);
    }
    if (!Array.isArray(sign.sources) || sign.sources.length === 0 || sign.sources.some((s) => !data.sources[s])) {
      problems.push(`field ${where}/sources must name sources listed under "sources"`);
    }
    if (!Array.isArray(sign.all) || sign.all.length === 0) problems.push(`field ${where}/all must list word groups`);
    (sign.all ?? []).forEach((group, g) => patterns.push([`${where}/all/${g}`, group]));
    if (sign.also !== undefined) patterns.push([`${where}/also`, sign.also]);
    if (sign.unless !== undefined) patterns.push([`${where}/unless`, sign.unless]);
    if (sign.not !== undefined) patterns.push([`${where}/not`, sign.not]);
  });
  for (const [name, cue] of Object.entries(data.cues ?? {})) {
    if (!Array.isArray(cue.sources) || cue.sources.length === 0 || cue.sources.some((s) => !data.sources[s])) {
      problems.push(`field cues/${name}/sources must name sources listed under "sources"`);
    }
    patterns.push([`cues/${name}/words`, cue.words]);
  }
  for (const [where, pattern] of patterns) {
    if (typeof pattern !== 'string' || !pattern.trim()) {
      problems.push(`field ${where} must be text`);
      continue;
    }
    for (const [, name] of pattern.matchAll(/@([a-z]+)/g)) {
      if (!(name in data.words)) problems.push(`field ${where} names an unknown word class @${name}`);
    }
  }
  if (!Array.isArray(data.context.not)) problems.push('field context/not must list phrases');
  return problems;
}
