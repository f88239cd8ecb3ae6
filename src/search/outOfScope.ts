// Topics staff ask a chat bot about that this knowledge does not cover (IT, rotas, weather, …),
// curated in knowledge/out-of-scope.json. A match makes the answer "not sure", with a pointer to
// where such help lives, instead of a confident answer built on a stray shared word.
import type { OutOfScopeEntry } from '../knowledge/outOfScopeFile';
import { tokenize, withinOneEdit } from './text';

export type { OutOfScopeEntry };

/** In a term, "#" stands for any number ("# times #" for a sum). */
const ANY_NUMBER = '#';

export class OutOfScopeDetector {
  /** Each term's words as the search reads them, and as the term spells them (tokenize reads "first"
   * as "1st"; a typo, "frist", is one letter from the spelling, not from the reading). */
  private readonly phrases: Array<{ words: string[]; spelt: Array<string | undefined>; entry: OutOfScopeEntry }> = [];

  /** `known` tells whether the knowledge uses a word: only a word it does not use is read as a
   * typo of a term's word ("piza", "minster"), so a real word is never taken for another. */
  constructor(
    entries: OutOfScopeEntry[],
    private readonly known: (token: string) => boolean = () => true,
  ) {
    for (const entry of entries) {
      for (const term of entry.terms) {
        const parts = term.split(/\s+/).map((w) => (w === ANY_NUMBER ? [w] : tokenize(w)));
        const spelt = term.split(/\s+/).flatMap((w, i) => (parts[i].length === 1 && /^[a-z]+$/i.test(w) ? [w.toLowerCase()] : parts[i].map(() => undefined)));
        this.phrases.push({ words: parts.flat(), spelt, entry });
      }
    }
  }

  /** The first topic one of whose terms stands, word for word, in the question. */
  match(tokens: string[]): OutOfScopeEntry | undefined {
    // Whether each token may be read as a typo is asked once per question, not once per term word.
    const mayBeTypo = tokens.map((t) => t.length >= 4 && !this.known(t));
    const anyTypo = mayBeTypo.includes(true);
    const present = new Set(tokens);
    for (const { words, spelt, entry } of this.phrases) {
      // Most terms fail on their first word: a word not in the question, which no typo could stand for.
      if (!anyTypo && words[0] !== ANY_NUMBER && !present.has(words[0]) && (spelt[0] === undefined || !present.has(spelt[0]))) continue;
      for (let i = 0; i + words.length <= tokens.length; i++) {
        let k = 0;
        while (k < words.length && (this.same(tokens[i + k], words[k], mayBeTypo[i + k]) || (spelt[k] !== undefined && spelt[k] !== words[k] && this.same(tokens[i + k], spelt[k] as string, mayBeTypo[i + k])))) k++;
        if (k === words.length) return entry;
      }
    }
    return undefined;
  }

  private same(token: string, word: string, mayBeTypo: boolean): boolean {
    if (token === word) return true;
    if (word === ANY_NUMBER) return /^\d+(?:[.,]\d+)?$/.test(token);
    // Four-letter words are too often one letter from another ("wife", "wifi"); a word the knowledge
    // uses is never read as a typo.
    return mayBeTypo && word.length >= 5 && withinOneEdit(token, word);
  }
}

