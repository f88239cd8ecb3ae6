// Scoring rules for answer quality, as the practice set's README defines them: a result answers a
// question when its title + text contain every phrase of must_mention (or of one any_of list),
// compared lower-case with punctuation folded.

export interface EvalQuestion {
  question: string;
  kind: string;
  must_mention?: string[];
  any_of?: string[][];
  expect?: string;
}

export interface ScoredResult {
  title: string;
  text: string;
}

/** Results whose text is longer than this do not count. */
export const MAX_COUNTED_TEXT = 2500;

export function foldForScoring(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^0-9a-z%£.,/]+/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

export function answers(question: EvalQuestion, result: ScoredResult): boolean {
  if (result.text.length > MAX_COUNTED_TEXT) return false;
  const haystack = ` ${foldForScoring(`${result.title} ${result.text}`)} `;
  const has = (phrase: string): boolean => haystack.includes(foldForScoring(phrase));
  if (question.must_mention && question.must_mention.every(has)) return true;
  return (question.any_of ?? []).some((list) => list.every(has));
}

/** 1-based rank of the first answering result in the top 10, or 0. */
export function rankOf(question: EvalQuestion, results: ScoredResult[]): number {
  const index = results.slice(0, 10).findIndex((r) => answers(question, r));
  return index + 1;
}

export interface Figures {
  questions: number;
  hit1: number;
  hit3: number;
  mrr: number;
}

export function figures(ranks: number[]): Figures {
  const n = ranks.length || 1;
  return {
    questions: ranks.length,
    hit1: round(ranks.filter((r) => r === 1).length / n),
    hit3: round(ranks.filter((r) => r >= 1 && r <= 3).length / n),
    mrr: round(ranks.reduce((sum, r) => sum + (r > 0 ? 1 / r : 0), 0) / n),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function isOutOfScope(question: EvalQuestion): boolean {
  return question.expect === 'not_sure';
}
