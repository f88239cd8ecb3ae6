// `npm run fit:risk`: fits the risk model's weights on the tuning messages only, one logistic
// regression per kind of risk over the signs, cue groups and context, and chooses each kind's
// threshold by k-fold cross-validation: the lowest that raises no more false alarms out of fold than
// the budget allows. Then the word weights (src/safety/riskWords.ts), each tuning file judged by
// weights fitted on the others. Writes knowledge/risk-weights.json and prints the cross-validated
// figures. The held-out messages are never read here.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { typoLookalikes } from '../build/typoLookalikes';
import { RISK_KINDS, loadRiskSigns, type RiskKind, type RiskWeights } from '../knowledge/riskSigns';
import { KNOWLEDGE_DIR, PROJECT_ROOT } from '../paths';
import { probability, RiskModel, weightedKinds, withWords, type RiskFeatures } from '../safety/riskModel';
import { fitWordModel, wordFeatures, wordProbability, type RiskWordWeights } from '../safety/riskWords';
import { TUNING_SETS } from './fitRanking';
import { CONVERSATION_SETS } from './conversationEval';
import { readRiskSet, RISK_SETS } from './riskEval';
import { kindOfLabel, scoreRisk, type LabelledMessage } from './riskScoring';

export const FOLDS = 5;
/** Rare but telling features (a history told as long past) need room: at 0.01 they stayed near zero;
 * cross-validated recall rose at 0.003 and 0.001 and little after. */
export const LAMBDA = 0.001;
/** Out-of-fold false alarms the weights may raise among ordinary messages with no sign in them.
 * The signs raise most alarms now: at 0.01 cross-validated recall was the same as at 0.02, with
 * fewer false alarms, and ordinary questions stay below the threshold. */
export const FALSE_ALARM_BUDGET = 0.01;
/** The most the word weights may add for any one writer's ordinary messages, that writer left out. */
export const FILE_FALSE_ALARM_BUDGET = 0.03;

/** Word weights: a little regularisation, pairs and words seen at least twice. On a tuning file
 * left out, recall and false alarms barely moved between lambda 0.0003 and 0.003 or counts 1 to 3. */
export const WORD_FIT = { lambda: 0.001, epochs: 20, rate: 0.2, minCount: 2 };
/** Word thresholds tried, each file judged by weights fitted on the other files. */
const WORD_THRESHOLDS = [0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const WORD_VETOES = [0, 0.05, 0.1, 0.2, 0.3];

interface Example {
  message: LabelledMessage;
  /** Which tuning file, that is which writer: the word weights are judged on a file left out. */
  file: number;
  words: string[];
  features: RiskFeatures;
  accepted: Set<RiskKind>;
}

/** L2-regularised logistic regression by gradient descent: small data, a few dozen features. */
export function fitLogistic(xs: number[][], ys: number[], lambda = LAMBDA, iterations = 1500, rate = 0.5): { bias: number; weights: number[] } {
  const n = xs.length;
  const d = xs[0]?.length ?? 0;
  let bias = 0;
  const weights = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    let gBias = 0;
    const g = new Array<number>(d).fill(0);
    for (let i = 0; i < n; i++) {
      const err = probability(bias, weights, xs[i]) - ys[i];
      gBias += err;
      for (let j = 0; j < d; j++) g[j] += err * xs[i][j];
    }
    bias -= (rate * gBias) / n;
    for (let j = 0; j < d; j++) weights[j] -= rate * (g[j] / n + lambda * weights[j]);
  }
  return { bias, weights };
}

/** The lowest threshold at which scores of negatives stay within the budget. */
export function thresholdFor(negativeScores: number[], budget: number): number {
  const allowed = Math.floor(negativeScores.length * budget);
  const sorted = [...negativeScores].sort((a, b) => b - a);
  const above = sorted[allowed];
  return above === undefined ? 0.5 : Math.min(0.95, Math.max(0.05, above + 1e-6));
}

