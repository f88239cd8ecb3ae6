import assert from 'node:assert/strict';
import { ActivityTypes, TestAdapter, type Activity, type Attachment } from 'botbuilder';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../src/cards/cardTemplates';
import { FEEDBACK_THANKS, PRIVACY_REMINDER, SORRY_UNKNOWN_ACTION } from '../src/conversation/messages';
import sinon from 'sinon';
import { createLogger } from '../src/logger';
import { APOLOGY, turnErrorHandler } from '../src/teams/server';
import { makeBot, searchEngine, storedText } from './helpers';

function cardOf(activity: Partial<Activity>, index = 0): Record<string, unknown> {
  const attachment = (activity.attachments ?? [])[index] as Attachment | undefined;
  assert.ok(attachment, 'reply has a card');
  assert.equal(attachment.contentType, ADAPTIVE_CARD_CONTENT_TYPE);
  return attachment.content as Record<string, unknown>;
}

function cardText(activity: Partial<Activity>): string {
  return JSON.stringify((activity.attachments ?? []).map((a) => a.content));
}

/** Every answer is preceded by a typing indicator. */
function typing(activity: Partial<Activity>): void {
  assert.equal(activity.type, ActivityTypes.Typing);
}

function adapterFor(bot: ReturnType<typeof makeBot>['bot']): TestAdapter {
  return new TestAdapter(async (context) => bot.run(context));
}

