// The stems of the questions each passage answers, read as the query analysis reads a question
// (synonyms, named numbers, the person's words). Reading ~4,000 questions took about a third of the
// search engine's start-up, so the build reads them once and writes them into the built knowledge;
// the engine reads them itself only for knowledge built without them (the tests' made-up knowledge).
import type { Passage } from '../knowledge/types';
import type { SynonymEntry } from '../knowledge/synonymsFile';
import { analyseQuery } from './queryAnalysis';
import { stem } from './stem';
import { SynonymTable } from './synonyms';

/** Questions per passage the question feature reads (one bit each). */
export const MAX_QUESTION_BITS = 31;

/** Each question's distinct stems, in the order the analysis meets them. */
export function questionStemsOf(passage: Pick<Passage, 'questions'>, synonyms: SynonymTable): string[][] {
  return passage.questions.slice(0, MAX_QUESTION_BITS).map((q) => [...new Set(analyseQuery(q, synonyms).concepts.flatMap((c) => c.tokens.map(stem)))]);
}

/** Every passage's question stems, by passage id. */
export function passageQuestionStems(passages: readonly Passage[], synonyms: readonly SynonymEntry[]): Record<string, string[][]> {
  const table = new SynonymTable(synonyms);
  return Object.fromEntries(passages.map((p) => [p.id, questionStemsOf(p, table)]));
}
