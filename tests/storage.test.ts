// State, records and delivery claims in real Blob storage (Azurite on loopback), shared by two bot
// instances as in a scaled-out deployment.
import assert from 'node:assert/strict';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActivityTypes, ConversationState, TestAdapter, type Activity, type Storage, type StoreItems } from 'botbuilder';
import { RecordStore } from '../src/storage/records';
import { MidWayBot } from '../src/teams/midwayBot';
import { createBotStorage, type BotStorage } from '../src/teams/storageFactory';
import { startAzurite, type Azurite } from '../src/bench/azuriteProcess';
import { createLogger } from '../src/logger';
import { GuardedConversationState } from '../src/teams/conversationTurns';
import { searchEngine, silentLogger, startBundledServer, summaryKeepsAll, switchableConnector, THREE_ANSWERS } from './helpers';
import { turnErrorHandler, APOLOGY } from '../src/teams/server';

function instance(shared: BotStorage): MidWayBot {
  return new MidWayBot({
    engine: searchEngine(),
    records: new RecordStore(shared.storage),
    conversationState: new ConversationState(shared.storage),
    claims: shared.claims,
    logger: silentLogger(),
  });
}

function messages(adapter: TestAdapter): Array<Partial<Activity>> {
  const out: Array<Partial<Activity>> = [];
  while (adapter.activeQueue.length) {
    const a = adapter.activeQueue.shift() as Partial<Activity>;
    if (a.type === ActivityTypes.Message) out.push(a);
  }
  return out;
}

