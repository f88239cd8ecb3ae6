// The one search the bot, the CLI and the evaluation share: text in, ranked passages out.
// lunr finds candidates (exact, fuzzy and prefix clauses built with index.query, never the
// query-string parser, which throws on ":" "~" "^" and lone "+"/"-"); a re-ranker then orders
// them by how much of the question each passage covers, phrase matches, titles and kind.
import lunr from 'lunr';
import type { BuiltKnowledge } from '../knowledge/builtKnowledge';
import type { Passage, PassageKind, ServiceRecord } from '../knowledge/types';
import { analyseQuery, type AnalysedQuery, type Concept } from './queryAnalysis';
import { snippetFor } from './snippet';
import { stem } from './stem';
import { SynonymTable } from './synonyms';
import { tokenize } from './text';

export interface SearchResult {
  passage: Passage;
  score: number;
  /** Share of the question's meaningful words this passage covers (0–1, weighted by rarity). */
  coverage: number;
  /** The best window of the passage, query words in **bold**. */
  snippet: string;
}

export interface SearchResponse {
  query: string;
  results: SearchResult[];
  /** Stems of the question's words and synonyms, for highlighting elsewhere. */
  stems: string[];
  confident: boolean;
}

export interface SearchOptions {
  limit?: number;
}

interface PassageFeatures {
  all: Set<string>;
  titleish: Set<string>;
  sequence: string[];
}

const CANDIDATES = 60;

export class SearchEngine {
  private readonly synonyms: SynonymTable;
  private readonly byId = new Map<string, Passage>();
  private readonly features = new Map<string, PassageFeatures>();
  private readonly docFreq = new Map<string, number>();
  private readonly servicesById = new Map<string, ServiceRecord>();

  constructor(private readonly knowledge: BuiltKnowledge) {
    this.synonyms = new SynonymTable(knowledge.synonyms);
    for (const s of knowledge.services) this.servicesById.set(s.id, s);
    // Per-passage stem sets for the re-ranker, computed once at start-up.
    for (const p of knowledge.passages) {
      this.byId.set(p.id, p);
      const titleish = new Set(tokenize([p.title, ...p.headings, p.docTitle, ...p.questions].join(' ')).map(stem));
      const sequence = tokenize(`${p.title} . ${p.text}`).map(stem);
      const all = new Set([...titleish, ...sequence]);
      this.features.set(p.id, { all, titleish, sequence });
      for (const s of all) this.docFreq.set(s, (this.docFreq.get(s) ?? 0) + 1);
    }
  }

  get passageCount(): number {
    return this.knowledge.passages.length;
  }

  passage(id: string): Passage | undefined {
    return this.byId.get(id);
  }

  service(id: string): ServiceRecord | undefined {
    return this.servicesById.get(id);
  }

  get services(): readonly ServiceRecord[] {
    return this.knowledge.services;
  }

  search(text: string, options: SearchOptions = {}): SearchResponse {
    const limit = options.limit ?? 10;
    const query = typeof text === 'string' ? text : '';
    const analysed = analyseQuery(query, this.synonyms);
    const stems = queryStems(analysed);
    if (analysed.concepts.length === 0) return { query, results: [], stems: [], confident: false };

    const candidates = this.knowledge.index.query((q) => addClauses(q, analysed.concepts));
    const scored = this.rerank(analysed, candidates.slice(0, CANDIDATES));
    const results = collapseNearDuplicates(scored)
      .slice(0, limit)
      .map((r) => ({ ...r, snippet: snippetFor(r.passage.text, new Set(stems)) }));
    return { query, results, stems, confident: this.isConfident(results) };
  }

  private idf(s: string): number {
    const df = this.docFreq.get(s) ?? 0;
    return Math.log(1 + this.knowledge.passages.length / (1 + df));
  }

  private rerank(analysed: AnalysedQuery, candidates: lunr.Index.Result[]): Array<Omit<SearchResult, 'snippet'>> {
    if (candidates.length === 0) return [];
    const top = candidates[0].score || 1;
    const kindPrior = kindPriorFor(analysed.tokens);
    const conceptStems = analysed.concepts.map((c) => ({
      own: c.tokens.map(stem),
      alternatives: c.alternatives.map((a) => a.map(stem)),
    }));
    const weights = conceptStems.map((c) => Math.max(...c.own.map((s) => this.idf(s)), 0.5));
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const queryStemSeq = analysed.tokens.map(stem);

    return candidates
      .map((candidate) => {
        const passage = this.byId.get(candidate.ref);
        const f = this.features.get(candidate.ref);
        if (!passage || !f) return undefined;
        let covered = 0;
        let titleCovered = 0;
        conceptStems.forEach((c, i) => {
          const match = conceptMatch(c, f.all, Object.keys(candidate.matchData.metadata));
          covered += weights[i] * match;
          if (conceptMatch(c, f.titleish, []) === 1) titleCovered += weights[i];
        });
        const coverage = totalWeight ? covered / totalWeight : 0;
        const titleCoverage = totalWeight ? titleCovered / totalWeight : 0;
        const phrase = phraseScore(queryStemSeq, f.sequence);
        const score =
          0.3 * (candidate.score / top) +
          0.45 * coverage +
          0.1 * titleCoverage +
          0.1 * phrase +
          0.05 * (kindPrior[passage.kind] ?? 0);
        return { passage, score, coverage };
      })
      .filter((r): r is Omit<SearchResult, 'snippet'> => r !== undefined)
      .sort((a, b) => b.score - a.score);
  }

