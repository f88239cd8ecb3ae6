// lunr pipeline wiring shared by the build and the loader. A custom pipeline function must be
// registered before a saved index is loaded, or lunr.Index.load throws; importing this module
// does that once.
import lunr from 'lunr';
import { stem } from './stem';
import { isStopWord } from './text';

export const STOP_WORD_FILTER_LABEL = 'midwayStopWords';

export const midwayStopWordFilter: lunr.PipelineFunction = (token) =>
  isStopWord(token.toString()) ? null : token;

lunr.Pipeline.registerFunction(midwayStopWordFilter, STOP_WORD_FILTER_LABEL);

export const STEMMER_LABEL = 'midwayStemmer';

/** lunr's Porter stemmer, but with the ranker's own stems for words whose Porter stem joins two senses
 * ("directions" are not "direct" payments): otherwise a question about directions draws every direct
 * payment passage into the candidates and the passage on directions never gets there. */
export const midwayStemmer: lunr.PipelineFunction = (token) => token.update((word) => stem(word));

lunr.Pipeline.registerFunction(midwayStemmer, STEMMER_LABEL);

/** Field boosts: a match in a title or heading says more than one in the body. */
export const FIELD_BOOSTS = {
  title: 8,
  headings: 3,
  questions: 4,
  codes: 6,
  body: 1,
} as const;

export type IndexField = keyof typeof FIELD_BOOSTS;

export interface IndexableDoc {
  id: string;
  title: string[];
  headings: string[];
  questions: string[];
  codes: string[];
  body: string[];
}

/** Builds the lunr index over pre-tokenised fields (arrays bypass lunr's tokeniser). */
export function buildLunrIndex(docs: IndexableDoc[]): lunr.Index {
  return lunr(function () {
    this.pipeline.reset();
    this.pipeline.add(midwayStopWordFilter, midwayStemmer);
    this.searchPipeline.reset();
    this.searchPipeline.add(midwayStemmer);
    this.ref('id');
    for (const field of Object.keys(FIELD_BOOSTS) as IndexField[]) {
      this.field(field, { boost: FIELD_BOOSTS[field] });
    }
    this.metadataWhitelist = [];
    for (const doc of docs) this.add(doc);
  });
}

/** The index as the build writes it: each term's number, not its postings. The search scores with
 * the field vectors (src/search/postingsScorer.ts) and expands typos with the term set, and never
 * reads the postings, which were four fifths of the file and a tenth of start-up. So lunr's own
 * `index.query` cannot be used on a loaded index (it throws on a known term and finds nothing
 * else); the scorer gives its scores (tested against index.query on the full index of the same
 * passages). */
export function withoutPostings(index: lunr.Index): object {
  const serialised = index.toJSON() as unknown as { invertedIndex: Array<[string, { _index: number }]> };
  return { ...serialised, invertedIndex: serialised.invertedIndex.map(([term, posting]) => [term, { _index: posting._index }]) };
}

export function loadLunrIndex(serialised: object): lunr.Index {
  return lunr.Index.load(serialised);
}

export { lunr };
