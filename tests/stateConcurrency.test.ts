// Messages sent close together in one conversation each see the state the one before left: on one
// instance turns of a conversation run in turn; across instances (tests/storage.test.ts, on
// Azurite) a write that lost the race is retried from a fresh read. Nothing is sent twice.
import assert from 'node:assert/strict';
import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { createLogger } from '../src/logger';
import { MemoryClaims } from '../src/storage/claims';
import { RecordStore } from '../src/storage/records';
import { MemoryVersionedStore, StateConflict } from '../src/storage/versionedStore';
import { GuardedConversationState, KeyedQueue } from '../src/teams/conversationTurns';
import { MidWayBot } from '../src/teams/midwayBot';
import { makeBot, searchEngine, silentLogger, summaryKeepsAll, THREE_ANSWERS } from './helpers';

function drain(adapter: TestAdapter): Array<Partial<Activity>> {
  const out: Array<Partial<Activity>> = [];
  while (adapter.activeQueue.length) {
    const a = adapter.activeQueue.shift() as Partial<Activity>;
    if (a.type === ActivityTypes.Message) out.push(a);
  }
  return out;
}

describe('no lost updates in conversation state', () => {
  for (const setup of ['botbuilder MemoryStorage', 'the eTag-checked memory store'] as const) {
    it(`keeps all three answers sent at once in a signposting conversation (${setup})`, async () => {
      for (let trial = 0; trial < 5; trial++) {
        const bot =
          setup === 'botbuilder MemoryStorage'
            ? makeBot().bot
            : new MidWayBot({ engine: searchEngine(), records: new RecordStore(new MemoryVersionedStore()), conversationState: new GuardedConversationState(new MemoryVersionedStore()), claims: new MemoryClaims(), logger: silentLogger() });
        const adapter = new TestAdapter(async (c) => bot.run(c));
        await adapter.send({ type: ActivityTypes.Message, id: `start-${trial}`, text: 'signpost' });
        drain(adapter);
        await Promise.all(THREE_ANSWERS.map((text, i) => adapter.processActivity({ type: ActivityTypes.Message, id: `a${trial}-${i}`, text })));
        const asked = drain(adapter);
        assert.equal(asked.length, 3, 'one reply for each answer, none sent twice');
        await adapter.send({ type: ActivityTypes.Message, id: `skip-${trial}`, text: 'skip' });
        summaryKeepsAll(drain(adapter));
      }
    });
  }

  it('refuses a stale write in the eTag-checked store, and a second creation of the same item', async () => {
    const store = new MemoryVersionedStore();
    await store.write({ k: { n: 1 } });
    await assert.rejects(store.write({ k: { n: 2 } }), StateConflict, 'created twice');
    const first = (await store.read(['k'])).k as { n: number; eTag: string };
    const second = (await store.read(['k'])).k as { n: number; eTag: string };
    await store.write({ k: { ...first, n: 2 } });
    await assert.rejects(store.write({ k: { ...second, n: 3 } }), StateConflict);
    assert.equal(((await store.read(['k'])).k as { n: number }).n, 2);
  });

  it('runs the turn again from a fresh read on a conflict, logs it, and sends its messages once', async () => {
    const lines: string[] = [];
    const store = new MemoryVersionedStore();
    const logger = createLogger('info', { write: (l: string) => void lines.push(l) });
    const bot = new MidWayBot({ engine: searchEngine(), records: new RecordStore(new MemoryVersionedStore()), conversationState: new GuardedConversationState(store), logger });
    const adapter = new TestAdapter(async (c) => bot.run(c));
    await adapter.send({ type: ActivityTypes.Message, text: 'signpost' });
    drain(adapter);
    // Another instance saves this conversation while this one is mid-turn, once.
    const original = store.read.bind(store);
    let interfered = false;
    store.read = async (keys) => {
      const items = await original(keys);
      if (!interfered) {
        interfered = true;
        const other = (await original(keys))[keys[0]] as { signpost: { answers: Record<string, string>; step: string } };
        await store.write({ [keys[0]]: { ...other, signpost: { ...other.signpost, step: 'who', answers: { what: 'gardening club' } } } });
      }
      return items;
    };
    await adapter.send({ type: ActivityTypes.Message, text: 'retired miner' });
    const sent = drain(adapter);
    assert.equal(sent.length, 1, 'the step card is sent once, after the state is saved');
    assert.match(JSON.stringify(sent[0].attachments), /Where do they live/, 'the retry saw the other instance\'s answer and moved on');
    assert.ok(lines.some((l) => l.includes('"event":"state-conflict"') && l.includes('"retried":true')), 'the conflict is logged');
  });

  it('runs jobs of one key in order and different keys at once', async () => {
    const queue = new KeyedQueue();
    const order: string[] = [];
    const job = (name: string, ms: number) => () => new Promise<void>((resolve) => setTimeout(() => (order.push(name), resolve()), ms));
    await Promise.all([queue.run('a', job('a1', 30)), queue.run('a', job('a2', 1)), queue.run('b', job('b1', 5))]);
    assert.deepEqual(order, ['b1', 'a1', 'a2']);
    assert.equal(queue.busy(), 0, 'nothing kept once idle');
  });
});