function foldOf(i: number): number {
  // A fixed interleaving keeps folds reproducible without a random seed.
  return (i * 7919) % FOLDS;
}

export function fitWeights(examples: Example[], featureNames: string[]): { weights: RiskWeights; outOfFold: number[]; outOfFoldKinds: RiskKind[][] } {
  const xs = examples.map((e) => e.features.values);
  const isRisk = examples.map((e) => (e.accepted.size ? 1 : 0));
  const outOfFold = examples.map(() => 0);
  const outOfFoldKinds = examples.map((): RiskKind[] => []);
  const fitKinds = (rows: number[]): RiskWeights['kinds'] => {
    const risky = rows.filter((i) => isRisk[i]);
    const kinds = {} as RiskWeights['kinds'];
    for (const kind of RISK_KINDS) {
      const m = fitLogistic(risky.map((i) => xs[i]), risky.map((i) => (examples[i].accepted.has(kind) ? 1 : 0)));
      kinds[kind] = { bias: round(m.bias), weights: m.weights.map(round) };
    }
    return kinds;
  };
  const scoresByFold: Array<{ rows: number[]; risk: { bias: number; weights: number[] }; kinds: RiskWeights['kinds'] }> = [];
  for (let f = 0; f < FOLDS; f++) {
    const train = xs.map((_, i) => i).filter((i) => foldOf(i) !== f);
    const risk = fitLogistic(train.map((i) => xs[i]), train.map((i) => isRisk[i]));
    scoresByFold.push({ rows: xs.map((_, i) => i).filter((i) => foldOf(i) === f), risk, kinds: fitKinds(train) });
    for (const i of scoresByFold[f].rows) outOfFold[i] = probability(risk.bias, risk.weights, xs[i]);
  }
  const negatives = examples.map((_, i) => i).filter((i) => !isRisk[i] && !examples[i].features.aboutATopic && examples[i].features.signKinds.length === 0);
  const threshold = thresholdFor(negatives.map((i) => outOfFold[i]), FALSE_ALARM_BUDGET);
  for (const fold of scoresByFold) {
    const w = { note: '', features: featureNames, risk: { ...fold.risk, threshold }, kinds: fold.kinds, fitted: { on: '', messages: 0, folds: 0, lambda: 0 } };
    for (const i of fold.rows) outOfFoldKinds[i] = weightedKinds(w, examples[i].features, outOfFold[i]);
  }
  const all = xs.map((_, i) => i);
  const risk = fitLogistic(xs, isRisk);
  return {
    weights: {
      note: 'Fitted by `npm run fit:risk` on the tuning messages only; the threshold chosen by cross-validation. Do not edit by hand: change the signs or cues and refit.',
      features: featureNames,
      risk: { bias: round(risk.bias), weights: risk.weights.map(round), threshold: round(threshold) },
      kinds: fitKinds(all),
      fitted: { on: RISK_SETS.tuning.map((f) => relative(PROJECT_ROOT, f)).join(', '), messages: examples.length, folds: FOLDS, lambda: LAMBDA },
    },
    outOfFold,
    outOfFoldKinds,
  };
}

/** The word weights, and their thresholds chosen by leaving out one tuning file at a time: a file
 * is a writer, so each is judged by weights that never saw how that writer puts things. The added
 * routes may raise at most FALSE_ALARM_BUDGET of the ordinary messages, pooled over files, and at
 * most FILE_FALSE_ALARM_BUDGET of any one file's; the veto
 * is the highest that takes back no risk message out of file. `weighted`: the main weights' kinds
 * for each example, out of fold; `judge`: the kinds routed in the end. */
