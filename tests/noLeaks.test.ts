// Planted personal details, typed into every place staff can type — questions, card buttons,
// feedback (the cards' and Teams' own), the signposting conversation — must appear in no log line and no stored record.
import assert from 'node:assert/strict';
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { createLogger } from '../src/logger';
import { MemoryClaims } from '../src/storage/claims';
import { RecordStore } from '../src/storage/records';
import { MidWayBot } from '../src/teams/midwayBot';
import { turnErrorHandler } from '../src/teams/server';
import { buildCorpus } from './fixtures/privacyCorpus';
import { searchEngine } from './helpers';

describe('no personal details in logs or storage', function () {
  this.timeout(120_000);

  it('after 400 messages with planted values through the bot, an exact search finds none of them', async () => {
    const lines: string[] = [];
    const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
    const storage = new MemoryStorage();
    const bot = new MidWayBot({ engine: searchEngine(), records: new RecordStore(storage), conversationState: new ConversationState(storage), claims: new MemoryClaims(), logger });
    const adapter = new TestAdapter(async (c) => bot.run(c));
    adapter.onTurnError = turnErrorHandler(logger);
    const messages = buildCorpus(20261123).personal.slice(0, 400);
    const send = async (activity: Partial<Activity>): Promise<void> => {
      await adapter.send(activity);
      adapter.activeQueue.splice(0);
    };
    for (const [i, m] of messages.entries()) {
      switch (i % 5) {
        case 0:
          await send({ type: ActivityTypes.Message, text: m.text });
          break;
        case 1:
          await send({ type: ActivityTypes.Message, value: { verb: 'ask', text: m.text } });
          break;
        case 2:
          await send({ type: ActivityTypes.Message, value: { verb: 'feedback-text', comment: m.text } });
          // Teams' own feedback buttons: a dislike with a comment.
          await send({ type: ActivityTypes.Invoke, name: 'message/submitAction', value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: m.text }) } } });
          break;
        case 3:
          await send({ type: ActivityTypes.Message, value: { verb: 'feedback-reason', passageId: 'sds-four-options-overview#intro', reason: 'other', comment: m.text } });
          break;
        default:
          await send({ type: ActivityTypes.Message, text: 'signpost' });
          await send({ type: ActivityTypes.Message, text: m.text });
          await send({ type: ActivityTypes.Message, value: { verb: 'signpost', action: 'answer', step: 'who', answer: m.text } });
          await send({ type: ActivityTypes.Message, text: 'cancel' });
      }
    }
    const stored = JSON.stringify((storage as unknown as { memory: Record<string, string> }).memory);
    const logged = lines.join('\n');
    assert.ok(stored.includes('feedback') && stored.includes('unanswered') && stored.includes('\\"via\\":\\"teams\\"'), 'records were written');
    assert.ok(lines.length > messages.length, 'turns were logged');
    const leaks = messages.flatMap((m) => m.planted.filter((p) => stored.includes(p.value) || logged.includes(p.value)).map((p) => `${p.kind} ${p.value}`));
    assert.deepEqual(leaks, []);
  });
});
