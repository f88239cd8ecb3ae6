// A second reader beside the signs: word weights learned from the tuning messages. The signs are
// written by hand from the published guidance, and writers keep finding ways to say the same thing
// that no sign lists ("been to the viaduct a few times this week just looking down"). Measured on a
// tuning file left out of fitting (a writer the model never saw), words added recall the signs
// missed at a cost of about one false alarm in a hundred ordinary messages; see `npm run fit:risk`.
import { RISK_KINDS, type RiskKind, type RiskWordWeights, type WordModel, type WordTable } from '../knowledge/riskSigns';
import { stem } from '../search/stem';

export type { RiskWordWeights, WordModel };

/** Words too common to tell anything alone; they still count inside a pair ("to die"). */
const STOP_WORDS = new Set('a an the and or of to in on at for is are was were be been it its this that with as by from i we you our my your'.split(' '));

/** The word features of a message already prepared by the risk model (lower case, typos of sign
 * words corrected): each stem but the commonest words, and each pair of neighbouring stems. */
export function wordFeatures(prepared: string): string[] {
  const tokens = prepared.trim().split(' ').filter(Boolean);
  const stemmed = tokens.map(stem);
  const out = new Set<string>();
  for (let i = 0; i < stemmed.length; i++) {
    if (!STOP_WORDS.has(tokens[i])) out.add(stemmed[i]);
    if (i + 1 < stemmed.length) out.add(`${stemmed[i]} ${stemmed[i + 1]}`);
  }
  return [...out];
}

function isWordTable(words: WordModel['words']): words is WordTable {
  return typeof (words as Partial<WordTable>).weightOf === 'function';
}

/** One word's (or pair's) weight in a model, 0 when it has none. */
export function weightOfWord(model: WordModel, word: string): number {
  const table = model.words;
  return isWordTable(table) ? table.weightOf(word) : Object.hasOwn(table, word) ? table[word] : 0;
}

export function wordProbability(model: WordModel, dense: readonly number[], words: readonly string[]): number {
  let z = model.bias;
  for (let i = 0; i < dense.length; i++) z += (model.dense[i] ?? 0) * dense[i];
  const table = model.words;
  if (isWordTable(table)) for (const w of words) z += table.weightOf(w);
  // (Own keys only: a message word such as "constructor" is not the record's own.)
  else for (const w of words) z += Object.hasOwn(table, w) ? table[w] : 0;
  return 1 / (1 + Math.exp(-z));
}

/** The kinds the word weights read in a message they score as risk: the likeliest kind, and any
 * other scored at least `second`. */
export function wordKinds(weights: RiskWordWeights, dense: readonly number[], words: readonly string[], second: number): RiskKind[] {
  const scored = RISK_KINDS.map((kind) => ({ kind, p: wordProbability(weights.kinds[kind], dense, words) }));
  const best = scored.reduce((a, b) => (b.p > a.p ? b : a));
  return scored.filter((s) => s === best || s.p >= second).map((s) => s.kind);
}

export interface SparseExample {
  dense: readonly number[];
  words: readonly string[];
  label: number;
}

/** L2-regularised logistic regression over dense and word features by stochastic gradient descent,
 * in a fixed order so a refit gives the same weights. Words seen fewer than `minCount` times are
 * left out: one writer's turn of phrase is not a sign. */
export function fitWordModel(examples: readonly SparseExample[], options: { lambda: number; epochs: number; rate: number; minCount: number }): WordModel & { words: Record<string, number> } {
  const counts = new Map<string, number>();
  for (const e of examples) for (const w of e.words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [w, c] of counts) if (c >= options.minCount) index.set(w, index.size);
  const d = examples[0]?.dense.length ?? 0;
  const weights = new Float64Array(d + index.size);
  let bias = 0;
  const rows = examples.map((e) => {
    const features: number[] = [];
    const values: number[] = [];
    e.dense.forEach((v, j) => {
      if (v) {
        features.push(j);
        values.push(v);
      }
    });
    for (const w of e.words) {
      const j = index.get(w);
      if (j !== undefined) {
        features.push(d + j);
        values.push(1);
      }
    }
    return { features, values };
  });
  const order = examples.map((_, i) => i);
  let seed = 1;
  const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const rate = options.rate / (1 + epoch * 0.2);
    for (const i of order) {
      const { features, values } = rows[i];
      let z = bias;
      for (let k = 0; k < features.length; k++) z += weights[features[k]] * values[k];
      const g = 1 / (1 + Math.exp(-z)) - examples[i].label;
      bias -= rate * g;
      for (let k = 0; k < features.length; k++) weights[features[k]] -= rate * (g * values[k] + options.lambda * weights[features[k]]);
    }
  }
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  const words: Record<string, number> = {};
  // Weights this small change no score that matters; leaving them out keeps the file readable.
  for (const [w, j] of index) if (Math.abs(weights[d + j]) >= 0.01) words[w] = round(weights[d + j]);
  return { bias: round(bias), dense: Array.from(weights.slice(0, d), round), words };
}
