// `npm run fit:risk`: fits the risk model's weights on the tuning messages only, one logistic
// regression per kind of risk over the signs, cue groups and context, and chooses each kind's
// threshold by k-fold cross-validation: the lowest that raises no more false alarms out of fold than
// the budget allows. Writes knowledge/risk-weights.json and prints the cross-validated figures. The
// held-out messages are never read here.
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { typoLookalikes } from '../build/typoLookalikes';
import { RISK_KINDS, loadRiskSigns, type RiskKind, type RiskWeights } from '../knowledge/riskSigns';
import { KNOWLEDGE_DIR, PROJECT_ROOT } from '../paths';
import { probability, RiskModel, weightedKinds, type RiskFeatures } from '../safety/riskModel';
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

interface Example {
  message: LabelledMessage;
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

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function main(): void {
  const signs = loadRiskSigns(join(KNOWLEDGE_DIR, 'risk-signs.json'));
  const model = new RiskModel(signs, typoLookalikes(signs));
  const messages = readRiskSet(RISK_SETS.tuning);
  const examples: Example[] = messages.map((message) => {
    const kind = kindOfLabel(message.kind);
    const accepted = new Set<RiskKind>(kind ? [kind, ...(message.also ?? []).map(kindOfLabel).filter((k): k is RiskKind => k !== null)] : []);
    return { message, features: model.features(message.text), accepted };
  });
  const { weights, outOfFoldKinds } = fitWeights(examples, model.featureNames);
  writeFileSync(join(KNOWLEDGE_DIR, 'risk-weights.json'), `${JSON.stringify(weights, null, 1)}\n`);
  // Cross-validated figures: each message judged by weights fitted without it.
  const byText = new Map(examples.map((e, i) => [e.message.text, i]));
  const figures = scoreRisk(messages, (text) => {
    const i = byText.get(text) ?? -1;
    return model.judge(examples[i].features, outOfFoldKinds[i]).kinds;
  });
  console.log(`Fitted on ${messages.length} tuning messages, ${FOLDS}-fold cross-validation:`);
  for (const [label, f] of Object.entries(figures.byLabel)) console.log(`  ${label}: ${f.rightKind}/${f.total} (${f.recall.toFixed(3)})`);
  console.log(`  false alarms: ${figures.falseAlarms.alarms}/${figures.falseAlarms.total}`);
  console.log(`  threshold: ${weights.risk.threshold}`);
  if (process.argv.includes('--misses')) {
    for (const m of figures.misses) console.log(`  missed [${m.label}] ${m.text} → ${m.found.join(', ') || 'none'}`);
    for (const a of figures.alarms) console.log(`  alarm ${a.text} → ${a.found.join(', ')}`);
  }
}

if (require.main === module) main();
