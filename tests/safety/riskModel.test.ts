// The risk model's reading on small made-up signs, so these tests hold whatever the curators
// write in knowledge/risk-signs.json.
import assert from 'node:assert/strict';
import { RISK_KINDS, riskSignsProblems, type RiskKind, type RiskSign, type RiskSignsData, type RiskWeights } from '../../src/knowledge/riskSigns';
import { expandPattern, RiskModel, withinOneEdit } from '../../src/safety/riskModel';
import { typoLookalikes } from '../../src/build/typoLookalikes';
import { stem } from '../../src/search/stem';

function kinds(overrides: Partial<Record<RiskKind, Partial<RiskSignsData['kinds'][RiskKind]>>> = {}): RiskSignsData['kinds'] {
  return Object.fromEntries(
    RISK_KINDS.map((k) => [k, { label: k, firstStep: `first step for ${k}`, negatable: false, acute: false, fits: { categories: [], terms: [] }, ...overrides[k] }]),
  ) as RiskSignsData['kinds'];
}

const SIGNS: RiskSignsData = {
  note: 'made up for tests',
  sources: { guide: { title: 'A made-up guide', url: 'https://example.org/guide' } },
  words: { pills: 'tablet*|pills|meds', self: 'himself|herself', child: 'child|kid|toddler' },
  kinds: kinds({ 'medical-emergency': { negatable: true, acute: true } }),
  context: {
    negators: 'no|not|denies',
    past: 'ago|history',
    topic: 'training|policy',
    generic: 'someone|people',
    person: 'client|mum|man|child',
    history: 'years ago|used to',
    again: 'again|tonight',
    not: ['cuts to (?:services|funding)', 'dying to'],
  },
  signs: [
    { id: 'overdose', type: 'self-harm', kinds: ['suicide-self-harm', 'medical-emergency'], sources: ['guide'], all: ['took|swallowed', 'too many|handful', '@pills'], within: 5 },
    { id: 'cutting', type: 'self-harm', kinds: ['suicide-self-harm'], sources: ['guide'], all: ['cuts|cutting', '@self|arms'], within: 2, unless: 'kitchen' },
    { id: 'chest-pain', type: 'medical', kinds: ['medical-emergency'], sources: ['guide'], all: ['chest', 'pain|pains'], within: 2 },
    { id: 'partner-hits', type: 'domestic-abuse', kinds: ['domestic-abuse'], sources: ['guide'], all: ['partner', 'hits|hit'], within: 4, not: 'target' },
    { id: 'dying', type: 'suicide', kinds: ['suicide-self-harm'], sources: ['guide'], all: ['wants to die|dying'] },
  ],
};

