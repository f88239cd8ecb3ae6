import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asciiJson } from '../src/knowledge/builtKnowledge';
import { packRiskWords, unpackRiskWords } from '../src/knowledge/packedWordWeights';
import { RISK_KINDS, type RiskKind, type RiskWordWeights, type WordModel } from '../src/knowledge/riskSigns';
import { asciiOnly } from '../src/build/bundleServer';
import { readBuiltKnowledge } from '../src/search/builtKnowledge';
import { passageQuestionStems } from '../src/search/passageQuestionStems';
import { wordProbability } from '../src/safety/riskWords';
import { BUILT_KNOWLEDGE_FILE, SERVER_BUNDLE } from '../src/paths';

const NOT_ASCII = /[^\x00-\x7f]/;

describe('the built knowledge as start-up reads it', () => {
  it('writes JSON in ASCII that reads back as the same text, curly quotes, accents and emoji included', () => {
    const data = { text: 'Carer’s “break” – café 😀', list: ['Ŵ', 'plain'] };
    const written = asciiJson(data);
    assert.doesNotMatch(written, NOT_ASCII);
    assert.deepEqual(JSON.parse(written), data);
  });

  it('rewrites a script in ASCII that means the same (strings, regular expressions, templates), and refuses one it would change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'midway-ascii-'));
    try {
      const file = join(dir, 'script.js');
      writeFileSync(file, 'module.exports = { s: "it’s", re: /[’]/u.test("’"), t: `£${1}`, raw: String.raw`O\\u2019` }; // “note”\n');
      asciiOnly(file);
      assert.doesNotMatch(readFileSync(file, 'utf8'), NOT_ASCII);
      assert.deepEqual(require(file), { s: 'it’s', re: true, t: '£1', raw: 'O\\u2019' });
      // After a backslash, or in String.raw's text, the escape would not mean the same character.
      for (const script of ['module.exports = /[\\–]/;\n', 'module.exports = String.raw`O’B`;\n', 'module.exports = "a\u2028b";\n']) {
        writeFileSync(file, script);
        assert.throws(() => asciiOnly(file), /cannot write in ASCII/, script);
        assert.equal(readFileSync(file, 'utf8'), script, 'left as it was');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('packs word weights into a table that gives every word the same weight, and 0 to a word it lacks', () => {
    const model = (words: Record<string, number>): WordModel => ({ bias: -1, dense: [0.5], words });
    const words: RiskWordWeights = {
      threshold: 0.6,
      veto: 0.2,
      risk: model({ viaduct: 1.234, 'to die': -0.007, lunch: -2 }),
      kinds: Object.fromEntries(RISK_KINDS.map((k, i) => [k, model({ viaduct: i / 1000, bridg: 0.5 })])) as Record<RiskKind, WordModel>,
    };
    const unpacked = unpackRiskWords(JSON.parse(JSON.stringify(packRiskWords(words))));
    // ("constructor" is no word of the record's own: 0, not Object's constructor.)
    for (const word of ['viaduct', 'to die', 'lunch', 'bridg', 'never seen', 'constructor']) {
      const feature = [word];
      assert.equal(wordProbability(unpacked.risk, [1], feature), wordProbability(words.risk, [1], feature), word);
      for (const k of RISK_KINDS) assert.equal(wordProbability(unpacked.kinds[k], [1], feature), wordProbability(words.kinds[k], [1], feature), `${k} ${word}`);
    }
    assert.equal(unpacked.threshold, 0.6);
    assert.equal(unpacked.veto, 0.2);
  });

  it('refuses to pack a weight finer than a thousandth (it would not read back the same)', () => {
    const model: WordModel = { bias: 0, dense: [], words: { viaduct: 0.12345 } };
    const kinds = Object.fromEntries(RISK_KINDS.map((k) => [k, model])) as Record<RiskKind, WordModel>;
    assert.throws(() => packRiskWords({ threshold: 0.5, veto: 0.1, risk: model, kinds }), /finer than a thousandth/);
  });

  it('is all ASCII, bundle and knowledge, and carries each passage question as the search reads it', () => {
    assert.doesNotMatch(readFileSync(BUILT_KNOWLEDGE_FILE, 'utf8'), NOT_ASCII);
    assert.doesNotMatch(readFileSync(SERVER_BUNDLE, 'utf8'), NOT_ASCII);
    const knowledge = readBuiltKnowledge(BUILT_KNOWLEDGE_FILE);
    assert.ok(knowledge.questionStems);
    assert.deepEqual(knowledge.questionStems, passageQuestionStems(knowledge.passages, knowledge.synonyms));
  });
});
