// Every turn within Teams' 15-second window, over the real protocol: a throttling or hanging Bot
// Connector cannot hold the inbound request, and the channel's re-send of an activity whose answer
// was not delivered gets the answer (once) when the connector recovers.
import assert from 'node:assert/strict';
import type restify from 'restify';
import { MemoryClaims } from '../src/storage/claims';
import { MemoryVersionedStore } from '../src/storage/versionedStore';
import { RecordStore } from '../src/storage/records';
import { GuardedConversationState } from '../src/teams/conversationTurns';
import { MidWayBot } from '../src/teams/midwayBot';
import { createAdapter, createServer, listen } from '../src/teams/server';
import { retryAfterMs } from '../src/teams/turnDeadline';
import { MemoryStorage } from 'botbuilder';
import { localConfig, searchEngine, silentLogger, switchableConnector } from './helpers';

describe('turn deadlines (Teams waits 15 s)', function () {
  this.timeout(30_000);
  let server: restify.Server;
  let base: string;

  before(async () => {
    const config = { ...localConfig(), turnDeadlineMs: 2000 };
    const logger = silentLogger();
    const storage = new MemoryStorage();
    const bot = new MidWayBot({ engine: searchEngine(), records: new RecordStore(storage), conversationState: new GuardedConversationState(new MemoryVersionedStore()), claims: new MemoryClaims(), claimLeaseMs: 5000, logger });
    server = createServer(config, createAdapter(config, logger), bot, logger);
    base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });

  after(() => server.close());

  const send = (serviceUrl: string, id: string, conversation = `c-${id}`): Promise<Response> =>
    fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', id, text: 'samaritans phone number', channelId: 'msteams', serviceUrl, from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: conversation } }),
    });

  it('does not wait for a Retry-After longer than the time left: 503 at once, and the re-send is answered once the connector recovers', async () => {
    const c = await switchableConnector();
    try {
      c.mode = 'throttle';
      const started = Date.now();
      const first = await send(c.url, 'throttled-30');
      const took = Date.now() - started;
      assert.equal(first.status, 503, 'the channel is told the answer was not delivered');
      assert.ok(took < 1500, `answered in ${took} ms, not after the 30 s Retry-After (nor at the 2 s deadline)`);
      assert.equal(c.messages(), 0);
      const throttledRequests = c.requests();
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(c.requests(), throttledRequests, 'nothing more is sent for that turn later');
      c.mode = 'ok';
      const resent = await send(c.url, 'throttled-30');
      assert.equal(resent.status, 200);
      assert.equal(c.messages(), 1, 'the re-send is answered');
      const again = await send(c.url, 'throttled-30');
      assert.equal(again.status, 200);
      assert.equal(c.messages(), 1, 'a re-send of a delivered answer is not answered again');
    } finally {
      c.close();
    }
  });

  it('answers the inbound request in time when the connector hangs, and sends nothing late', async () => {
    const c = await switchableConnector();
    try {
      c.mode = 'hang';
      const started = Date.now();
      const response = await send(c.url, 'hanging');
      const took = Date.now() - started;
      assert.equal(response.status, 503);
      assert.ok(took >= 1800 && took < 4000, `answered after ${took} ms (deadline 2 s, answer within 3.5 s)`);
      c.mode = 'ok';
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(c.messages(), 0, 'the abandoned turn delivers nothing after its deadline');
      assert.equal((await send(c.url, 'hanging')).status, 200);
      assert.equal(c.messages(), 1, 'the re-send is answered once');
    } finally {
      c.close();
    }
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    assert.equal(retryAfterMs('30'), 30_000);
    assert.equal(retryAfterMs(new Date(Date.now() + 10_000).toUTCString(), Date.now()) !== undefined, true);
    assert.equal(retryAfterMs('soon'), undefined);
    assert.equal(retryAfterMs(undefined), undefined);
  });
});