describe('risk model (made-up signs)', () => {
  const model = new RiskModel(SIGNS);

  it('reads "stem*" as a stem, and leaves a regular expression\'s own "\\w*" alone', () => {
    assert.equal(expandPattern('bruis*', {}), 'bruis[a-z0-9]*');
    // "tantrum\w*" must still match "tantrum" itself.
    assert.match(' tantrum ', new RegExp(` ${expandPattern('tantrum\\w*', {})} `));
    const cut = new RiskModel({ ...SIGNS, signs: [{ ...SIGNS.signs[1], unless: 'kitchen\\w*' }] });
    assert.deepEqual(cut.assess('he cuts his arms in the kitchen').kinds, []);
  });

  it('finds a sign whose words come in any order, with words between them', () => {
    assert.deepEqual(model.assess('she swallowed a handful of her tablets').kinds, ['suicide-self-harm', 'medical-emergency']);
    assert.deepEqual(model.assess('tablets, she took too many').kinds, ['suicide-self-harm', 'medical-emergency']);
  });

  it('reads someone told by age, or children counted, as a person the message is about', () => {
    // "what do i do" with a condition after it is a general question about a topic; said after what
    // happened, it asks about this case.
    assert.deepEqual(model.assess('what do i do if someone took too many tablets').kinds, []);
    assert.deepEqual(model.assess('what do i do when people took too many tablets').kinds, []);
    assert.deepEqual(model.assess('took too many tablets, what do i do').kinds, ['suicide-self-harm', 'medical-emergency']);
    assert.deepEqual(model.assess('4 month old took too many tablets, what do i do').kinds, ['suicide-self-harm', 'medical-emergency']);
    assert.deepEqual(model.assess('client 31 took too many tablets, what do i do').kinds, ['suicide-self-harm', 'medical-emergency']);
    assert.deepEqual(model.assess('3 kids took too many tablets, what do i do').kinds, ['suicide-self-harm', 'medical-emergency']);
  });

  it('needs each group met by words of its own: one word is not two signs', () => {
    const shared = new RiskModel({ ...SIGNS, signs: [{ id: 'face', type: 'medical', kinds: ['medical-emergency'], sources: ['guide'], all: ['face|fallen', 'fallen|droop*'], within: 3 }] });
    assert.deepEqual(shared.assess('her mum has fallen twice').kinds, []);
    assert.deepEqual(shared.assess('her face has fallen').kinds, ['medical-emergency']);
    assert.deepEqual(shared.assess('his face is drooping').kinds, ['medical-emergency']);
  });

  it('needs the groups close together: `within` counts the words between them', () => {
    assert.deepEqual(model.assess('she took the bus home and then had too many visitors asking about her tablets').kinds, []);
  });

  it('reads "hes", "he\'s" and "he’s" alike and corrects one-letter typos of the signs\' words', () => {
    assert.equal(model.prepare("he's cutting"), model.prepare('hes cutting'));
    assert.deepEqual(model.assess('mum says she swalowed too many tabltes').kinds, ['suicide-self-harm', 'medical-emergency']);
    assert.ok(withinOneEdit('tablets', 'tabelts'));
    assert.ok(!withinOneEdit('tablets', 'tbalest'));
  });

  it('reads a dropped g and everyday Scots as the words the signs use', () => {
    assert.equal(model.prepare('hes cuttin hissel wi a blade'), ' hes cutting himself with a blade ');
    assert.deepEqual(model.assess('shes cuttin hersel again').kinds, ['suicide-self-harm']);
  });

  it('reads a dropped g as the -ing word only when the word weights know that word and not the one typed', () => {
    const zero = model.featureNames.map(() => 0);
    const words = { bias: 0, dense: zero, words: { take: 0.5, breath: 0.5, [stem('cabin')]: 0.2, [stem('cabing')]: 0.2, [stem('gaving')]: 0.2 } };
    const weights: RiskWeights = {
      note: '',
      features: model.featureNames,
      risk: { bias: -5, weights: zero, threshold: 0.9 },
      kinds: Object.fromEntries(RISK_KINDS.map((k) => [k, { bias: -5, weights: zero }])) as RiskWeights['kinds'],
      fitted: { on: 'test', messages: 0, folds: 0, lambda: 0 },
      words: { threshold: 0.99, veto: 0, risk: words, kinds: Object.fromEntries(RISK_KINDS.map((k) => [k, words])) as unknown as NonNullable<RiskWeights['words']>['kinds'] },
    };
    const known = new RiskModel(SIGNS, [], weights);
    assert.equal(known.prepare('son takin her money'), ' son taking her money ');
    assert.equal(known.prepare('no breathin'), ' no breathing ');
    // "cabin" is a word the weights know as it is; "robin" has no "-ing" word they know; "Gavin" is a name.
    assert.equal(known.prepare('a cabin and a robin'), ' a cabin and a robin ');
    assert.equal(known.prepare('Gavin came'), ' gavin came ');
    assert.equal(known.prepare('gavin came'), ' gaving came ');
    assert.equal(model.prepare('son takin her money'), ' son takin her money ');
  });

  it('does not read a real word as a typo of a sign word', () => {
    const lookalikes = typoLookalikes(SIGNS, ['chess', 'chest', 'pains', 'rains', 'tablet']);
    assert.deepEqual(lookalikes, ['chess', 'rains']);
    const careful = new RiskModel(SIGNS, lookalikes);
    assert.deepEqual(careful.assess('client has chess rains').kinds, []);
    assert.deepEqual(new RiskModel(SIGNS).assess('client has chess rains').kinds, ['medical-emergency']);
  });

  it('lets a negation before a bodily sign stand, but not before thoughts of self-harm', () => {
    assert.deepEqual(model.assess('man has no chest pain').kinds, []);
    assert.deepEqual(model.assess('client denies cutting herself').kinds, ['suicide-self-harm']);
  });

  it('does not call a sign from the past an emergency now', () => {
    assert.deepEqual(model.assess('man had chest pain years ago').kinds, []);
    assert.deepEqual(model.assess('man has chest pain now').kinds, ['medical-emergency']);
    // Past words that tell how it began, with "now" before the sign, leave the sign now; "now" telling
    // how things have been since does not.
    assert.deepEqual(model.assess('man had a cold days ago now chest pain').kinds, ['medical-emergency']);
    assert.deepEqual(model.assess('man had a cold days ago now chest pain has gone').kinds, []);
    assert.deepEqual(model.assess('man had a cold days ago now back at work chest pain').kinds, []);
  });

  it('treats a question about a topic with no one in it as a topic, with the kinds kept aside', () => {
    const topic = model.assess('policy on cutting arms');
    assert.deepEqual(topic.kinds, []);
    assert.deepEqual(topic.topicKinds, ['suicide-self-harm']);
    assert.deepEqual(model.assess('what do people do when someone wants to die').kinds, []);
    assert.deepEqual(model.assess('my client wants to die, is there a policy').kinds, ['suicide-self-harm']);
  });

  it('does not let a long match use up the room `within` allows between groups', () => {
    const data: RiskSignsData = { ...SIGNS, signs: [{ id: 'no-point', type: 'suicide', kinds: ['suicide-self-harm'], sources: ['guide'], all: ['doesnt', 'see the point of|want', 'living'], within: 2 }] };
    const narrow = new RiskModel(data);
    assert.deepEqual(narrow.assess('he doesnt see the point of living').kinds, ['suicide-self-harm']);
    assert.deepEqual(narrow.assess('he doesnt really want to go on living').kinds, []);
  });

  it('reads someone at risk now in a general question as a person, not a topic', () => {
    assert.deepEqual(model.assess('how do I get help for someone who wants to die').kinds, []);
    assert.deepEqual(model.assess('how do I get help for someone who wants to die tonight').kinds, ['suicide-self-harm']);
  });

  it('reads a question asked in the last clause as a question, and his pals as his', () => {
    const question = model.featureNames.indexOf('context:question');
    assert.equal(model.features('she had a fall last week, who do I contact').values[question], 1);
    assert.equal(model.features('she had a fall, who is with her now and she cant get up').values[question], 0);
    assert.equal(model.features('he made her kneel in front of his pals').partnerLike, true);
    assert.equal(model.features('he shouts at her and her son is scared').partnerLike, false);
  });

  it('reads a message said as a joke as a feature of its own, only when the signs name joking words', () => {
    const joking = new RiskModel({ ...SIGNS, context: { ...SIGNS.context, joking: 'lol|haha*|only joking' } });
    const at = joking.featureNames.indexOf('context:joking');
    assert.ok(at > 0);
    assert.equal(joking.features('stabbed myself with a staple, send plasters hahaha').values[at], 1);
    assert.equal(joking.features('he stabbed himself with a knife').values[at], 0);
    assert.equal(model.featureNames.includes('context:joking'), false);
  });

  it('takes back harm to an adult when the concern is said to be over for good, never a partner\'s abuse, and not when it is negated or happening now', () => {
    const money: RiskSign = { id: 'takes-money', type: 'financial', kinds: ['harm-or-abuse'], sources: ['guide'], all: ['takes|took', 'pension|money'], within: 4 };
    const data: RiskSignsData = { ...SIGNS, signs: [...SIGNS.signs, money], context: { ...SIGNS.context, settled: 'unfounded|case closed' } };
    const settled = new RiskModel(data);
    assert.deepEqual(settled.assess('the referral said her son takes her pension; we visited and it was unfounded').kinds, []);
    assert.deepEqual(new RiskModel({ ...data, context: SIGNS.context }).assess('the referral said her son takes her pension; we visited and it was unfounded').kinds, ['harm-or-abuse']);
    // Happening now, or the settled words negated: the sign stands.
    assert.deepEqual(settled.assess('case closed, but now her son takes her pension again').kinds, ['harm-or-abuse']);
    assert.deepEqual(settled.assess('not unfounded at all, her son takes her pension').kinds, ['harm-or-abuse']);
    // A partner's abuse is never taken back by a closed case.
    assert.deepEqual(settled.assess('case closed last year, her partner hits her').kinds, ['domestic-abuse']);
  });

  it('masks everyday phrases, and honours unless (near the sign) and not (anywhere)', () => {
    assert.deepEqual(model.assess('mum is dying to see the kids').kinds, []);
    assert.deepEqual(model.assess('she cuts herself in the kitchen by accident').kinds, []);
    assert.deepEqual(model.assess('her partner hit the target again').kinds, []);
    assert.deepEqual(model.assess('her partner hits her').kinds, ['domestic-abuse']);
  });

  it('adds harm to an adult when a partner harms someone with a care need, when the signs name care needs', () => {
    const withNeeds = new RiskModel({ ...SIGNS, words: { ...SIGNS.words, careneed: 'dementia|wheelchair' } });
    assert.deepEqual(withNeeds.assess('her partner hits her, she has dementia').kinds, ['domestic-abuse', 'harm-or-abuse']);
    assert.deepEqual(withNeeds.assess('her partner hits her').kinds, ['domestic-abuse']);
    assert.deepEqual(model.assess('her partner hits her, she has dementia').kinds, ['domestic-abuse']);
  });

  it('adds child protection when harm is found and a child is in the message', () => {
    // (The sign's own kind first: its routes and first step lead.)
    assert.deepEqual(model.assess('her partner hits her and the toddler sees it').kinds, ['domestic-abuse', 'child-protection']);
  });

  it('routes on fitted weights when no sign matches, and only over the threshold', () => {
    const features = model.featureNames;
    const zero = features.map(() => 0);
    const specific = features.indexOf('context:specific-person');
    const weights: RiskWeights = {
      note: '',
      features,
      risk: { bias: -2, weights: zero.map((_, i) => (i === specific ? 3 : 0)), threshold: 0.6 },
      kinds: Object.fromEntries(RISK_KINDS.map((k) => [k, { bias: k === 'harm-or-abuse' ? 1 : -2, weights: zero }])) as RiskWeights['kinds'],
      fitted: { on: 'test', messages: 0, folds: 0, lambda: 0 },
    };
    const withCue: RiskSignsData = { ...SIGNS, cues: { unwell: { sources: ['guide'], words: 'unwell|poorly' } } };
    const weighted = new RiskModel(withCue, [], { ...weights, features: new RiskModel(withCue).featureNames, risk: { ...weights.risk, weights: [...weights.risk.weights.slice(0, RISK_KINDS.length), 0, ...weights.risk.weights.slice(RISK_KINDS.length)] }, kinds: Object.fromEntries(RISK_KINDS.map((k) => [k, { ...weights.kinds[k], weights: [...zero, 0] }])) as RiskWeights['kinds'] });
    assert.deepEqual(weighted.assess('the client is unwell').kinds, ['harm-or-abuse']);
    assert.deepEqual(weighted.assess('opening hours of the library').kinds, []);
    // Who a message is about is no risk by itself: without a cue of harm the weights stay quiet.
    assert.deepEqual(weighted.assess('the client has a new flat').kinds, []);
    assert.throws(() => new RiskModel(SIGNS, [], { ...weights, features: ['other'] }), /fit:risk/);
  });

  it('reads a sign told as long past as history, unless it is happening again', () => {
    assert.deepEqual(model.assess('years ago she swallowed a handful of her tablets').kinds, []);
    assert.deepEqual(model.assess('she used to be cutting herself').kinds, []);
    assert.ok(model.assess('she used to be cutting herself and started again').kinds.includes('suicide-self-harm'));
    assert.ok(model.assess('years ago she swallowed a handful of her tablets, and again tonight').kinds.includes('suicide-self-harm'));
    // History reaches the sign it tells, not one told later as now.
    assert.deepEqual(model.assess('she swallowed a handful of her tablets years ago and today she says she wants to die').kinds, ['suicide-self-harm']);
    assert.deepEqual(model.assess('she swallowed a handful of her tablets years ago and is well, she loves her dog and wants to die').kinds, ['suicide-self-harm']);
  });

  it('keeps a sign told as history for a kind whose history is itself a risk', () => {
    const data = structuredClone(SIGNS);
    data.kinds['domestic-abuse'].historyIsRisk = true;
    const historyCounts = new RiskModel(data);
    assert.deepEqual(model.assess('years ago her partner hits her').kinds, []);
    assert.deepEqual(historyCounts.assess('years ago her partner hits her').kinds, ['domestic-abuse']);
    // The other kinds of the same message are still read as history.
    assert.deepEqual(historyCounts.assess('years ago she swallowed a handful of her tablets').kinds, []);
  });

  it('reads a role word naming a thing as no one: a topic stays a topic', () => {
    assert.deepEqual(model.assess('training on the child protection policy and people who want to die').kinds, []);
    // (A child in danger of their life is also a child protection matter.)
    assert.deepEqual(model.assess('training for the child who wants to die').kinds, ['suicide-self-harm', 'child-protection']);
    // Children named with "the" or "her" are people; a question about children in general is a topic.
    assert.deepEqual(model.assess('policy says the kids are dying').kinds, ['suicide-self-harm']);
    assert.deepEqual(model.assess('policy on children dying').kinds, []);
  });

  it('finds what is wrong in a curator\'s edit, naming the field', () => {
    assert.deepEqual(riskSignsProblems(SIGNS), []);
    const broken = structuredClone(SIGNS);
    broken.signs[0].sources = ['nowhere'];
    broken.signs[1].all = ['@nothing'];
    broken.signs[2].kinds = ['weather' as RiskKind];
    const problems = riskSignsProblems(broken).join('\n');
    assert.match(problems, /signs\/0 \(overdose\)\/sources/);
    assert.match(problems, /unknown word class @nothing/);
    assert.match(problems, /signs\/2 \(chest-pain\)\/kinds/);
  });
});
