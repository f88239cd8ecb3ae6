// Topics staff ask a chat bot about that this knowledge does not cover (IT, rotas, weather, …),
// curated in knowledge/out-of-scope.json. A match makes the answer "not sure", with a pointer to
// where such help lives, instead of a confident answer built on a stray shared word.
import { readFileSync } from 'node:fs';
import { tokenize } from './text';

export interface OutOfScopeEntry {
  topic: string;
  terms: string[];
  reply: string;
  note: string;
}

export function loadOutOfScope(file: string): OutOfScopeEntry[] {
  let parsed: { entries?: unknown };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as { entries?: unknown };
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed.entries)) throw new Error(`${file}: field entries must be an array`);
  return parsed.entries.map((raw: unknown, i: number) => {
    const e = raw as Partial<OutOfScopeEntry>;
    const where = `${file}: field entries/${i}`;
    if (typeof e.topic !== 'string' || !e.topic.trim()) throw new Error(`${where}/topic must be text`);
    if (!Array.isArray(e.terms) || e.terms.length === 0 || e.terms.some((t) => typeof t !== 'string' || tokenize(t).length === 0)) {
      throw new Error(`${where}/terms must be a non-empty list of words`);
    }
    if (typeof e.reply !== 'string' || e.reply.trim().length < 10) throw new Error(`${where}/reply must be a sentence for the user`);
    if (typeof e.note !== 'string' || e.note.trim().length < 3) throw new Error(`${where}/note must say why the entry exists`);
    return { topic: e.topic, terms: e.terms, reply: e.reply, note: e.note };
  });
}

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