describe('conversation', () => {
  it('answers a free-text question with an Adaptive Card', async () => {
    const { bot } = makeBot();
    await adapterFor(bot)
      .send('what are the four SDS options')
      .assertReply(typing)
      .assertReply((reply) => {
        const card = cardOf(reply);
        assert.equal(card.type, 'AdaptiveCard');
        assert.match(cardText(reply), /Option 1/);
      });
  });

  it('replies with a carousel of service cards when services answer best', async () => {
    const { bot } = makeBot();
    await adapterFor(bot)
      .send('where can an unpaid carer get a short break')
      .assertReply(typing)
      .assertReply((reply) => {
        assert.ok((reply.attachments ?? []).length >= 2, 'several service cards');
        assert.ok((reply.attachments ?? []).length <= 3, 'at most three');
        assert.equal(reply.attachmentLayout, 'carousel');
        assert.match(cardText(reply), /tel:/);
      });
  });

  it('shows the help card for "help" and for empty text', async () => {
    const { bot } = makeBot();
    await adapterFor(bot)
      .send('help')
      .assertReply(typing)
      .assertReply((reply) => assert.match(cardText(reply), /What I can help with/))
      .send('')
      .assertReply(typing)
      .assertReply((reply) => assert.match(cardText(reply), /Try one of these/));
  });

  it('strips its own @mention before reading a channel message', async () => {
    const { bot } = makeBot();
    const adapter = adapterFor(bot);
    const mention = {
      type: ActivityTypes.Message,
      text: '<at>MidWay Guide</at> what are the four SDS options',
      entities: [{ type: 'mention', text: '<at>MidWay Guide</at>', mentioned: { id: 'bot', name: 'MidWay Guide' } }],
    } as Partial<Activity>;
    await adapter.send(mention).assertReply(typing).assertReply((reply) => assert.match(cardText(reply), /four SDS options/i));
  });

  it('answers a follow-up button and opens a passage from a button', async () => {
    const { bot } = makeBot();
    await adapterFor(bot)
      .send({ type: ActivityTypes.Message, value: { verb: 'ask', text: 'what is an individual service fund' } } as Partial<Activity>)
      .assertReply(typing)
      .assertReply((reply) => assert.match(cardText(reply), /Individual Service Fund/))
      .send({ type: ActivityTypes.Message, value: { verb: 'open', passageId: 'service:vocal-midlothian-carer-centre' } } as Partial<Activity>)
      .assertReply(typing)
      .assertReply((reply) => assert.match(cardText(reply), /VOCAL/));
  });

  it('records feedback with no message text, and thanks the user', async () => {
    const { bot, storage } = makeBot();
    await adapterFor(bot)
      .send({ type: ActivityTypes.Message, value: { verb: 'feedback', helpful: true, passageId: 'sds-four-options-overview#intro' } } as Partial<Activity>)
      .assertReply(typing)
      .assertReply(FEEDBACK_THANKS);
    const stored = storedText(storage);
    assert.match(stored, /"helpful":true/);
    assert.match(stored, /sds-four-options-overview#intro/);
  });

  it('answers an unknown or malformed card action kindly', async () => {
    const { bot } = makeBot();
    await adapterFor(bot)
      .send({ type: ActivityTypes.Message, value: { verb: 'launch-rockets' } } as Partial<Activity>)
      .assertReply(typing)
      .assertReply(SORRY_UNKNOWN_ACTION)
      .send({ type: ActivityTypes.Message, value: { verb: 'open', passageId: 'no-such-passage' } } as Partial<Activity>)
      .assertReply(typing)
      .assertReply(SORRY_UNKNOWN_ACTION)
      .send({ type: ActivityTypes.Message, value: 'just a string' } as Partial<Activity>)
      .assertReply(typing)
      .assertReply(SORRY_UNKNOWN_ACTION);
  });

  it('reminds about personal details, answers without them, and stores none of them', async () => {
    const { bot, storage } = makeBot();
    await adapterFor(bot)
      .send('Mrs Smith 0101501234 lives at EH22 1DJ, call 07700 900123 - what is a weather forecast for her')
      .assertReply(typing)
      .assertReply(PRIVACY_REMINDER)
      .assertReply((reply) => assert.ok((reply.attachments ?? []).length >= 1));
    const stored = storedText(storage);
    for (const planted of ['0101501234', 'EH22 1DJ', '07700 900123']) assert.ok(!stored.includes(planted), `${planted} was stored`);
  });

  it('records a question it cannot answer, redacted, for curators', async () => {
    const { bot, storage } = makeBot();
    await adapterFor(bot)
      .send('recipe for shortbread, ask jo.bloggs@example.com')
      .assertReply(typing)
      .assertReply(PRIVACY_REMINDER)
      .assertReply((reply) => assert.match(cardText(reply), /not sure/i));
    const stored = storedText(storage);
    assert.match(stored, /unanswered/);
    assert.match(stored, /shortbread/);
    assert.ok(!stored.includes('jo.bloggs@example.com'));
  });

  it('welcomes once when added to a conversation', async () => {
    const { bot } = makeBot();
    const adapter = adapterFor(bot);
    const added = {
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{ id: 'bot', name: 'MidWay Guide' }],
      recipient: { id: 'bot', name: 'MidWay Guide' },
    } as Partial<Activity>;
    const installed = { type: ActivityTypes.InstallationUpdate, action: 'add', recipient: { id: 'bot', name: 'MidWay Guide' } } as Partial<Activity>;
    await adapter.send(added).assertReply((reply) => assert.match(cardText(reply), /MidWay Guide/));
    await adapter.send(installed);
    assert.equal(adapter.activeQueue.length, 0, 'no second welcome');
  });
});

describe('turn errors', () => {
  it('apologise kindly, never show internals, and never log the message text', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const { bot } = makeBot(undefined, logger);
    const stub = sinon.stub(searchEngine(), 'search').throws(new Error('search exploded on: secret question text'));
    try {
      const adapter = new TestAdapter(async (context) => bot.run(context));
      adapter.onTurnError = turnErrorHandler(logger);
      await adapter.send('secret question text').assertReply(typing).assertReply(APOLOGY);
    } finally {
      stub.restore();
    }
    assert.ok(lines.some((l) => l.includes('turn-error')), 'the error was logged');
    assert.ok(!lines.join('\n').includes('secret question text'), 'message text reached the log');
  });
});
