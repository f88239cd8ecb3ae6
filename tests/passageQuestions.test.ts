// The questions each passage answers: attached to their passages, and refused when they point at
// nothing, sit in another document's file, or point at two passages. Made-up passages, so content
// edits do not break these.
import assert from 'node:assert/strict';
import { composeAnswer } from '../src/answer/composeAnswer';
import { attachPassageQuestions } from '../src/knowledge/passageQuestions';
import { KnowledgeError } from '../src/knowledge/validation';
import type { Passage } from '../src/knowledge/types';
import { searchEngine } from './helpers';

function passage(id: string, docId: string, kind: Passage['kind'] = 'sds'): Passage {
  return { id, kind, docId, docTitle: docId, headings: [], title: id, text: 'text', questions: ['from the article'], source: docId, sourceUrls: [] };
}

const PASSAGES = [passage('pay#intro', 'pay'), passage('pay#family', 'pay'), passage('service:vocal', 'vocal', 'service')];

describe('passage questions', () => {
  it('adds each file\'s questions to its passages, after any the article already has', () => {
    const out = attachPassageQuestions(PASSAGES, { pay: { 'pay#family': ['can her son be her pa'] }, services: { 'service:vocal': ['carers centre number'] } });
    assert.deepEqual(out[1].questions, ['from the article', 'can her son be her pa']);
    assert.deepEqual(out[2].questions, ['from the article', 'carers centre number']);
    assert.deepEqual(out[0].questions, ['from the article']);
  });

  it('fails on a question that points at no passage, naming the file and the id', () => {
    assert.throws(
      () => attachPassageQuestions(PASSAGES, { pay: { 'pay#renamed': ['x'] } }),
      (e: unknown) => e instanceof KnowledgeError && /pay\.json/.test(e.message) && /"pay#renamed" is not a passage/.test(e.message),
    );
  });

  it('fails on a question attached to two passages, however it is punctuated', () => {
    assert.throws(
      () => attachPassageQuestions(PASSAGES, { pay: { 'pay#intro': ['Can her son be her PA?'], 'pay#family': ['can her son be her pa'] } }),
      /attached to both "pay#intro" and "pay#family"/,
    );
  });

  it('fails on questions kept in another document\'s file', () => {
    assert.throws(() => attachPassageQuestions(PASSAGES, { pay: { 'service:vocal': ['x'] } }), /belongs in services\.json/);
  });

  it('finds the passage whose questions say it in staff words (real knowledge)', () => {
    // Every passage keeps its questions through the build, and one of them finds it again.
    const engine = searchEngine();
    const withQuestions = engine.search('can her son be paid as her pa', { limit: 3 }).results.map((r) => r.passage.id);
    assert.ok(withQuestions.some((id) => id.startsWith('sds-pa-family-members')), withQuestions.join(', '));
  });
});

describe('near scope', () => {
  it('is not sure about another council area, and says so with the nearest Midlothian answers', () => {
    const engine = searchEngine();
    const response = engine.search('west lothian carers centre phone number');
    assert.equal(response.confident, false);
    assert.deepEqual(response.nearScope?.areas, ['West Lothian']);
    const { answer } = composeAnswer(engine, 'west lothian carers centre phone number');
    assert.ok(answer.type === 'not_sure' && answer.nearest.length > 0 && /not West Lothian/.test(answer.hint ?? ''));
  });

  it('is not sure about an East Lothian service the directory lacks, but answers from the East Lothian document', () => {
    const engine = searchEngine();
    assert.deepEqual(engine.search('east lothian sds direct payments team phone number').nearScope?.areas, ['East Lothian']);
    const own = engine.search('east lothian strategic objective 1 what is it');
    assert.equal(own.nearScope, undefined);
    assert.equal(own.confident, true);
    assert.deepEqual(engine.search('adult social care number for someone living in leith').nearScope?.areas, ['Leith']);
    // A Midlothian service first is no answer for East Lothian, though an East Lothian passage comes third.
    assert.deepEqual(engine.search('east lothian young carers project phone').nearScope?.areas, ['East Lothian']);
    // "midlothians", typed without its apostrophe, names Midlothian too.
    assert.equal(engine.search("whats midlothians population, the 2022 census figure not edinburgh's").nearScope, undefined);
  });

  it('answers a question about Midlothian and another area, such as a carer across the border', () => {
    const response = searchEngine().search('daughter lives in Fife and cares for her mum in Dalkeith, which council does her carer support plan');
    assert.equal(response.nearScope, undefined);
    assert.equal(response.confident, true);
    assert.match(response.results[0].passage.title, /carer support plan/i);
  });

  it('is not sure about a year no passage found holds, but sure about one it holds', () => {
    const engine = searchEngine();
    assert.equal(engine.search('IJB budget for 2031/32').confident, false);
    assert.ok(engine.search('IJB budget for 2031/32').nearScope?.years.length);
    assert.equal(engine.search('population at the 2022 census').nearScope, undefined);
  });
});
