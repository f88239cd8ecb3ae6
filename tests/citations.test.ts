import assert from 'node:assert/strict';
import type { Answer } from '../src/answer/answerModel';
import { citationsForAnswer, citationText, MAX_CITATIONS, type KnowledgeLookup } from '../src/answer/citations';
import { composeAnswer } from '../src/answer/composeAnswer';
import type { Passage, ServiceRecord } from '../src/knowledge/types';
import { searchEngine } from './helpers';

function passage(over: Partial<Passage> & Pick<Passage, 'id' | 'kind'>): Passage {
  return { docId: 'doc', docTitle: 'A document', headings: [], title: 'A title', text: 'Some text.', questions: [], source: 'A document', sourceUrls: [], ...over };
}

function service(id: string, over: Partial<ServiceRecord> = {}): ServiceRecord {
  return {
    id,
    name: `Service ${id}`,
    organization: 'Made-up Trust',
    description: 'Short breaks for unpaid carers.',
    categories: [],
    eligibility: 'Carers',
    how_to_access: 'Phone',
    area_served: 'Midlothian',
    source_urls: [`https://example.org/${id}/source`],
    as_of: '2025-03',
    review_flags: [],
    keywords: [],
    ...over,
  };
}

const planPassage = passage({
  id: 'plan#aim-2',
  kind: 'plan',
  docTitle: 'Made-up Strategic Plan',
  headings: ['Strategic aims', 'Aim 2: Right support'],
  title: 'Aim 2: Right support',
  text: 'We will **reduce** waiting times by £xxm over the plan.',
  aim: 2,
  outcome: '2.1',
  timescale: 'short',
});
const sdsPassage = passage({
  id: 'sds-dp#family',
  kind: 'sds',
  docTitle: 'Can a direct payment pay a family member?',
  headings: ['When it is allowed'],
  title: 'Can a direct payment pay a family member?: When it is allowed',
  text: 'Only in limited cases.',
  summary: 'Only in limited cases, and only through a direct payment.',
  sourceUrls: ['https://example.org/sds-regulations'],
  reviewed: '2026-11-01',
});
const breaks = service('breaks', { url: 'https://example.org/breaks' });
const undated = service('undated', { as_of: 'undated', source_urls: [] });
const servicePassage = passage({ id: 'service:breaks', kind: 'service', serviceId: 'breaks', title: 'Service breaks' });

const lookup: KnowledgeLookup = {
  passage: (id) => [planPassage, sdsPassage, servicePassage].find((p) => p.id === id),
  service: (id) => [breaks, undated].find((s) => s.id === id),
};

