import assert from 'node:assert/strict';
import type { Citation } from '../src/answer/citations';
import { composeAnswer } from '../src/answer/composeAnswer';
import { cardsForAnswer } from '../src/cards/cardData';
import { answerMessage, citationEntity, showsTeamsFeedback, withoutCardFeedback } from '../src/teams/answerMessage';
import { parseTeamsFeedback } from '../src/teams/feedbackInvoke';
import { searchEngine } from './helpers';

const citation = (position: number): Citation => ({ position, passageId: `p${position}`, name: `Doc › Section ${position}`, abstract: 'An extract.', keywords: ['SDS guidance'] });

function buttonTitles(message: ReturnType<typeof answerMessage>): string[] {
  return (message.attachments ?? []).flatMap((a) => ((a.content as { actions?: Array<{ title: string }> }).actions ?? []).map((x) => x.title));
}

describe('answers as Teams messages', () => {
  const cards = cardsForAnswer(composeAnswer(searchEngine(), 'what is an individual service fund').answer);

  it('uses Teams\' buttons in Teams only', () => {
    assert.equal(showsTeamsFeedback({ channelId: 'msteams' }), true);
    for (const channelId of ['webchat', 'directline', 'test', undefined]) assert.equal(showsTeamsFeedback({ channelId }), false, String(channelId));
  });

  it('in Teams, enables Teams\' feedback and drops the card\'s Helpful / Not helpful, keeping its other buttons', () => {
    const message = answerMessage(cards, [citation(1)], true);
    assert.deepEqual(message.channelData, { feedbackLoopEnabled: true });
    const titles = buttonTitles(message);
    assert.ok(!titles.includes('Helpful') && !titles.includes('Not helpful'), titles.join(', '));
    assert.ok(titles.length > 0, 'follow-up buttons stay');
    assert.ok(buttonTitles(answerMessage(cards, [citation(1)], false)).includes('Helpful'), 'other clients keep the card\'s buttons');
  });

  it('leaves a message that cites nothing as it was: no text, no entity, no feedback loop', () => {
    const message = answerMessage(cards, [], true);
    assert.equal(message.text, undefined);
    assert.equal(message.entities, undefined);
    assert.equal(message.channelData, undefined);
    assert.ok(buttonTitles(message).includes('Helpful'));
    assert.equal(withoutCardFeedback({ type: 'AdaptiveCard', version: '1.5' }).actions, undefined);
  });

  it('builds Teams\' citation entity: a schema.org Message of Claims, no AI label, at most ten', () => {
    const entity = citationEntity(Array.from({ length: 12 }, (_, i) => citation(i + 1))) as unknown as Record<string, unknown> & { citation: Array<Record<string, unknown>> };
    assert.equal(entity.type, 'https://schema.org/Message');
    assert.equal(entity['@type'], 'Message');
    assert.equal(entity['@context'], 'https://schema.org');
    assert.equal(entity.additionalType, undefined);
    assert.equal(entity.citation.length, 10);
    assert.deepEqual(entity.citation[0], {
      '@type': 'Claim',
      position: 1,
      appearance: { '@type': 'DigitalDocument', name: 'Doc › Section 1', abstract: 'An extract.', keywords: ['SDS guidance'] },
    });
    const message = answerMessage(cards, [citation(1), citation(2)], true);
    assert.equal(message.text, 'Sources: Doc › Section 1 [1] · Doc › Section 2 [2]');
  });

  it('reads Teams\' feedback: the default form\'s JSON string, an object, plain text, or nothing', () => {
    const value = (reaction: unknown, feedback?: unknown): unknown => ({ actionName: 'feedback', actionValue: { reaction, feedback } });
    assert.deepEqual(parseTeamsFeedback(value('dislike', '{"feedbackText":"  out of date  "}')), { like: false, comment: 'out of date' });
    assert.deepEqual(parseTeamsFeedback(value('like', { feedbackText: 'clear' })), { like: true, comment: 'clear' });
    assert.deepEqual(parseTeamsFeedback(value('like', 'spot on')), { like: true, comment: 'spot on' });
    assert.deepEqual(parseTeamsFeedback(value('like', '{"feedbackText":""}')), { like: true });
    assert.deepEqual(parseTeamsFeedback(value('like')), { like: true });
    assert.equal(parseTeamsFeedback(value('like', 'x'.repeat(5000)))?.comment?.length, 1000);
    for (const bad of [undefined, null, 'like', [], value('meh'), { actionName: 'other', actionValue: { reaction: 'like' } }, { actionName: 'feedback' }]) {
      assert.equal(parseTeamsFeedback(bad), undefined, JSON.stringify(bad));
    }
  });
});
