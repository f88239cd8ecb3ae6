// `npm run fit:ranking`: chooses the re-ranker's weights (RANKING_WEIGHTS) by coordinate ascent on
// hit@1 (MRR breaking ties) over the practice and curated question sets, and reports how well
// weights chosen that way do on questions they were not chosen on, by 5-fold cross-validation.
// The held-out set is never read here. It prints the weights to paste into searchEngine.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBuiltKnowledge } from '../search/builtKnowledge';
import { BUILT_KNOWLEDGE_FILE, PROJECT_ROOT } from '../paths';
import { combine, CONFIDENCE, RANKING_WEIGHTS, SearchEngine, type ConfidenceSignals, type RankingFeatures } from '../search/searchEngine';
import { DEFAULT_QUESTIONS } from './evaluate';
import { answers, isOutOfScope, type EvalQuestion } from './scoring';
import { smallTalk } from '../conversation/smallTalk';

export const TUNING_SETS = [
  DEFAULT_QUESTIONS,
  ...['curated-questions.json', 'tuning-questions-2.json', 'tuning-questions-3.json', 'tuning-questions-4.json', 'tuning-questions-5.json', 'tuning-questions-6.json', 'tuning-questions-7.json', 'tuning-questions-8.json', 'tuning-questions-9.json', 'tuning-questions-10.json', 'tuning-questions-11.json', 'tuning-questions-12.json', 'tuning-questions-13.json', 'tuning-questions-14.json', 'tuning-questions-15.json', 'tuning-questions-16.json', 'tuning-questions-17.json', 'tuning-questions-18.json', 'tuning-questions-19.json', 'tuning-questions-20.json', 'tuning-questions-21.json', 'tuning-questions-22.json', 'tuning-questions-23.json', 'tuning-questions-24.json', 'tuning-questions-25.json', 'tuning-questions-26.json', 'tuning-questions-27.json', 'tuning-questions-28.json', 'tuning-questions-29.json', 'tuning-questions-30.json', 'tuning-questions-31.json', 'tuning-questions-32.json', 'tuning-questions-33.json', 'tuning-questions-34.json', 'tuning-questions-35.json', 'tuning-questions-36.json'].map((f) => join(PROJECT_ROOT, 'tests', 'fixtures', f)),
];
const FOLDS = 5;
const STEPS = [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3];

/** One question's candidates: their features, and whether each answers it. */
export interface Case {
  candidates: Array<{ features: RankingFeatures; answers: boolean }>;
}

export function rankWith(c: Case, weights: RankingFeatures): number {
  let best = -Infinity;
  let answerBest = -Infinity;
  for (const cand of c.candidates) {
    const s = combine(cand.features, weights);
    if (s > best) best = s;
    if (cand.answers && s > answerBest) answerBest = s;
  }
  if (answerBest === -Infinity) return 0;
  // Rank of the best-scored answering candidate: 1 + how many non-answering candidates beat it.
  let rank = 1;
  for (const cand of c.candidates) if (!cand.answers && combine(cand.features, weights) > answerBest) rank++;
  return rank <= 10 ? rank : 0;
}

export function objective(cases: Case[], weights: RankingFeatures): number {
  let hits = 0;
  let mrr = 0;
  for (const c of cases) {
    const r = rankWith(c, weights);
    if (r === 1) hits++;
    if (r > 0) mrr += 1 / r;
  }
  return (hits + 0.1 * mrr) / Math.max(cases.length, 1);
}

