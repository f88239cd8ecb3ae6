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

  it('splits long sections under the size cap without losing words', () => {
    const paragraph = 'People said what mattered to them. '.repeat(30).trim();
    const text = [paragraph, paragraph, paragraph].join('\n\n');
    const pieces = packParagraphs(text);
    assert.ok(pieces.length >= 3);
    for (const piece of pieces) assert.ok(piece.length <= MAX_PASSAGE_CHARS, `piece of ${piece.length}`);
    assert.equal(pieces.join(' ').split(/\s+/).length, text.split(/\s+/).length);
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
