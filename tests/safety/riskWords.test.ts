// The word weights beside the signs, on small made-up data: what they read, how they are fitted,
// and what they may change of the main weights' reading.
import assert from 'node:assert/strict';
import { RISK_KINDS, type RiskKind, type RiskKindInfo, type RiskSignsData, type RiskWeights, type WordModel } from '../../src/knowledge/riskSigns';
import { RiskModel, withWords, type RiskFeatures } from '../../src/safety/riskModel';
import { fitWords } from '../../src/eval/fitRisk';
import { fitWordModel, wordFeatures, wordProbability, type RiskWordWeights } from '../../src/safety/riskWords';

const SIGNS: RiskSignsData = {
  note: 'made up for tests',
  sources: { guide: { title: 'A made-up guide', url: 'https://example.org/guide' } },
  words: {},
  kinds: Object.fromEntries(
    RISK_KINDS.map((k): [RiskKind, RiskKindInfo] => [k, { label: k, firstStep: `first step for ${k}`, negatable: false, acute: false, fits: { categories: [], terms: [] } }]),
  ) as RiskSignsData['kinds'],
  context: { negators: 'no|not', past: 'ago', topic: 'training|policy', generic: 'someone|people', person: 'client|man', not: ['dying to'] },
  signs: [{ id: 'chest-pain', type: 'medical', kinds: ['medical-emergency'], sources: ['guide'], all: ['chest', 'pain'], within: 2 }],
  cues: { unwell: { sources: ['guide'], words: 'unwell|poorly' } },
};

function wordModel(words: Record<string, number>, bias = -3, dense: number[] = []): WordModel {
  return { bias, dense, words };
}