/** Coordinate ascent from `start`: each weight tried at multiples of its value, kept when better. */
export function fitRankingWeights(cases: Case[], start: RankingFeatures = RANKING_WEIGHTS, rounds = 3): RankingFeatures {
  const weights = { ...start };
  let best = objective(cases, weights);
  for (let round = 0; round < rounds; round++) {
    let improved = false;
    for (const key of Object.keys(weights) as Array<keyof RankingFeatures>) {
      const base = weights[key] || 0.5;
      for (const step of STEPS) {
        const trial = { ...weights, [key]: Math.round(base * step * 100) / 100 };
        const score = objective(cases, trial);
        if (score > best + 1e-9) {
          best = score;
          Object.assign(weights, trial);
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return weights;
}

export function casesFor(engine: SearchEngine, questions: EvalQuestion[]): Case[] {
  return questions
    .filter((q) => !isOutOfScope(q))
    .map((q) => ({
      candidates: engine.search(q.question, { limit: 40, explain: true }).results.map((r) => ({
        features: r.features as RankingFeatures,
        answers: answers(q, { title: r.passage.title, text: r.passage.text }),
      })),
    }));
}

/** One question's confidence signals, and whether the bot should be sure of it. */
export interface ConfidenceCase {
  signals: ConfidenceSignals;
  /** Out of scope, or near it: never sure, whatever the thresholds. */
  neverSure: boolean;
  inScope: boolean;
}

type Thresholds = typeof CONFIDENCE;

function confidenceRight(c: ConfidenceCase, t: Thresholds): boolean {
  const sure = !c.neverSure && c.signals.knownShare >= t.minKnownShare && c.signals.knownCoverage >= t.minKnownCoverage;
  return sure === c.inScope;
}

/** Balanced accuracy: the share of in-scope questions answered and the share of out-of-scope ones
 * met with "not sure", averaged. Counting questions alone would let the many in-scope questions
 * outvote the few out-of-scope ones, though a confident wrong answer costs as much as a needless
 * "not sure". */
export function balancedRight(cases: ConfidenceCase[], t: Thresholds): number {
  const rate = (group: ConfidenceCase[]): number => (group.length ? group.filter((c) => confidenceRight(c, t)).length / group.length : 1);
  return (rate(cases.filter((c) => c.inScope)) + rate(cases.filter((c) => !c.inScope))) / 2;
}

/** The thresholds with the best balanced accuracy; among equals, the lowest (fewest not-sure answers). */
export function fitConfidence(cases: ConfidenceCase[]): Thresholds {
  let best = { ...CONFIDENCE };
  let bestRight = -1;
  for (let share = 0.3; share <= 0.81; share += 0.05) {
    for (let coverage = 0.2; coverage <= 0.71; coverage += 0.05) {
      const t = { minKnownShare: Math.round(share * 100) / 100, minKnownCoverage: Math.round(coverage * 100) / 100 };
      const right = balancedRight(cases, t);
      if (right > bestRight + 1e-9) {
        bestRight = right;
        best = t;
      }
    }
  }
  return best;
}

function hit1(cases: Case[], weights: RankingFeatures): number {
  return cases.filter((c) => rankWith(c, weights) === 1).length / Math.max(cases.length, 1);
}

function main(): void {
  const engine = new SearchEngine(readBuiltKnowledge(BUILT_KNOWLEDGE_FILE));
  const questions = TUNING_SETS.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as EvalQuestion[]);
  const cases = casesFor(engine, questions);
  let cvHits = 0;
  for (let f = 0; f < FOLDS; f++) {
    const train = cases.filter((_, i) => i % FOLDS !== f);
    const test = cases.filter((_, i) => i % FOLDS === f);
    const w = fitRankingWeights(train);
    cvHits += hit1(test, w) * test.length;
  }
  const fitted = fitRankingWeights(cases);
  const confidenceCases: ConfidenceCase[] = questions.map((q) => {
    const r = engine.search(q.question);
    return { signals: r.signals ?? { knownShare: 0, knownCoverage: 0 }, neverSure: Boolean(r.outOfScope || r.nearScope || r.figureMissing || smallTalk(q.question)), inScope: !isOutOfScope(q) };
  });
  // Out-of-fold decisions: each question judged by thresholds fitted without it.
  const outOfFold: boolean[] = new Array<boolean>(confidenceCases.length);
  for (let f = 0; f < FOLDS; f++) {
    const t = fitConfidence(confidenceCases.filter((_, i) => i % FOLDS !== f));
    confidenceCases.forEach((c, i) => {
      if (i % FOLDS === f) outOfFold[i] = confidenceRight(c, t);
    });
  }
  const inScopeCases = confidenceCases.map((c, i) => ({ c, i })).filter(({ c }) => c.inScope);
  const outCases = confidenceCases.map((c, i) => ({ c, i })).filter(({ c }) => !c.inScope);
  const cvAnswered = inScopeCases.filter(({ i }) => outOfFold[i]).length / inScopeCases.length;
  const cvNotSure = outCases.filter(({ i }) => outOfFold[i]).length / outCases.length;
  const thresholds = fitConfidence(confidenceCases);
  console.log(`${cases.length} tuning questions; hit@1 with the current weights ${hit1(cases, RANKING_WEIGHTS).toFixed(3)}`);
  console.log(`${FOLDS}-fold cross-validated hit@1 of weights fitted this way: ${(cvHits / cases.length).toFixed(3)}`);
  console.log(`hit@1 of the weights fitted on all of them, on the same questions: ${hit1(cases, fitted).toFixed(3)}`);
  console.log(JSON.stringify(fitted));
  const right = (t: Thresholds): string => balancedRight(confidenceCases, t).toFixed(3);
  console.log(`confidence (balanced accuracy): current thresholds ${right(CONFIDENCE)}; fitted on all ${JSON.stringify(thresholds)} ${right(thresholds)}`);
  console.log(`  ${FOLDS}-fold cross-validated: in scope answered ${cvAnswered.toFixed(3)}, out of scope "not sure" ${cvNotSure.toFixed(3)} (${outCases.length} out of scope)`);
}

if (require.main === module) main();
