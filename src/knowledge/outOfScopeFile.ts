// knowledge/out-of-scope.json: topics staff ask about that this knowledge does not cover (IT, rotas,
// weather, …), with where such help lives. Read and checked here; the search matches them
// (src/search/outOfScope.ts).
import { readKnowledgeJson } from './validation';

export interface OutOfScopeEntry {
  topic: string;
  terms: string[];
  reply: string;
  note: string;
}

export function loadOutOfScope(file: string): OutOfScopeEntry[] {
  const parsed = readKnowledgeJson(file) as { entries?: unknown };
  if (!Array.isArray(parsed.entries)) throw new Error(`${file}: field entries must be an array`);
  return parsed.entries.map((raw: unknown, i: number) => {
    const e = raw as Partial<OutOfScopeEntry>;
    const where = `${file}: field entries/${i}`;
    if (typeof e.topic !== 'string' || !e.topic.trim()) throw new Error(`${where}/topic must be text`);
    if (!Array.isArray(e.terms) || e.terms.length === 0 || e.terms.some((t) => typeof t !== 'string' || !/[\p{L}\p{N}]/u.test(t))) {
      throw new Error(`${where}/terms must be a non-empty list of words`);
    }
    if (typeof e.reply !== 'string' || e.reply.trim().length < 10) throw new Error(`${where}/reply must be a sentence for the user`);
    if (typeof e.note !== 'string' || e.note.trim().length < 3) throw new Error(`${where}/note must say why the entry exists`);
    return { topic: e.topic, terms: e.terms, reply: e.reply, note: e.note };
  });
}
