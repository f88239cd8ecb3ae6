// knowledge/synonyms.json: curated abbreviations and synonyms, each a two-way group ("respite" ↔
// "short break") or one-way ("money" → "benefits", "debt"), with a note for curators. Read and
// checked here; the search turns the entries into rules (src/search/synonyms.ts).
import { readKnowledgeJson } from './validation';

export interface SynonymEntry {
  terms: string[];
  /** When present, the entry is one-way: any of `terms` also searches for these. */
  to?: string[];
  note: string;
}

interface SynonymFile {
  entries: SynonymEntry[];
}

export function loadSynonyms(file: string): SynonymEntry[] {
  const parsed = readKnowledgeJson(file) as SynonymFile;
  if (!parsed || !Array.isArray(parsed.entries)) throw new Error(`${file}: field entries must be an array`);
  parsed.entries.forEach((entry, i) => {
    const where = `${file}: field entries/${i}`;
    if (!Array.isArray(entry.terms) || entry.terms.length === 0 || entry.terms.some((t) => typeof t !== 'string' || !t.trim())) {
      throw new Error(`${where}/terms must be a non-empty list of words`);
    }
    if (entry.to !== undefined && (!Array.isArray(entry.to) || entry.to.length === 0)) {
      throw new Error(`${where}/to must be a non-empty list when present`);
    }
    if (entry.to === undefined && entry.terms.length < 2) throw new Error(`${where}/terms needs two or more terms for a two-way group`);
    if (typeof entry.note !== 'string' || entry.note.trim().length < 3) throw new Error(`${where}/note must say why the entry exists`);
  });
  return parsed.entries;
}
