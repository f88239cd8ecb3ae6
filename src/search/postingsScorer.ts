// lunr's own scoring, run over flat arrays. lunr.Index.query builds a token set for every clause
// term, a lunr.Set per posting, a MatchData object and a "field/ref" string key per matching field,
// then sorts every match; on a large corpus that bookkeeping, not the arithmetic, is the cost, and
// it grows with every passage that shares a word with the question. This scorer reads the same
// saved index (each term's number and the BM25 field vectors; the built index keeps no postings, see
// withoutPostings in lunrSetup.ts), takes queries built with the same lunr.Query API, gives the same
// scores (tested against index.query on the full index) and keeps only the best k.
import lunr from 'lunr';

export interface ScoredRef {
  ref: string;
  score: number;
  /** The index terms (after stemming and expansion) this passage matched, as lunr's matchData lists them. */
  matchedTerms: string[];
}

interface IndexInternals {
  /** Only `_index` is read: the built index has no postings. */
  invertedIndex: Record<string, { _index: number }>;
  fieldVectors: Record<string, { elements: number[] }>;
  tokenSet: lunr.TokenSet;
  fields: string[];
  pipeline: lunr.Pipeline;
}

interface Clause {
  term: string;
  fields: string[];
  boost: number;
  usePipeline: boolean;
  editDistance?: number;
  presence: number;
}

export class PostingsScorer {
  private readonly lunrIndex: IndexInternals;
  private readonly fieldIndex = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly refs: string[] = [];
  /** CSR layout: postings of (field f, term t) are entries offsets[f*T+t] .. offsets[f*T+t+1]. */
  private readonly offsets: Int32Array;
  private readonly docs: Int32Array;
  private readonly weights: Float64Array;
  private readonly pipelineCache = new Map<string, string[]>();
  private readonly expansionCache = new Map<string, string[]>();
  // Per-query scratch, reused so a query allocates in proportion to what it touches, not to the corpus.
  private readonly scores: Float64Array;
  private readonly touched: Int32Array;
  private readonly seen: Uint8Array;
  private masks: Int32Array[] = [];

  constructor(index: lunr.Index) {
    const internals = index as unknown as IndexInternals;
    this.lunrIndex = internals;
    internals.fields.forEach((f, i) => this.fieldIndex.set(f, i));
    for (const [term, posting] of Object.entries(internals.invertedIndex)) {
      this.termIds.set(term, posting._index);
      this.terms[posting._index] = term;
    }
    const termCount = this.terms.length;
    const fieldCount = internals.fields.length;
    const refIds = new Map<string, number>();
    // Two passes over lunr's field vectors: count each (field, term) posting, then fill the arrays.
    const vectors = Object.entries(internals.fieldVectors).map(([fieldRef, vector]) => {
      // lunr's field refs are "field/docRef"; the field name never holds a slash.
      const cut = fieldRef.indexOf('/');
      const docRef = fieldRef.slice(cut + 1);
      let doc = refIds.get(docRef);
      if (doc === undefined) {
        doc = this.refs.length;
        refIds.set(docRef, doc);
        this.refs.push(docRef);
      }
      return { field: this.fieldIndex.get(fieldRef.slice(0, cut)) ?? 0, doc, elements: vector.elements };
    });
    this.offsets = new Int32Array(fieldCount * termCount + 1);
    for (const { field, elements } of vectors) {
      for (let i = 0; i < elements.length; i += 2) this.offsets[field * termCount + elements[i] + 1]++;
    }
    for (let s = 1; s < this.offsets.length; s++) this.offsets[s] += this.offsets[s - 1];
    const fill = this.offsets.slice(0, -1);
    const total = this.offsets[this.offsets.length - 1];
    this.docs = new Int32Array(total);
    this.weights = new Float64Array(total);
    for (const { field, doc, elements } of vectors) {
      for (let i = 0; i < elements.length; i += 2) {
        const at = fill[field * termCount + elements[i]]++;
        this.docs[at] = doc;
        this.weights[at] = elements[i + 1];
      }
    }
    this.scores = new Float64Array(this.refs.length);
    this.touched = new Int32Array(this.refs.length);
    this.seen = new Uint8Array(this.refs.length);
  }

  get documentCount(): number {
    return this.refs.length;
  }

