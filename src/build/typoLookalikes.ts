// English words one typo away from a word of the risk signs ("cooking" / "choking", "putting" /
// "cutting"): the risk model must read them as themselves, not as the sign. Found at build time
// from a word list (a dev dependency), so the server carries only the short list that matters.
import { readFileSync } from 'node:fs';
import type { RiskSignsData } from '../knowledge/riskSigns';
import { RiskModel } from '../safety/riskModel';

export function typoLookalikes(signs: RiskSignsData, dictionary: readonly string[] = englishWords()): string[] {
  const model = new RiskModel(signs);
  return [...dictionary, ...(signs.context.everydayWords ?? [])].filter((word) => /^[a-z]+$/.test(word) && model.correct(word) !== word).sort();
}

function englishWords(): string[] {
  return JSON.parse(readFileSync(require.resolve('an-array-of-english-words'), 'utf8')) as string[];
}
