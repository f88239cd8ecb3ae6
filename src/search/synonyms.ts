// Curated abbreviations and synonyms (knowledge/synonyms.json). Each entry is either a two-way group
// ("respite" ↔ "short break") or one-way ("money" → "benefits", "debt"), with a note for curators.
import { readFileSync } from 'node:fs';
import { tokenize } from './text';

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
  let parsed: SynonymFile;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as SynonymFile;
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
  }
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

/** A phrase as tokens, and what else it may be called. */
interface Rule {
  phrase: string[];
  alternatives: string[][];
}

export class SynonymTable {
  private readonly rules: Rule[] = [];
  /** Rule numbers (in `rules` order) by their phrase's first word, so a question is only checked
   * against the rules that could start at each of its words. */
  private readonly byFirstWord = new Map<string, number[]>();

  constructor(entries: SynonymEntry[]) {
    for (const entry of entries) {
      const terms = entry.terms.map(tokenize).filter((t) => t.length > 0);
      const to = entry.to?.map(tokenize).filter((t) => t.length > 0);
      for (const phrase of terms) {
        const alternatives = to ?? terms.filter((t) => t.join(' ') !== phrase.join(' '));
        this.rules.push({ phrase, alternatives });
      }
    }
    // Longest phrases first so "short break" wins over "break".
    this.rules.sort((a, b) => b.phrase.length - a.phrase.length);
    this.rules.forEach((rule, n) => {
      const list = this.byFirstWord.get(rule.phrase[0]) ?? [];
      list.push(n);
      this.byFirstWord.set(rule.phrase[0], list);
    });
  }

  /** Finds phrases in the token list; returns matched spans with their alternatives. */
  match(tokens: string[]): Array<{ start: number; end: number; alternatives: string[][] }> {
    const spans: Array<{ start: number; end: number; alternatives: string[][] }> = [];
    const taken = new Array<boolean>(tokens.length).fill(false);
    // Every (rule, position) where a rule's phrase stands, in the order rules are tried: longest first.
    const hits: Array<{ rule: number; at: number }> = [];
    tokens.forEach((token, at) => {
      for (const n of this.byFirstWord.get(token) ?? []) {
        const phrase = this.rules[n].phrase;
        if (at + phrase.length <= tokens.length && phrase.every((t, k) => tokens[at + k] === t)) hits.push({ rule: n, at });
      }
    });
    hits.sort((a, b) => a.rule - b.rule || a.at - b.at);
    hits.forEach(({ rule: n, at: i }, h) => {
      const rule = this.rules[n];
      const end = i + rule.phrase.length;
      const existing = spans.find((s) => s.start === i && s.end === end);
      if (existing) existing.alternatives.push(...rule.alternatives);
      else if (!taken.slice(i, end).some(Boolean)) spans.push({ start: i, end, alternatives: [...rule.alternatives] });
      // A rule's spans take their words once all its positions are tried, as one rule never blocks itself.
      if (hits[h + 1]?.rule !== n) for (const s of spans) for (let k = s.start; k < s.end; k++) taken[k] = true;
    });
    return spans.sort((a, b) => a.start - b.start);
  }
}
