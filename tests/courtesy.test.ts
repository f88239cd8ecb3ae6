import assert from 'node:assert/strict';
import { withoutCourtesies } from '../src/conversation/courtesy';

describe('the courtesies around a question written like an email', () => {
  it('leaves out a greeting, thanks for the last answer and a sign-off', () => {
    assert.equal(withoutCourtesies('Hi, hope you are well. Is there a carers centre in Dalkeith? Kind regards, Fiona'), 'Is there a carers centre in Dalkeith?');
    assert.equal(withoutCourtesies("Thank you, that's really helpful. Could you let me have their phone number, please? Best wishes, F"), 'Could you let me have their phone number, please?');
    assert.equal(withoutCourtesies('Brilliant, thank you. What would be the best number for the family to ring? Cheers, Craig'), 'What would be the best number for the family to ring?');
    assert.equal(withoutCourtesies('Good afternoon, I hope all is well. What did the IJB commit to on carers? Many thanks, Louise'), 'What did the IJB commit to on carers?');
    // A name alone after the question is a sign-off.
    assert.equal(withoutCourtesies('Are there any figures on how supported carers feel? Louise'), 'Are there any figures on how supported carers feel?');
    assert.equal(withoutCourtesies("And what's listed as longer term? Thanks, Alan"), "And what's listed as longer term?");
  });

  it('keeps a message that is only thanks, and words that belong to the question', () => {
    // (Thanks alone is small talk, answered as such.)
    assert.equal(withoutCourtesies("Thanks, that's helpful"), "Thanks, that's helpful");
    assert.equal(withoutCourtesies('hi'), 'hi');
    // ("best" inside the question, a place named in lower case after it, stay.)
    assert.equal(withoutCourtesies('which is best for her, option 1 or 2?'), 'which is best for her, option 1 or 2?');
    assert.equal(withoutCourtesies('anything in penicuik? or bonnyrigg'), 'anything in penicuik? or bonnyrigg');
    assert.equal(withoutCourtesies('hope you can help with what the sds options are'), 'hope you can help with what the sds options are');
  });
});