export function fitWords(
  examples: Example[],
  weighted: RiskKind[][],
  judge: (features: RiskFeatures, kinds: RiskKind[]) => RiskKind[],
  names: string[] = [],
): { words: RiskWordWeights; outOfFile: RiskKind[][]; report: string[] } {
  const files = [...new Set(examples.map((e) => e.file))];
  type Fitted = Omit<RiskWordWeights, 'threshold' | 'veto'>;
  const fitAll = (rows: Example[]): Fitted => {
    const risky = rows.filter((e) => e.accepted.size > 0);
    const kinds = {} as Fitted['kinds'];
    for (const kind of RISK_KINDS) kinds[kind] = fitWordModel(risky.map((e) => ({ dense: e.features.values, words: e.words, label: e.accepted.has(kind) ? 1 : 0 })), WORD_FIT);
    return { risk: fitWordModel(rows.map((e) => ({ dense: e.features.values, words: e.words, label: e.accepted.size ? 1 : 0 })), WORD_FIT), kinds };
  };
  const byFile = new Map(files.map((file) => [file, fitAll(examples.filter((e) => e.file !== file))]));
  const models = examples.map((e) => byFile.get(e.file) as Fitted);
  const scores = examples.map((e, i) => wordProbability(models[i].risk, e.features.values, e.words));
  const judgeAll = (threshold: number, veto: number): RiskKind[][] =>
    examples.map((e, i) => judge(e.features, withWords({ ...models[i], threshold, veto }, e.features, weighted[i], scores[i])));
  const ordinary = examples.map((_, i) => i).filter((i) => examples[i].accepted.size === 0);
  const alarms = (kinds: RiskKind[][]): number => ordinary.filter((i) => kinds[i].length > 0).length;
  const taken = (v: number): boolean =>
    examples.some((e, i) => e.accepted.size > 0 && weighted[i].length > 0 && e.features.signKinds.length === 0 && !e.features.aboutATopic && scores[i] < v);
  const veto = Math.max(...WORD_VETOES.filter((v) => !taken(v)));
  const base = judgeAll(1.01, veto);
  const none = alarms(base);
  // Each writer counts, not only the pool: story-like ordinary messages ("lives alone since his wife
  // died, any lunch clubs?") read more like risk to the words than short questions do.
  const worstFile = (kinds: RiskKind[][]): number =>
    Math.max(
      ...files.map((file) => {
        const rows = ordinary.filter((i) => examples[i].file === file);
        return rows.length ? rows.filter((i) => kinds[i].length > 0 && base[i].length === 0).length / rows.length : 0;
      }),
    );
  const threshold =
    WORD_THRESHOLDS.find((t) => {
      const kinds = judgeAll(t, veto);
      return alarms(kinds) - none <= FALSE_ALARM_BUDGET * ordinary.length && worstFile(kinds) <= FILE_FALSE_ALARM_BUDGET;
    }) ?? 1.01;
  const before = examples.map((e, i) => judge(e.features, weighted[i]));
  const outOfFile = judgeAll(threshold, veto);
  const figure = (rows: number[], kinds: RiskKind[][]): string => {
    const risk = rows.filter((i) => examples[i].accepted.size > 0);
    const found = risk.filter((i) => kinds[i].some((k) => examples[i].accepted.has(k))).length;
    const fa = rows.filter((i) => examples[i].accepted.size === 0);
    const first = risk.filter((i) => kinds[i].length > 0 && examples[i].accepted.has(kinds[i][0])).length;
    return `${risk.length ? `recall ${(found / risk.length).toFixed(3)}, first kind right ${(first / risk.length).toFixed(3)}, ` : ''}false alarms ${fa.filter((i) => kinds[i].length).length}/${fa.length}`;
  };
  const report = files.map((file) => {
    const rows = examples.map((_, i) => i).filter((i) => examples[i].file === file);
    return `  ${names[file] ?? `file ${file + 1}`} left out: without words ${figure(rows, before)}; with words ${figure(rows, outOfFile)}`;
  });
  report.push(`  threshold ${threshold}, veto ${veto}`);
  return { words: { threshold, veto, ...fitAll(examples) }, outOfFile, report };
}

/** The messages of a question set (its questions) or of a conversation set (every turn). */
function ordinaryMessagesIn(file: string): string[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Array<{ question: string }> | { conversations: Array<{ turns: Array<{ say: string }> }> };
  return Array.isArray(data) ? data.map((q) => q.question) : data.conversations.flatMap((c) => c.turns.map((t) => t.say));
}

