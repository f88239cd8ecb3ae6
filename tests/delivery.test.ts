// Outbound delivery when the Bot Connector struggles: the SDK's pipeline retries with back-off,
// honouring Retry-After; the user gets one message at most, and a failing turn ends in time.
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type restify from 'restify';
import { createAdapter, createServer, listen } from '../src/teams/server';
import { localConfig, makeBot, silentLogger, startBundledServer } from './helpers';

type Responder = (count: number) => { status: number; headers?: Record<string, string> };

async function connector(respond: Responder): Promise<{ url: string; delivered: () => number; requests: () => number; close: () => void }> {
  let requests = 0;
  let delivered = 0;
  const server: Server = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests++;
      const { status, headers } = respond(requests);
      if (status === 200 && (JSON.parse(body) as { type: string }).type === 'message') delivered++;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(status === 200 ? '{"id":"r"}' : '{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, delivered: () => delivered, requests: () => requests, close: () => server.close() };
}

describe('outbound delivery', function () {
  this.timeout(30_000);
  let bot: restify.Server;
  let base: string;

  before(async () => {
    const config = localConfig();
    const logger = silentLogger();
    bot = createServer(config, createAdapter(config, logger), makeBot().bot, logger);
    base = `http://127.0.0.1:${await listen(bot, 0, '127.0.0.1')}`;
  });

  after(() => bot.close());

  const send = (serviceUrl: string, id: string): Promise<Response> =>
    fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', id, text: 'samaritans phone number', channelId: 'msteams', serviceUrl, from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: `c-${id}` } }),
    });

  it('waits out a 429 (honouring Retry-After) and then delivers exactly one message', async () => {
    const c = await connector((n) => (n === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 }));
    try {
      const started = Date.now();
      assert.equal((await send(c.url, 'throttled')).status, 200);
      assert.equal(c.delivered(), 1, 'one message reached the user');
      assert.ok(Date.now() - started >= 900, 'the retry waited for Retry-After');
    } finally {
      c.close();
    }
  });

  it('gives up on a connector that always fails: no message, no crash, and a 503 within 15 s so the channel re-sends', async () => {
    const c = await connector(() => ({ status: 500 }));
    try {
      const started = Date.now();
      const response = await send(c.url, 'failing');
      assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
      assert.equal(response.status, 503);
      assert.equal(c.delivered(), 0);
      assert.ok(c.requests() <= 10, `requests: ${c.requests()}`);
      assert.equal((await fetch(`${base}/healthz`)).status, 200);
    } finally {
      c.close();
    }
  });
});

describe('operations', function () {
  this.timeout(30_000);

  it('reports readiness, and on SIGTERM stops taking requests and exits 0 within 10 s', async () => {
    const { port, child } = await startBundledServer();
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready', checks: { index: 'ok', storage: 'ok' } });
    const started = Date.now();
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 0);
    assert.ok(Date.now() - started < 10_000);
  });
});