describe('risk word weights (made-up data)', () => {
  const model = new RiskModel(SIGNS);
  const zero = model.featureNames.map(() => 0);

  function weights(words: RiskWordWeights | undefined, riskBias = -5): RiskWeights {
    return {
      note: '',
      features: model.featureNames,
      risk: { bias: riskBias, weights: zero, threshold: 0.5 },
      kinds: Object.fromEntries(RISK_KINDS.map((k) => [k, { bias: k === 'harm-or-abuse' ? 1 : -2, weights: zero }])) as RiskWeights['kinds'],
      fitted: { on: 'test', messages: 0, folds: 0, lambda: 0 },
      ...(words ? { words } : {}),
    };
  }

  const WORDS: RiskWordWeights = {
    threshold: 0.6,
    veto: 0.2,
    risk: wordModel({ viaduct: 4, 'look down': 2, group: -4 }, -3, zero),
    kinds: Object.fromEntries(RISK_KINDS.map((k) => [k, wordModel(k === 'suicide-self-harm' ? { viaduct: 5 } : {}, -2, zero)])) as Record<RiskKind, WordModel>,
  };

  it('reads each stem but the commonest words, and each pair of neighbouring stems', () => {
    const features = wordFeatures(' he keeps going to the viaduct ');
    assert.ok(features.includes('keep') && features.includes('viaduct'));
    assert.ok(features.includes('go to') && features.includes('the viaduct'));
    assert.ok(!features.includes('the') && !features.includes('to'));
  });

  it('routes what the words read as risk where no sign matched, with the kind the words give', () => {
    const withWordsModel = new RiskModel(SIGNS, [], weights(WORDS));
    assert.deepEqual(withWordsModel.assess('the man keeps going to the viaduct').kinds, ['suicide-self-harm']);
    assert.deepEqual(new RiskModel(SIGNS, [], weights(undefined)).assess('the man keeps going to the viaduct').kinds, []);
    assert.deepEqual(withWordsModel.assess('the man wants a walking group').kinds, []);
    // A question about a topic stays a topic whatever the words score.
    assert.deepEqual(withWordsModel.assess('viaduct policy training').kinds, []);
  });

  it('takes back a route of the main weights alone when the words read it as plainly ordinary, never a sign\'s', () => {
    const features = model.features('the client is poorly and wants a group');
    assert.deepEqual(withWords(WORDS, features, ['harm-or-abuse']), []);
    // Read as risk, the route stays, with the kind the words are sure of beside it.
    assert.deepEqual(withWords(WORDS, model.features('the client is poorly at the viaduct'), ['harm-or-abuse']), ['harm-or-abuse', 'suicide-self-harm']);
    const signed = model.features('the client has chest pain and wants a group');
    assert.deepEqual(signed.signKinds, ['medical-emergency']);
    assert.deepEqual(withWords(WORDS, signed, []), []);
    assert.deepEqual(withWords(undefined, features, ['harm-or-abuse']), ['harm-or-abuse']);
  });

  it('routes a kind the words are sure of beside a sign\'s, once the words read the message as risk', () => {
    const signed = model.features('the client has chest pain at the viaduct');
    assert.deepEqual(signed.signKinds, ['medical-emergency']);
    assert.deepEqual(withWords(WORDS, signed, []), ['suicide-self-harm']);
    // Under the words' own threshold nothing is added.
    assert.deepEqual(withWords(WORDS, model.features('the client has chest pain'), []), []);
  });

  it('fits weights that tell the two kinds of message apart, the same on every fit', () => {
    const risk = ['he stands on the bridge at night', 'she went to the bridge again', 'stood at the bridge edge', 'on the bridge looking down'];
    const ordinary = ['wants a lunch club', 'a lunch club near the park', 'any lunch club on fridays', 'the lunch club is full'];
    const examples = [...risk.map((t) => ({ t, label: 1 })), ...ordinary.map((t) => ({ t, label: 0 }))].map(({ t, label }) => ({ dense: [0], words: wordFeatures(` ${t} `), label }));
    const options = { lambda: 0.001, epochs: 30, rate: 0.2, minCount: 2 };
    const fitted = fitWordModel(examples, options);
    assert.ok(fitted.words.bridg > 0 && fitted.words.lunch < 0);
    // A word seen once is one writer's turn of phrase, not learned.
    assert.equal(fitted.words.night, undefined);
    assert.ok(wordProbability(fitted, [0], wordFeatures(' the bridge ')) > 0.5);
    assert.ok(wordProbability(fitted, [0], wordFeatures(' a lunch club ')) < 0.5);
    assert.deepEqual(fitWordModel(examples, options), fitted);
  });

  it('chooses the words\' threshold so no one left-out writer gets more than a few added false alarms', () => {
    const features = (text: string): RiskFeatures => ({ values: [], signKinds: [], aboutATopic: false, prepared: ` ${text} ` }) as unknown as RiskFeatures;
    const example = (text: string, file: number, kind?: RiskKind) => ({
      message: { text, kind: kind ?? 'none' },
      file,
      words: wordFeatures(` ${text} `),
      features: features(text),
      accepted: new Set<RiskKind>(kind ? [kind] : []),
    });
    const writers = (oddOnes: number) =>
      [0, 1, 2, 3, 4].flatMap((file) => [
        ...(file < 4 ? Array.from({ length: 20 }, (_, i) => example(`she stood on the bridge edge again ${i}`, file, 'suicide-self-harm')) : []),
        ...Array.from({ length: 200 }, (_, i) => example(`any lunch club near the park ${i}`, file)),
        // One writer's ordinary messages that read like the risk ones ("stood on the bridge edge for a photo").
        ...(file === 4 ? Array.from({ length: oddOnes }, (_, i) => example(`she stood on the bridge edge again for a photo ${i}`, file)) : []),
      ]);
    const judge = (_: RiskFeatures, kinds: RiskKind[]): RiskKind[] => kinds;
    const fit = (examples: ReturnType<typeof writers>) => fitWords(examples, examples.map(() => []), judge).words.threshold;
    // Eight such messages are under 1 % of the pool but 4 % of that writer's: the words add none.
    assert.ok(fit(writers(8)) > 0.9, `threshold ${fit(writers(8))}`);
    assert.equal(fit(writers(0)), 0.4);
  });
});
