// Curated abbreviations and synonyms (knowledge/synonyms.json). Each entry is either a two-way group
// ("respite" ↔ "short break") or one-way ("money" → "benefits", "debt"), with a note for curators.
import type { SynonymEntry } from '../knowledge/synonymsFile';
import { tokenize } from './text';

export type { SynonymEntry };

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

  constructor(entries: readonly SynonymEntry[]) {
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