describe('Blob storage (Azurite)', function () {
  this.timeout(60_000);
  let azurite: Azurite;
  let container = 0;
  const blob = (): BotStorage => createBotStorage({ kind: 'blob-connection-string', connectionString: azurite.connectionString, containerName: `test-${++container}` }, false);

  before(async () => {
    azurite = await startAzurite();
  });

  after(async () => {
    await azurite.stop();
  });

  it('is reachable: the ready check pings it', async () => {
    await blob().ping();
  });

  it('lets a conversation started on one instance carry on on another', async () => {
    const shared = blob();
    const sameStorage = { ...shared, storage: createBotStorage({ kind: 'blob-connection-string', connectionString: azurite.connectionString, containerName: `test-${container}` }, false).storage };
    const first = new TestAdapter(async (c) => instance(shared).run(c));
    await first.send({ type: ActivityTypes.Message, id: 'flow-1', text: 'signpost' });
    assert.match(JSON.stringify(messages(first)), /What matters to the person/);
    await first.send({ type: ActivityTypes.Message, id: 'flow-2', text: 'getting out and meeting people' });
    messages(first);
    // Another instance, its own storage client on the same container: it knows where the flow is.
    const second = new TestAdapter(async (c) => instance(sameStorage).run(c));
    await second.send({ type: ActivityTypes.Message, id: 'flow-3', value: { verb: 'signpost', action: 'answer', step: 'who', choice: 'older-person' } });
    assert.match(JSON.stringify(messages(second)), /Where do they live/);
  });

  it('answers an activity delivered three times, at once and later, to two instances exactly once', async () => {
    const shared = blob();
    const bots = [instance(shared), instance(shared)];
    const adapters = bots.map((b) => new TestAdapter(async (c) => b.run(c)));
    const activity = { type: ActivityTypes.Message, id: 'teams-resent-1', text: 'samaritans phone number' } as Partial<Activity>;
    await Promise.all([adapters[0].processActivity({ ...activity }), adapters[1].processActivity({ ...activity }), adapters[0].processActivity({ ...activity })]);
    await adapters[1].processActivity({ ...activity });
    const replies = [...messages(adapters[0]), ...messages(adapters[1])];
    assert.equal(replies.length, 1, `replies: ${replies.length}`);
  });

  it('keeps feedback and unanswered questions in the container, where a report can list them', async () => {
    const shared = blob();
    const records = new RecordStore(shared.storage);
    await Promise.all([records.addFeedback('p1', 'c1', { helpful: true }), records.addFeedback('p2', 'c2', { helpful: false, reason: 'out-of-date' }), records.addUnanswered('where is the canteen', [], 'c3')]);
    const feedback = await records.list('feedback', 1);
    assert.deepEqual(feedback.map((r) => (r.type === 'feedback' ? r.passageId : '')).sort(), ['p1', 'p2']);
    assert.equal((await records.list('unanswered', 1)).length, 1);
  });

  it('keeps both first records of a day written by two instances at the same moment', async () => {
    const containerName = `test-${++container}`;
    const instances = [0, 1].map(() => createBotStorage({ kind: 'blob-connection-string', connectionString: azurite.connectionString, containerName }, false));
    const fixed = () => new Date('2026-11-23T09:00:00Z');
    const stores = instances.map((i) => new RecordStore(i.storage, fixed, i.claims));
    await Promise.all([stores[0].addFeedback('p1', 'c1', { helpful: true }), stores[1].addFeedback('p2', 'c2', { helpful: false }), stores[0].addFeedback('p3', 'c3', { helpful: true }), stores[1].addFeedback('p4', 'c4', { helpful: true })]);
    const kept = await stores[0].list('feedback', 1);
    assert.deepEqual(kept.map((r) => (r.type === 'feedback' ? r.passageId : '')).sort(), ['p1', 'p2', 'p3', 'p4']);
  });

  it('keeps all three answers sent at once to two instances, retrying the write that lost the race, and logs the conflict', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (l: string) => void lines.push(l) });
    for (let trial = 0; trial < 3; trial++) {
      const shared = blob();
      const other = createBotStorage({ kind: 'blob-connection-string', connectionString: azurite.connectionString, containerName: `test-${container}` }, false);
      const bots = [shared, other].map((s) => new MidWayBot({ engine: searchEngine(), records: new RecordStore(s.storage), conversationState: new GuardedConversationState(s.state), claims: s.claims, logger }));
      const adapters = bots.map((b) => new TestAdapter(async (c) => b.run(c)));
      await adapters[0].send({ type: ActivityTypes.Message, id: `race-start-${trial}`, text: 'signpost' });
      messages(adapters[0]);
      await Promise.all(THREE_ANSWERS.map((text, i) => adapters[i % 2].processActivity({ type: ActivityTypes.Message, id: `race-${trial}-${i}`, text })));
      assert.equal([...messages(adapters[0]), ...messages(adapters[1])].length, 3, 'one reply per answer, none twice');
      await adapters[1].send({ type: ActivityTypes.Message, id: `race-skip-${trial}`, text: 'skip' });
      summaryKeepsAll(messages(adapters[1]));
    }
    assert.ok(lines.some((l) => l.includes('"event":"state-conflict"')), 'a conflict happened and was logged');
  });

  it('answers, once, a re-send of an activity whose instance was killed mid-turn, on the other instance', async () => {
    const connector = await switchableConnector();
    // A short deadline, so the claim's lease (deadline + 3 s) runs out within the test.
    const env = { STORAGE: 'blob', STORAGE_CONNECTION_STRING: azurite.connectionString, STORAGE_CONTAINER: `test-${++container}`, TURN_DEADLINE_MS: '2000' };
    const [first, second] = [await startBundledServer(env), await startBundledServer(env)];
    const activity = { type: 'message', id: 'killed-mid-turn', text: 'samaritans phone number', channelId: 'msteams', serviceUrl: connector.url, from: { id: 'u1' }, recipient: { id: 'bot' }, conversation: { id: 'kill-conversation', conversationType: 'personal' } };
    const post = (port: number): Promise<number> => fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) }).then((r) => r.status);
    try {
      connector.mode = 'hang';
      const abandoned = post(first.port).catch(() => 'killed');
      const waitUntil = Date.now() + 10_000;
      while (connector.requests() === 0 && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 20));
      assert.ok(connector.requests() > 0, 'the first instance had begun its turn');
      const claimedAt = Date.now();
      first.child.kill('SIGKILL');
      assert.equal(await abandoned, 'killed');
      connector.mode = 'ok';
      assert.equal(await post(second.port), 200);
      assert.equal(connector.messages(), 0, 'within the lease the claim is still the dead instance\'s');
      await new Promise((r) => setTimeout(r, Math.max(0, claimedAt + 5200 - Date.now())));
      assert.equal(await post(second.port), 200);
      assert.equal(connector.messages(), 1, 'after the lease the re-send is answered');
      assert.equal(await post(second.port), 200);
      assert.equal(connector.messages(), 1, 'and only once');
    } finally {
      await first.stop();
      await second.stop();
      connector.close();
    }
  });

  it('runs as the bundled server: two processes on one container answer, and a conversation carries on across them', async () => {
    const replies: Array<{ conversation: string; text: string }> = [];
    const connector = createHttpServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const a = JSON.parse(raw) as { type: string; conversation: { id: string }; text?: string; attachments?: unknown[] };
        if (a.type === 'message') replies.push({ conversation: a.conversation.id, text: `${a.text ?? ''} ${JSON.stringify(a.attachments ?? [])}` });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"r"}');
      });
    });
    await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
    const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;
    const env = { STORAGE: 'blob', STORAGE_CONNECTION_STRING: azurite.connectionString, STORAGE_CONTAINER: `test-${++container}` };
    const servers = [await startBundledServer(env), await startBundledServer(env)];
    try {
      let n = 0;
      const say = async (server: { port: number }, conversation: string, text: string): Promise<void> => {
        const activity = { type: 'message', id: `bundle-${++n}`, text, channelId: 'msteams', serviceUrl, from: { id: 'u1' }, recipient: { id: 'bot' }, conversation: { id: conversation, conversationType: 'personal' } };
        const response = await fetch(`http://127.0.0.1:${server.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
        assert.equal(response.status, 200);
      };
      for (const server of servers) assert.equal((await fetch(`http://127.0.0.1:${server.port}/readyz`)).status, 200);
      await say(servers[0], 'bundle-question', 'breathing space phone number');
      assert.match(replies.find((r) => r.conversation === 'bundle-question')?.text ?? '', /Breathing Space/);
      await say(servers[0], 'bundle-flow', 'signpost');
      await say(servers[1], 'bundle-flow', 'getting out and meeting people');
      assert.match(replies.filter((r) => r.conversation === 'bundle-flow').map((r) => r.text).join(' '), /Who are they/);
    } finally {
      for (const server of servers) await server.stop();
      connector.close();
    }
  });
});