function byTextOf(examples: Example[]): Set<string> {
  return new Set(examples.map((e) => e.message.text));
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function main(): void {
  const signs = loadRiskSigns(join(KNOWLEDGE_DIR, 'risk-signs.json'));
  const model = new RiskModel(signs, typoLookalikes(signs));
  const messages = readRiskSet(RISK_SETS.tuning);
  const fileOf = new Map<string, number>();
  RISK_SETS.tuning.forEach((file, i) => {
    for (const m of readRiskSet([file])) if (!fileOf.has(m.text)) fileOf.set(m.text, i);
  });
  const examples: Example[] = messages.map((message) => {
    const kind = kindOfLabel(message.kind);
    const accepted = new Set<RiskKind>(kind ? [kind, ...(message.also ?? []).map(kindOfLabel).filter((k): k is RiskKind => k !== null)] : []);
    const features = model.features(message.text);
    return { message, file: fileOf.get(message.text) ?? 0, words: wordFeatures(features.prepared), features, accepted };
  });
  const { weights, outOfFoldKinds } = fitWeights(examples, model.featureNames);
  // The tuning question sets and the turns of the tuning conversations are ordinary messages staff
  // type, written to be answered: the word weights learn from them how an ordinary question or a
  // short follow-up reads ("would they pick her up?"). A message a sign matches is left out: a
  // sign is a curator's word that someone may be at risk.
  const ordinarySets = [...TUNING_SETS, ...Object.entries(CONVERSATION_SETS).filter(([name]) => name !== 'held-out').map(([, file]) => file)];
  const seen = byTextOf(examples);
  const questions: Example[] = ordinarySets.flatMap((file, i) =>
    ordinaryMessagesIn(file).flatMap((text) => {
      if (seen.has(text) || !seen.add(text)) return [];
      const features = model.features(text);
      if (features.signKinds.length) return [];
      return [{ message: { text, kind: 'none' }, file: RISK_SETS.tuning.length + i, words: wordFeatures(features.prepared), features, accepted: new Set<RiskKind>() }];
    }),
  );
  const names = [...RISK_SETS.tuning, ...ordinarySets].map((f) => relative(PROJECT_ROOT, f));
  const judge = (features: RiskFeatures, kinds: RiskKind[]): RiskKind[] => model.judge(features, kinds).kinds;
  const words = fitWords([...examples, ...questions], [...outOfFoldKinds, ...questions.map((q) => weightedKinds(weights, q.features))], judge, names);
  weights.words = words.words;
  writeFileSync(join(KNOWLEDGE_DIR, 'risk-weights.json'), `${JSON.stringify(weights, null, 1)}\n`);
  // Cross-validated figures: each message judged by main weights fitted without it and word
  // weights fitted without its file.
  const byText = new Map(examples.map((e, i) => [e.message.text, i]));
  const figures = scoreRisk(messages, (text) => words.outOfFile[byText.get(text) ?? -1]);
  console.log(`Word weights, each tuning file judged by weights fitted on the others:`);
  for (const line of words.report) console.log(line);
  console.log(`Fitted on ${messages.length} tuning messages, ${FOLDS}-fold cross-validation (words: a file left out):`);
  for (const [label, f] of Object.entries(figures.byLabel)) console.log(`  ${label}: ${f.rightKind}/${f.total} (${f.recall.toFixed(3)})`);
  console.log(`  false alarms: ${figures.falseAlarms.alarms}/${figures.falseAlarms.total}`);
  console.log(`  threshold: ${weights.risk.threshold}`);
  if (process.argv.includes('--misses')) {
    for (const m of figures.misses) console.log(`  missed [${m.label}] ${m.text} → ${m.found.join(', ') || 'none'}`);
    for (const a of figures.alarms) console.log(`  alarm ${a.text} → ${a.found.join(', ')}`);
  }
}

if (require.main === module) main();