  /**
   * The best `limit` passages for a query built as for index.query, highest score first (ties in
   * index order). `accept` filters passages before they compete for a place.
   */
  top(build: (query: lunr.Query) => void, limit: number, accept?: (ref: string) => boolean): ScoredRef[] {
    const query = new lunr.Query(this.lunrIndex.fields);
    build(query);
    const termCount = this.terms.length;
    // Per field, the query vector: each expanded term's summed clause boosts, as lunr builds it.
    const queryVectors: Array<Map<number, number>> = this.lunrIndex.fields.map(() => new Map());
    const slotOfTerm = new Map<number, number>();
    for (const clause of query.clauses as unknown as Clause[]) {
      if (clause.presence !== lunr.Query.presence.OPTIONAL) {
        throw new Error('the postings scorer takes optional clauses only; use index.query for required or prohibited terms');
      }
      const terms = clause.usePipeline ? this.runPipeline(clause.term) : [clause.term];
      for (const term of terms) {
        for (const expanded of this.expand({ ...clause, term })) {
          const termId = this.termIds.get(expanded);
          if (termId === undefined) continue;
          if (!slotOfTerm.has(termId)) slotOfTerm.set(termId, slotOfTerm.size);
          for (const field of clause.fields) {
            const f = this.fieldIndex.get(field);
            if (f === undefined) continue;
            const vector = queryVectors[f];
            vector.set(termId, (vector.get(termId) ?? 0) + clause.boost);
          }
        }
      }
    }

    while (this.masks.length * 31 < slotOfTerm.size) this.masks.push(new Int32Array(this.refs.length));
    let touchedCount = 0;
    queryVectors.forEach((vector, f) => {
      if (vector.size === 0) return;
      let sumOfSquares = 0;
      for (const boost of vector.values()) sumOfSquares += boost * boost;
      const magnitude = Math.sqrt(sumOfSquares);
      for (const [termId, boost] of vector) {
        const slot = f * termCount + termId;
        const factor = boost / magnitude;
        const termSlot = slotOfTerm.get(termId) ?? 0;
        const mask = this.masks[Math.floor(termSlot / 31)];
        const bit = 1 << termSlot % 31;
        for (let at = this.offsets[slot]; at < this.offsets[slot + 1]; at++) {
          const doc = this.docs[at];
          if (this.seen[doc] === 0) {
            this.seen[doc] = 1;
            this.touched[touchedCount++] = doc;
          }
          this.scores[doc] += factor * this.weights[at];
          mask[doc] |= bit;
        }
      }
    });

    const best = new TopK(limit, this.scores);
    for (let i = 0; i < touchedCount; i++) {
      const doc = this.touched[i];
      if (!accept || accept(this.refs[doc])) best.offer(doc);
    }
    const termsBySlot: number[] = [];
    for (const [termId, termSlot] of slotOfTerm) termsBySlot[termSlot] = termId;
    const results = best.sorted().map((doc) => ({ ref: this.refs[doc], score: this.scores[doc], matchedTerms: this.matchedTerms(doc, termsBySlot) }));

    for (let i = 0; i < touchedCount; i++) {
      const doc = this.touched[i];
      this.scores[doc] = 0;
      this.seen[doc] = 0;
      for (const mask of this.masks) mask[doc] = 0;
    }
    return results;
  }

  private matchedTerms(doc: number, termsBySlot: number[]): string[] {
    const out: string[] = [];
    termsBySlot.forEach((termId, termSlot) => {
      if (this.masks[Math.floor(termSlot / 31)][doc] & (1 << termSlot % 31)) out.push(this.terms[termId]);
    });
    return out.sort();
  }

  private runPipeline(term: string): string[] {
    let out = this.pipelineCache.get(term);
    if (!out) {
      out = this.lunrIndex.pipeline.runString(term);
      if (this.pipelineCache.size < 50_000) this.pipelineCache.set(term, out);
    }
    return out;
  }

  /** The index terms a clause term stands for: itself when plain, lunr's token-set expansion for typos and wildcards. */
  private expand(clause: Clause): string[] {
    if (!clause.editDistance && !clause.term.includes('*')) return this.termIds.has(clause.term) ? [clause.term] : [];
    // Walking lunr's token sets for a typo costs up to a few milliseconds, and the same misspellings
    // come back again and again; the index never changes, so neither does the answer.
    const key = `${clause.editDistance ?? '-'} ${clause.term}`;
    let expanded = this.expansionCache.get(key);
    if (!expanded) {
      // lunr's typings omit TokenSet.fromClause, which index.query uses for the same expansion.
      const tokenSets = lunr.TokenSet as unknown as { fromClause(clause: Clause): lunr.TokenSet };
      expanded = this.lunrIndex.tokenSet.intersect(tokenSets.fromClause(clause)).toArray();
      if (this.expansionCache.size >= 20_000) this.expansionCache.clear();
      this.expansionCache.set(key, expanded);
    }
    return expanded;
  }
}

/** Keeps the k highest-scoring documents seen (a min-heap on score; the lower index wins a tie). */
class TopK {
  private readonly heap: number[] = [];

  constructor(
    private readonly k: number,
    private readonly scores: Float64Array,
  ) {}

  /** True when document a ranks below document b. */
  private below(a: number, b: number): boolean {
    const sa = this.scores[a];
    const sb = this.scores[b];
    return sa < sb || (sa === sb && a > b);
  }

  offer(doc: number): void {
    const heap = this.heap;
    if (this.k <= 0) return;
    if (heap.length < this.k) {
      heap.push(doc);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.below(heap[i], heap[parent])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
      return;
    }
    if (!this.below(heap[0], doc)) return;
    heap[0] = doc;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && this.below(heap[left], heap[smallest])) smallest = left;
      if (right < heap.length && this.below(heap[right], heap[smallest])) smallest = right;
      if (smallest === i) break;
      [heap[i], heap[smallest]] = [heap[smallest], heap[i]];
      i = smallest;
    }
  }

  sorted(): number[] {
    return [...this.heap].sort((a, b) => (this.below(a, b) ? 1 : this.below(b, a) ? -1 : 0));
  }
}