/** Storage that fails a given share of calls, as a struggling network would. */
class FlakyStorage implements Storage {
  private calls = 0;

  constructor(private readonly inner: Storage, private readonly everyNth: number) {}

  private trip(): void {
    if (++this.calls % this.everyNth === 0) throw new Error('storage unavailable');
  }

  async read(keys: string[]): Promise<StoreItems> {
    this.trip();
    return this.inner.read(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    this.trip();
    return this.inner.write(changes);
  }

  async delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

describe('storage failing on one call in eleven', () => {
  it('never crashes or leaves an unhandled rejection: each turn answers or apologises', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { MemoryStorage } = await import('botbuilder');
      // Eleven does not divide the calls a cycle of these turns makes, so the failures land on state as well as on records.
      const flaky = new FlakyStorage(new MemoryStorage(), 11);
      const bot = new MidWayBot({ engine: searchEngine(), records: new RecordStore(flaky), conversationState: new ConversationState(flaky), logger: silentLogger() });
      const adapter = new TestAdapter(async (c) => bot.run(c));
      adapter.onTurnError = turnErrorHandler(silentLogger());
      let apologies = 0;
      let answers = 0;
      for (let i = 0; i < 40; i++) {
        await adapter.send(i % 3 === 0 ? 'recipe for shortbread' : 'samaritans phone number');
        for (const m of messages(adapter)) {
          if (m.text === APOLOGY) apologies++;
          else answers++;
        }
      }
      await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(unhandled, []);
      assert.ok(apologies > 0, 'some turns hit the failing storage');
      assert.ok(answers >= 30, `answers: ${answers}`);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