  private isConfident(results: SearchResult[]): boolean {
    const best = results[0];
    return best !== undefined && best.coverage >= CONFIDENCE_MIN_COVERAGE;
  }
}

/** Below this share of the question's meaning covered by the best passage, the bot says it is not sure. */
export const CONFIDENCE_MIN_COVERAGE = 0.6;

function queryStems(analysed: AnalysedQuery): string[] {
  const out = new Set<string>();
  for (const c of analysed.concepts) {
    for (const t of c.tokens) out.add(stem(t));
    for (const a of c.alternatives) for (const t of a) out.add(stem(t));
  }
  return [...out];
}

function fuzzyDistance(term: string): number {
  if (term.length > 20) return 0; // long tokens are codes or noise; fuzzing them is costly
  if (term.length >= 9) return 2;
  if (term.length >= 5) return 1;
  return 0;
}

function addClauses(q: lunr.Query, concepts: Concept[]): void {
  concepts.forEach((concept, ci) => {
    const last = ci === concepts.length - 1;
    for (const token of concept.tokens) {
      q.term(token, { boost: 10 });
      const distance = /^\d/.test(token) ? 0 : fuzzyDistance(token);
      if (distance > 0) q.term(token, { editDistance: distance, boost: 1 });
      // People type the last word as they think; match it as a prefix too.
      if (last && token.length >= 3 && !/^\d/.test(token)) q.term(token, { wildcard: lunr.Query.wildcard.TRAILING, boost: 2, usePipeline: false });
    }
    for (const alternative of concept.alternatives) {
      for (const token of alternative) q.term(token, { boost: 5 });
    }
  });
}

/** 1 if the passage has the concept (its words or a synonym), 0.6 if only a near spelling. */
function conceptMatch(
  concept: { own: string[]; alternatives: string[][] },
  stems: Set<string>,
  matchedTerms: string[],
): number {
  if (concept.own.every((s) => stems.has(s))) return 1;
  if (concept.alternatives.some((a) => a.every((s) => stems.has(s)))) return 1;
  const fuzzy = concept.own.every((s) => matchedTerms.some((m) => m !== s && stems.has(m) && nearSpelling(s, m)));
  return fuzzy ? 0.6 : 0;
}

function nearSpelling(a: string, b: string): boolean {
  if (b.startsWith(a) || a.startsWith(b)) return true;
  const limit = Math.max(fuzzyDistance(a), 1);
  if (Math.abs(a.length - b.length) > limit) return false;
  return editDistance(a, b) <= limit;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** Share of adjacent word pairs of the question that also stand side by side in the passage. */
function phraseScore(query: string[], passage: string[]): number {
  if (query.length < 2) return 0;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < passage.length; i++) pairs.add(`${passage[i]} ${passage[i + 1]}`);
  let found = 0;
  let total = 0;
  for (let i = 0; i + 1 < query.length; i++) {
    total++;
    if (pairs.has(`${query[i]} ${query[i + 1]}`)) found++;
  }
  return total ? found / total : 0;
}

const KIND_CUES: Record<PassageKind, RegExp> = {
  service: /\b(phone|number|call|contact|refer|referral|where can|service|services|near|local|helpline|centre|group|groups|support for|email|address|open|hours)\b/,
  sds: /\b(option|options|direct payment|dp|pa|personal assistant|isf|sds|self.directed|budget for|employ|eligib|carer support plan|advocacy)\b/,
  plan: /\b(aim|aims|commit|committed|plan|strategy|strategic|budget|outcome|outcomes|ijb|percentage|census|population|%|per cent|priority|priorities)\b/,
};

/** A soft lean towards the kind of source the wording suggests: a weight, never a filter. */
export function kindPriorFor(tokens: string[]): Partial<Record<PassageKind, number>> {
  const text = ` ${tokens.join(' ')} `;
  const prior: Partial<Record<PassageKind, number>> = {};
  for (const kind of Object.keys(KIND_CUES) as PassageKind[]) if (KIND_CUES[kind].test(text)) prior[kind] = 1;
  return prior;
}

function collapseNearDuplicates<T extends { passage: Passage }>(results: T[]): T[] {
  const kept: T[] = [];
  const seen = new Set<string>();
  for (const r of results) {
    const key = r.passage.text.slice(0, 200).toLowerCase().replace(/\W+/g, ' ');
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(r);
  }
  return kept;
}
