import assert from 'node:assert/strict';
import fc from 'fast-check';
import lunr from 'lunr';
import { toIndexable } from '../src/search/indexDocs';
import { buildLunrIndex, loadLunrIndex, withoutPostings, type IndexField } from '../src/search/lunrSetup';
import { PostingsScorer } from '../src/search/postingsScorer';
import { builtKnowledge } from './helpers';

interface GeneratedClause {
  term: string;
  boost: number;
  fields: IndexField[] | undefined;
  editDistance: number | undefined;
  trailing: boolean;
  usePipeline: boolean;
}

function builder(clauses: GeneratedClause[]): (q: lunr.Query) => void {
  return (q) => {
    for (const c of clauses) {
      q.term(c.term, {
        boost: c.boost,
        usePipeline: c.usePipeline,
        ...(c.fields ? { fields: c.fields } : {}),
        ...(c.editDistance !== undefined ? { editDistance: c.editDistance } : {}),
        ...(c.trailing ? { wildcard: lunr.Query.wildcard.TRAILING } : {}),
      });
    }
  };
}

/** index.query's answer in the scorer's shape, best first. */
function lunrAnswer(index: lunr.Index, build: (q: lunr.Query) => void): Array<{ ref: string; score: number; matchedTerms: string[] }> {
  return index.query(build).map((r) => ({ ref: r.ref, score: r.score, matchedTerms: Object.keys(r.matchData.metadata).sort() }));
}

function assertSameRanking(ours: Array<{ ref: string; score: number; matchedTerms: string[] }>, theirs: ReturnType<typeof lunrAnswer>): void {
  assert.equal(ours.length, theirs.length, 'number of matches');
  const byRef = new Map(theirs.map((r) => [r.ref, r]));
  ours.forEach((r, i) => {
    const expected = byRef.get(r.ref);
    assert.ok(expected, `${r.ref} is not among lunr's matches`);
    assert.ok(Math.abs(r.score - expected.score) <= 1e-9 * Math.max(1, expected.score), `${r.ref}: score ${r.score} vs lunr ${expected.score}`);
    assert.deepEqual(r.matchedTerms, expected.matchedTerms, `${r.ref}: matched terms`);
    // Order may differ only between equal scores.
    assert.ok(Math.abs(r.score - theirs[i].score) <= 1e-9 * Math.max(1, r.score), `rank ${i}: ${r.score} vs lunr ${theirs[i].score}`);
  });
}

describe('postings scorer', () => {
  // The built index keeps each term's number, not its postings (withoutPostings): the scorer over it
  // is checked against index.query over the full index of the same passages.
  const index = buildLunrIndex(builtKnowledge().passages.map(toIndexable));
  const scorer = new PostingsScorer(builtKnowledge().index);
  const vocabulary = Object.keys((index as unknown as { invertedIndex: object }).invertedIndex);
  const fields: IndexField[] = ['title', 'headings', 'questions', 'codes', 'body'];

  const clause = fc.record({
    term: fc.oneof(
      fc.constantFrom(...vocabulary),
      fc.constantFrom(...vocabulary).map((w) => (w.length > 4 ? w.slice(0, 2) + w[3] + w[2] + w.slice(4) : `${w}s`)),
      fc.constantFrom('carers', 'payments', 'breathing', 'respite', 'caring', 'personal', 'assistant', 'dementia', 'budget', 'option'),
      fc.stringMatching(/^[a-z0-9]{1,12}$/),
    ),
    boost: fc.integer({ min: 1, max: 12 }),
    fields: fc.option(fc.subarray(fields, { minLength: 1 }), { nil: undefined }),
    editDistance: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    trailing: fc.boolean(),
    usePipeline: fc.boolean(),
  });

  it('gives every match the score and matched terms index.query gives, in the same order', () => {
    fc.assert(
      fc.property(fc.array(clause, { minLength: 1, maxLength: 8 }), (clauses) => {
        const build = builder(clauses);
        assertSameRanking(scorer.top(build, Number.MAX_SAFE_INTEGER), lunrAnswer(index, build));
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });

  it('keeps the best k, the same as the head of the full ranking', () => {
    fc.assert(
      fc.property(fc.array(clause, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 50 }), (clauses, k) => {
        const build = builder(clauses);
        const all = scorer.top(build, Number.MAX_SAFE_INTEGER);
        const best = scorer.top(build, k);
        assert.deepEqual(best, all.slice(0, k));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('filters before choosing the best k', () => {
    const build = builder([{ term: 'carer', boost: 1, fields: undefined, editDistance: undefined, trailing: false, usePipeline: true }]);
    const sdsOnly = scorer.top(build, 5, (ref) => ref.startsWith('sds'));
    assert.equal(sdsOnly.length, 5);
    assert.ok(sdsOnly.every((r) => r.ref.startsWith('sds')));
    assert.deepEqual(sdsOnly, scorer.top(build, Number.MAX_SAFE_INTEGER).filter((r) => r.ref.startsWith('sds')).slice(0, 5));
  });

  it('matches index.query on a second, differently built index, and when nothing matches', () => {
    const small = buildLunrIndex([
      { id: 'a', title: ['short', 'breaks'], headings: [], questions: [], codes: [], body: ['a', 'break', 'for', 'carers', 'carers'] },
      { id: 'b', title: ['direct', 'payments'], headings: ['money'], questions: ['pay', 'family'], codes: ['1'], body: ['paying', 'a', 'family', 'member'] },
    ]);
    const smallScorer = new PostingsScorer(small);
    const withoutTheirPostings = new PostingsScorer(loadLunrIndex(withoutPostings(small)));
    for (const term of ['carer', 'famili', 'pay', 'nothing']) {
      const build = builder([{ term, boost: 3, fields: undefined, editDistance: 1, trailing: false, usePipeline: true }]);
      assertSameRanking(smallScorer.top(build, 10), lunrAnswer(small, build));
      assert.deepEqual(withoutTheirPostings.top(build, 10), smallScorer.top(build, 10));
    }
    // No postings kept: lunr's own query cannot run on it.
    assert.throws(() => loadLunrIndex(withoutPostings(small)).query(builder([{ term: 'carer', boost: 1, fields: undefined, editDistance: undefined, trailing: false, usePipeline: true }])));
    assert.deepEqual(smallScorer.top(builder([]), 10), []);
  });

  it('refuses required and prohibited clauses rather than ignore them', () => {
    assert.throws(() => scorer.top((q) => q.term('carer', { presence: lunr.Query.presence.REQUIRED }), 10), /optional clauses only/);
  });

  it('leaves no trace of one query in the next', () => {
    const build = builder([{ term: 'respite', boost: 2, fields: undefined, editDistance: undefined, trailing: false, usePipeline: true }]);
    const first = scorer.top(build, 20);
    scorer.top(builder([{ term: 'dementia', boost: 9, fields: undefined, editDistance: 2, trailing: true, usePipeline: false }]), 20);
    assert.deepEqual(scorer.top(build, 20), first);
  });
});