describe('citations', () => {
  it('names a plan passage as document › section, with its aim, outcome and timescale, and marks draft gaps', () => {
    const [c] = citationsForAnswer({ type: 'passage', passage: planPassage, snippet: '', alternatives: [], suggestions: [] }, lookup);
    assert.equal(c.position, 1);
    assert.equal(c.passageId, 'plan#aim-2');
    assert.equal(c.name, 'Made-up Strategic Plan › Aim 2: Right support');
    assert.deepEqual(c.keywords, ['Strategic Plan', 'Aim 2 · Outcome 2.1', 'short term']);
    assert.match(c.abstract, /^We will reduce waiting times by £xxm \(not yet confirmed in the draft\)/);
    assert.equal(c.url, undefined, 'the plan has no web address in the knowledge');
  });

  it('names an SDS passage as article › section, with its first source and review date', () => {
    const [c] = citationsForAnswer({ type: 'passage', passage: sdsPassage, snippet: '', alternatives: [], suggestions: [] }, lookup);
    assert.equal(c.name, 'Can a direct payment pay a family member? › When it is allowed');
    assert.equal(c.url, 'https://example.org/sds-regulations');
    assert.equal(c.abstract, 'Only in limited cases, and only through a direct payment.');
    assert.deepEqual(c.keywords, ['SDS guidance', 'reviewed 2026-11-01']);
  });

  it('names a directory record with its as-of date and web address, or says the source is undated', () => {
    const cites = citationsForAnswer({ type: 'services', services: [breaks, undated], passageIds: ['service:breaks', 'service:undated'] }, lookup);
    assert.deepEqual(cites.map((c) => [c.position, c.name, c.url]), [
      [1, 'Service directory › Service breaks', 'https://example.org/breaks'],
      [2, 'Service directory › Service undated', undefined],
    ]);
    assert.ok(cites[0].keywords.includes('as of 2025-03'));
    assert.match(cites[0].abstract, /^Directory record, as of 2025-03\. Short breaks/);
    assert.match(cites[1].abstract, /source undated/);
  });

  it('cites a service passage through its record, once per source, and at most ten', () => {
    const items = Array.from({ length: 14 }, (_, i) => ({ id: i % 2 ? 'service:breaks' : 'plan#aim-2', title: 't', kind: 'plan' as const, extract: '' }));
    assert.deepEqual(citationsForAnswer({ type: 'results', heading: 'h', items }, lookup).map((c) => c.passageId), ['plan#aim-2', 'service:breaks']);
    const many = Array.from({ length: 15 }, (_, i) => service(`s${i}`));
    const cites = citationsForAnswer({ type: 'services', services: many, passageIds: many.map((s) => `service:${s.id}`) }, lookup);
    assert.equal(cites.length, MAX_CITATIONS);
    assert.deepEqual(cites.map((c) => c.position), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('keeps within Teams limits: names 80, abstracts 160, three keywords of 28', () => {
    const long = passage({ ...sdsPassage, docTitle: 'An article with a very long title indeed, far longer than Teams lets a citation name be', headings: ['A section whose name is also rather long'], summary: 'x '.repeat(200) });
    const [c] = citationsForAnswer({ type: 'passage', passage: long, snippet: '', alternatives: [], suggestions: [] }, { ...lookup, passage: () => long });
    assert.ok(c.name.length <= 80, c.name);
    assert.match(c.name, /› A section whose name is also rather long$/);
    assert.ok(c.abstract.length <= 160);
    assert.ok(c.keywords.length <= 3 && c.keywords.every((k) => k.length <= 28));
  });

  it('cites nothing for answers that quote no source', () => {
    const none: Answer[] = [{ type: 'help', reason: 'help' }, { type: 'not_sure', nearest: [] }, { type: 'feedback_form' }, { type: 'emergency', risks: [], routes: [], firstSteps: [] }];
    for (const a of none) assert.deepEqual(citationsForAnswer(a, lookup), [], a.type);
    assert.equal(citationText([]), '');
  });

  it('writes the [n] markers into the message text, one per citation', () => {
    const cites = citationsForAnswer({ type: 'services', services: [breaks, undated], passageIds: ['service:breaks', 'service:undated'] }, lookup);
    assert.equal(citationText(cites), 'Sources: Service directory › Service breaks [1] · Service directory › Service undated [2]');
    assert.equal(citationText(cites.slice(0, 1)), 'Source: Service directory › Service breaks [1]');
  });

  it('cites the real knowledge: an SDS answer, a services answer and a plan list', () => {
    const engine = searchEngine();
    const sds = citationsForAnswer(composeAnswer(engine, 'can a direct payment pay a family member').answer, engine);
    assert.ok(sds.length >= 1 && sds[0].url?.startsWith('http'), JSON.stringify(sds[0]));
    const services = citationsForAnswer(composeAnswer(engine, 'services short breaks for carers', ['service']).answer, engine);
    assert.ok(services.length >= 1 && services.every((c) => c.name.startsWith('Service directory › ') && c.keywords.some((k) => /^as of |undated/.test(k))));
    const plan = citationsForAnswer(composeAnswer(engine, 'what are the short term aims under strategic aim 2').answer, engine);
    assert.ok(plan.length >= 1 && plan.length <= MAX_CITATIONS && plan.every((c) => c.keywords[0] === 'Strategic Plan'));
  });
});
