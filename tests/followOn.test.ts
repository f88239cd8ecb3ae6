import assert from 'node:assert/strict';
import { FOLLOW_ON_FEATURES, followOnFeatures, followOnScore, tiedToLast, type FollowOnSigns } from '../src/conversation/followOn';
import { fitFollowOnWeights, worthOf, type FollowOnCase } from '../src/eval/fitFollowOn';

// Made-up turns: what was asked and shown last, and what the new answer holds.
function signs(over: Partial<FollowOnSigns>): FollowOnSigns {
  return {
    sameDocument: false,
    sameShown: false,
    sameSource: true,
    sharesTopic: false,
    text: '',
    lastQuestion: 'can a direct payment pay a family member',
    shownText: 'Paying a family member from a direct payment is allowed only where the council agrees it is necessary.',
    answerText: '',
    passagesWith: (word) => (word === 'lighthouse' || word === 'keepers' ? 1 : 20),
    ...over,
  };
}

/** The follow-on score of a made-up message answered from the same kind of source. */
function scoreOf(text: string): number {
  return followOnScore(followOnFeatures(signs({ text, sameSource: true })));
}

/** One feature of a made-up message. */
function featureOf(feature: (typeof FOLLOW_ON_FEATURES)[number], text: string): number {
  return followOnFeatures(signs({ text }))[FOLLOW_ON_FEATURES.indexOf(feature)] ?? -1;
}

describe('follow-on reading', () => {
  it('reads a question about the same person, answered from the same article, as asking on', () => {
    const features = followOnFeatures(signs({ text: 'can she pay him as self employed', sameDocument: true, sharesTopic: true, answerText: 'Self-employed family members' }));
    assert.ok(followOnScore(features) > 0, String(followOnScore(features)));
  });

  it('reads a question that defines a rare thing of its own, answered elsewhere, as new', () => {
    const features = followOnFeatures(signs({ text: 'whats a lighthouse keepers grant', answerText: 'Lighthouse keepers grant: a grant for lighthouse keepers' }));
    assert.ok(followOnScore(features) <= 0, String(followOnScore(features)));
  });

  it('never reads a message with nothing tying it to the last answer as asking on', () => {
    // Same kind of source, but no shared document, topic, words or person: "what is option 3" after short breaks.
    assert.equal(tiedToLast(followOnFeatures(signs({ text: 'what is option 3', lastQuestion: 'short breaks for carers', shownText: 'Wee Breaks plans short breaks for carers.' }))), false);
    assert.equal(tiedToLast(followOnFeatures(signs({ text: 'can she pay him', sameDocument: true }))), true);
  });

  it('reads a question whose answer is the very thing just shown as asking on from it', () => {
    // "avg internet speed?" after the plan's figures on digital exclusion: the answer is the part shown.
    const shown = followOnFeatures(signs({ text: 'avg internet speed?', sameShown: true }));
    assert.equal(shown[FOLLOW_ON_FEATURES.indexOf('sameShown')], 1);
    assert.equal(tiedToLast(shown), true);
    assert.ok(followOnScore(shown) > 0, String(followOnScore(shown)));
    assert.ok(followOnScore(shown) > followOnScore(followOnFeatures(signs({ text: 'avg internet speed?' }))));
  });

  it('measures how much of the message names what was shown (its title, or the services\' names)', () => {
    const names = (text: string, shownName?: string): number => followOnFeatures(signs({ text, ...(shownName === undefined ? {} : { shownName }) }))[FOLLOW_ON_FEATURES.indexOf('namesShown')] ?? -1;
    assert.equal(names('personal care?', 'Free personal care: Who gets it'), 1);
    assert.equal(names('personal care at a day centre', 'Free personal care: Who gets it'), 0.5);
    assert.equal(names('what is option 3', 'Free personal care: Who gets it'), 0);
    assert.equal(names('what counts as personal care'), 0);
  });

  it('gives one number per feature, in order', () => {
    const features = followOnFeatures(signs({ text: 'and for carers?' }));
    assert.equal(features.length, FOLLOW_ON_FEATURES.length);
    assert.equal(features[FOLLOW_ON_FEATURES.indexOf('bias')], 1);
    assert.equal(features[FOLLOW_ON_FEATURES.indexOf('leadIn')], 1);
  });

  it('tells a lead-in before a fragment ("and for carers?") from one before a question of its own ("and whats an acsp")', () => {
    const fragment = (text: string): number => featureOf('leadInFragment', text);
    assert.equal(fragment('and for carers?'), 1);
    assert.equal(fragment('and if theres money left at the end of the year?'), 1);
    assert.equal(fragment('and whats an acsp'), 0);
    assert.equal(fragment('for carers?'), 0);
  });

  it('reads words that carry something on ("still", "instead", "too") as a sign of asking on, and "then" before a new clause not', () => {
    const carries = (text: string): number => featureOf('continues', text);
    assert.equal(carries('so what can we still charge for at home'), 1);
    assert.equal(carries('does she get the four options too'), 1);
    assert.equal(carries('what is he offered in its place'), 1);
    assert.equal(carries('what is a direct payment'), 0);
    assert.equal(carries('then the council should write to her'), 0);
    // Weighed with the rest: the same question with "still" leans further towards asking on.
    assert.ok(scoreOf('what can we still charge for at home') > scoreOf('what can we charge for at home'));
  });

  it('reads a message opened with "so" as drawing on what was just said, but not "so, different question"', () => {
    const so = (text: string): number => featureOf('soLead', text);
    assert.equal(so('so option 2 is the one where the council holds the money?'), 1);
    assert.equal(so("ok so he'd need a landline for it to work?"), 1);
    assert.equal(so('so different question, whats the carers centre number'), 0);
    assert.equal(so('so quick question whats the carers centre number'), 0);
    assert.equal(so('is option 2 the one where the council holds the money'), 0);
    // Weighed with the rest: the same words opened with "so" lean further towards asking on.
    assert.ok(scoreOf('so option 2 is the one where the council holds the money?') > scoreOf('option 2 is the one where the council holds the money?'));
  });

  it('fits weights that say "following on" where it is worth it and not where it costs', () => {
    // Follow-ups share the document shown (worth +1); new questions do not (worth -2).
    const at = (name: (typeof FOLLOW_ON_FEATURES)[number]): number => FOLLOW_ON_FEATURES.indexOf(name);
    const vector = (same: boolean): number[] => FOLLOW_ON_FEATURES.map((_, i) => (i === at('bias') ? 1 : i === at('sameDocument') ? Number(same) : 0));
    const cases: FollowOnCase[] = [
      ...Array.from({ length: 10 }, () => ({ set: 0, features: vector(true), worth: 1 })),
      ...Array.from({ length: 10 }, () => ({ set: 0, features: vector(false), worth: -2 })),
    ];
    const weights = fitFollowOnWeights(cases, 500);
    assert.equal(worthOf(cases, weights), 10);
    assert.ok(weights.sameDocument > 0);
  });
});
