// Conversations over the real protocol: each turn is an activity posted to /api/messages on a loopback
// server, and the replies are what the stand-in Bot Connector receives. The conversations are data
// (tests/fixtures/conversations.json); this file only plays them and checks each reply.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type restify from 'restify';
import { MemoryStorage } from 'botbuilder';
import { PROJECT_ROOT } from '../src/paths';
import { createMidWayBot } from '../src/teams/midwayBot';
import { createAdapter, createServer, listen } from '../src/teams/server';
import { RecordStore } from '../src/storage/records';
import { localConfig, makeBot, searchEngine, silentLogger } from './helpers';
import { StandInConnector, type Received } from './standInConnector';
import { count, emptyTally, headline, loadConversations, problems, type TurnReplies } from '../src/eval/conversationScoring';

export const CONVERSATIONS_FILE = join(PROJECT_ROOT, 'tests', 'fixtures', 'conversations.json');

/** A bot on a loopback port and the stand-in connector it replies to. */
export class ConversationClient {
  constructor(
    private readonly base: string,
    private readonly connector: StandInConnector,
    private readonly serviceUrl: string,
  ) {}

  private count = 0;

  /** Posts one message and returns the messages (not typing indicators) sent back for it. */
  async say(conversationId: string, text: string, base = this.base): Promise<TurnReplies> {
    const before = this.connector.received.length;
    const response = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `turn-${++this.count}-${Math.random().toString(36).slice(2)}`,
        text,
        channelId: 'msteams',
        serviceUrl: this.serviceUrl,
        from: { id: 'staff-1', name: 'Staff member' },
        recipient: { id: 'bot-1', name: 'MidWay Guide' },
        conversation: { id: conversationId, conversationType: 'personal' },
      }),
    });
    assert.equal(response.status, 200);
    // The adapter answers the POST once the turn, and so every reply it sent, is done.
    const messages = this.connector.received.slice(before).filter((r: Received) => r.body.type === 'message' && decodeURIComponent(r.url).includes(`/${conversationId}/`));
    return {
      texts: messages.map((m) => m.body.text).filter((t): t is string => typeof t === 'string' && t.length > 0),
      cards: messages.flatMap((m) => ((m.body.attachments as Array<{ content: unknown }> | undefined) ?? []).map((a) => a.content)),
      layouts: messages.filter((m) => ((m.body.attachments as unknown[] | undefined) ?? []).length > 1).map((m) => String(m.body.attachmentLayout)),
    };
  }
}

describe('conversations over HTTP: follow-ups resolve, new questions stay new', () => {
  let server: restify.Server;
  let connector: StandInConnector;
  let client: ConversationClient;
  // CONVERSATIONS=<file> plays another set in the same format (the size check is for ours).
  const file = process.env.CONVERSATIONS ?? CONVERSATIONS_FILE;
  const conversations = loadConversations(file);
  const tally = emptyTally();

  before(async () => {
    const config = localConfig();
    const logger = silentLogger();
    server = createServer(config, createAdapter(config, logger), makeBot().bot, logger);
    const base = `http://127.0.0.1:${await listen(server, 0, config.host)}`;
    connector = new StandInConnector();
    client = new ConversationClient(base, connector, await connector.start());
  });

  after(async () => {
    server.close();
    await connector.stop();
    if (tally.followUps) {
      console.log(`      follow-ups resolved: ${tally.followUpsRight} of ${tally.followUps}; new questions kept new: ${tally.freshRight} of ${tally.fresh}`);
    }
  });

  it('has at least 30 conversations of two to four turns, from all three kinds of staff', function () {
    if (file !== CONVERSATIONS_FILE) this.skip();
    assert.ok(conversations.length >= 30, `${conversations.length} conversations`);
    assert.ok(conversations.every((c) => c.turns.length >= 2 && c.turns.length <= 4));
    assert.deepEqual([...new Set(conversations.map((c) => c.role))].sort(), ['frontline', 'manager', 'social worker']);
    assert.ok(conversations.some((c) => c.turns.slice(1).some((t) => t.expect.followUp === false)), 'some conversations ask a new question');
  });

  for (const conversation of conversations) {
    it(`${conversation.role}: ${conversation.id}`, async () => {
      const id = `conv-${conversation.id}`;
      const failures: string[] = [];
      for (const [i, turn] of conversation.turns.entries()) {
        const replies = await client.say(id, turn.say);
        const wrong = problems(replies, turn.expect);
        count(tally, i, turn.expect, wrong);
        failures.push(...wrong.map((w) => `turn ${i + 1} "${turn.say}": ${w}`));
      }
      assert.deepEqual(failures, []);
    });
  }

  it('the runner notices a wrong answer (a follow-up expected where there was none)', () => {
    assert.deepEqual(problems({ texts: [], cards: [{ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Samaritans' }] }] }, { followUp: true, answer: 'VOCAL' }).length, 2);
  });
});

describe('conversation memory across instances and restarts', () => {
  it('a follow-up sent to another instance sharing the state resolves against what the first showed', async () => {
    const config = localConfig();
    const logger = silentLogger();
    const storage = new MemoryStorage();
    const servers = [makeBot(storage).bot, makeBot(storage).bot].map((bot) => createServer(config, createAdapter(config, logger), bot, logger));
    const bases = await Promise.all(servers.map(async (s) => `http://127.0.0.1:${await listen(s, 0, config.host)}`));
    const connector = new StandInConnector();
    try {
      const client = new ConversationClient(bases[0], connector, await connector.start());
      const first = await client.say('shared-conv', 'where can an unpaid carer get a short break', bases[0]);
      assert.match(headline(first), /Wee Breaks/);
      servers[0].close(); // the first instance goes away, as in a restart
      const second = await client.say('shared-conv', "what's their number?", bases[1]);
      assert.match(headline(second), /^\*\*Wee Breaks.*\*\* — phone: 0131 663 6869/);
    } finally {
      servers.forEach((s) => s.close());
      await connector.stop();
    }
  });
});

describe('several cards, as a carousel or as a list', () => {
  it('sends services as a carousel, or with CARD_LAYOUT=list one under another (the Playground shows only a carousel\'s first card)', async () => {
    const config = localConfig();
    const logger = silentLogger();
    const connector = new StandInConnector();
    const serviceUrl = await connector.start();
    const servers = (['carousel', 'list'] as const).map((cardLayout) =>
      createServer(config, createAdapter(config, logger), createMidWayBot({ engine: searchEngine(), records: new RecordStore(new MemoryStorage()), state: new MemoryStorage(), logger, cardLayout }), logger),
    );
    try {
      const layouts: string[] = [];
      for (const server of servers) {
        const client = new ConversationClient(`http://127.0.0.1:${await listen(server, 0, config.host)}`, connector, serviceUrl);
        const replies = await client.say(`layout-${layouts.length}`, 'where can an unpaid carer get a short break');
        assert.ok(replies.cards.length > 1);
        layouts.push(...(replies.layouts ?? []));
      }
      assert.deepEqual(layouts, ['carousel', 'list']);
    } finally {
      servers.forEach((s) => s.close());
      await connector.stop();
    }
  });
});

