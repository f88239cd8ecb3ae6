import assert from 'node:assert/strict';
import { chunkDocument, MAX_PASSAGE_CHARS, packParagraphs, planPosition, splitSections } from '../src/knowledge/chunk';
import type { MarkdownDocument } from '../src/knowledge/types';
import { builtKnowledge } from './helpers';

function planDoc(body: string): MarkdownDocument {
  return {
    kind: 'plan',
    id: 'test-plan',
    file: 'test-plan.md',
    title: 'Test plan',
    body,
    meta: { kind: 'plan', publisher: 'Test', status: 'DRAFT', period: '2025–2035', sourceFile: 'x.txt' },
  };
}

describe('chunking', () => {
  it('never lets a passage cross a heading', () => {
    const passages = chunkDocument(planDoc('## One\n\nAlpha text.\n\n## Two\n\nBeta text.\n\n### Two a\n\nGamma text.'));
    assert.deepEqual(
      passages.map((p) => [p.headings, p.text]),
      [
        [['One'], 'Alpha text.'],
        [['Two'], 'Beta text.'],
        [['Two', 'Two a'], 'Gamma text.'],
      ],
    );
  });

  it('keeps the full heading path and resets it at a higher heading', () => {
    const sections = splitSections('## A\n\nx\n\n### B\n\ny\n\n#### C\n\nz\n\n## D\n\nw');
    assert.deepEqual(sections.map((s) => s.headings), [['A'], ['A', 'B'], ['A', 'B', 'C'], ['D']]);
  });

  it('reads a heading as plain text: Markdown escapes are dropped', () => {
    assert.deepEqual(splitSections('## Our budget £xxm\\*\n\nx')[0].headings, ['Our budget £xxm*']);
  });

  it('splits long sections under the size cap without losing words', () => {
    const paragraph = 'People said what mattered to them. '.repeat(30).trim();
    const text = [paragraph, paragraph, paragraph].join('\n\n');
    const pieces = packParagraphs(text);
    assert.ok(pieces.length >= 3);
    for (const piece of pieces) assert.ok(piece.length <= MAX_PASSAGE_CHARS, `piece of ${piece.length}`);
    assert.equal(pieces.join(' ').split(/\s+/).length, text.split(/\s+/).length);
  });

  it('gives a lead-in that ends on a colon the headings of the parts that follow it, as many as it says', () => {
    const passages = chunkDocument(planDoc('## Budget\n\nIt is split up into two parts:\n\n### Part one\n\nAlpha.\n\n### Part two\n\nBeta.\n\n### A note\n\nGamma.'));
    const lead = passages.find((p) => p.headings.length === 1);
    assert.equal(lead?.text, 'It is split up into two parts:\n\n- Part one\n- Part two');
    // The parts keep their own passages.
    assert.deepEqual(passages.slice(1).map((p) => p.text), ['Alpha.', 'Beta.', 'Gamma.']);
  });

  it('gathers a heading with no words of its own over short subsections into one passage that names them', () => {
    const passages = chunkDocument(planDoc('## About us\n\n### At a glance\n\n#### Our Vision\n\nPeople live well.\n\n#### Our Values\n\nKindness. Fairness.\n\n## Next\n\nOther text.'));
    const gathered = passages.find((p) => p.headings.at(-1) === 'At a glance');
    assert.ok(gathered, 'no passage for the gathering heading');
    assert.match(gathered.title, /At a glance: Our Vision, Our Values$/);
    assert.match(gathered.text, /Our Vision\*\*\s+People live well\.\s+\*\*Our Values\*\*\s+Kindness\. Fairness\./);
    assert.ok(passages.some((p) => p.headings.at(-1) === 'Our Vision' && p.text === 'People live well.'));
    // A long subsection is a passage of its own, not a line of a summary.
    const long = chunkDocument(planDoc(`## About us\n\n### At a glance\n\n#### Our Vision\n\n${'Words here. '.repeat(50)}\n\n#### Our Values\n\nKindness.`));
    assert.equal(long.find((p) => p.headings.at(-1) === 'At a glance'), undefined);
  });

  it('reads aim, outcome and timescale from the heading path', () => {
    assert.deepEqual(
      planPosition([
        'Strategic Aim No.2: People access the care and support they need — short, medium and longer term aims',
        'Medium term aims',
        '2.2 People have access to services in their own community.',
      ]),
      { aim: 2, outcome: '2.2', timescale: 'medium' },
    );
    assert.deepEqual(planPosition(['Longer term aims']), { timescale: 'longer' });
    assert.deepEqual(planPosition(['Budget and financial plan']), {});
  });

  it('gives every real passage a heading path, a kind and text under the cap', () => {
    const { passages } = builtKnowledge();
    assert.ok(passages.length > 300);
    for (const p of passages) {
      assert.ok(p.text.length <= MAX_PASSAGE_CHARS, `${p.id} has ${p.text.length} characters`);
      assert.ok(p.text.trim().length > 0, `${p.id} is empty`);
      assert.ok(['plan', 'sds', 'service'].includes(p.kind));
    }
    assert.equal(new Set(passages.map((p) => p.id)).size, passages.length, 'passage ids are unique');
  });

  it('tags the plan passages under each outcome with that outcome and its aim', () => {
    const { passages } = builtKnowledge();
    for (const code of ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3']) {
      const under = passages.filter((p) => p.outcome === code);
      assert.ok(under.length > 0, `no passage for outcome ${code}`);
      for (const p of under) assert.equal(p.aim, Number(code[0]));
    }
  });
});
