// Topics staff ask a chat bot about that this knowledge does not cover (IT, rotas, weather, …),
// curated in knowledge/out-of-scope.json. A match makes the answer "not sure", with a pointer to
// where such help lives, instead of a confident answer built on a stray shared word.
import type { OutOfScopeEntry } from '../knowledge/outOfScopeFile';
import { tokenize } from './text';

export type { OutOfScopeEntry };

export class OutOfScopeDetector {
  private readonly phrases: Array<{ words: string[]; entry: OutOfScopeEntry }> = [];

  constructor(entries: OutOfScopeEntry[]) {
    for (const entry of entries) for (const term of entry.terms) this.phrases.push({ words: tokenize(term), entry });
  }

  /** The first topic one of whose terms stands, word for word, in the question. */
  match(tokens: string[]): OutOfScopeEntry | undefined {
    for (const { words, entry } of this.phrases) {
      for (let i = 0; i + words.length <= tokens.length; i++) {
        if (words.every((w, k) => tokens[i + k] === w)) return entry;
      }
    }
    return undefined;
  }
}
