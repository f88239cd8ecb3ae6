// The real server on a loopback port, replying to a stand-in Bot Connector on loopback.
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type restify from 'restify';
import { createAdapter, createServer, listen } from '../src/teams/server';
import { localConfig, makeBot, silentLogger } from './helpers';

interface Received {
  method: string;
  url: string;
  body: Record<string, unknown>;
}

/** A stand-in for the Bot Connector service: records what the bot sends it. */
class StandInConnector {
  readonly received: Received[] = [];
  private server?: Server;
  private waiters: Array<() => void> = [];

  async start(): Promise<string> {
    this.server = createHttpServer((req: IncomingMessage, res) => {
      let data = '';
      req.on('data', (chunk: Buffer) => (data += chunk.toString()));
      req.on('end', () => {
        this.received.push({ method: req.method ?? '', url: req.url ?? '', body: data ? (JSON.parse(data) as Record<string, unknown>) : {} });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${this.received.length}` }));
        this.waiters.splice(0).forEach((w) => w());
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  async waitFor(count: number, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`connector got ${this.received.length} of ${count} activities`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe('HTTP server (local mode)', () => {
  let server: restify.Server;
  let base: string;
  let connector: StandInConnector;
  let serviceUrl: string;

  before(async () => {
    const config = localConfig();
    const logger = silentLogger();
    const { bot } = makeBot();
    server = createServer(config, createAdapter(config, logger), bot, logger);
    const port = await listen(server, 0, config.host);
    base = `http://127.0.0.1:${port}`;
    connector = new StandInConnector();
    serviceUrl = await connector.start();
  });

  after(async () => {
    server.close();
    await connector.stop();
  });

  function activity(text: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      type: 'message',
      id: `act-${Math.random().toString(36).slice(2)}`,
      text,
      channelId: 'msteams',
      serviceUrl,
      from: { id: 'user-1', name: 'Staff member' },
      recipient: { id: 'bot-1', name: 'MidWay Guide' },
      conversation: { id: 'conv-1', conversationType: 'personal' },
      ...overrides,
    };
  }

  function post(body: unknown, raw?: string): Promise<Response> {
    return fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ?? JSON.stringify(body) });
  }

  it('listens on loopback only in local mode', () => {
    assert.equal(localConfig().host, '127.0.0.1');
  });

  it('answers a message: the reply card arrives at the connector', async () => {
    const before = connector.received.length;
    const response = await post(activity('what is an individual service fund'));
    assert.equal(response.status, 200);
    await connector.waitFor(before + 1);
    const reply = connector.received[before];
    assert.equal(reply.method, 'POST');
    assert.match(reply.url, /^\/v3\/conversations\/conv-1\/activities\//);
    const attachments = reply.body.attachments as Array<{ contentType: string; content: unknown }>;
    assert.equal(attachments[0].contentType, 'application/vnd.microsoft.card.adaptive');
    assert.match(JSON.stringify(attachments[0].content), /Individual Service Fund/);
  });

  it('ignores activities whose serviceUrl is not on this machine', async () => {
    const before = connector.received.length;
    const response = await post(activity('hello', { serviceUrl: 'https://smba.trafficmanager.net/emea/' }));
    assert.equal(response.status, 403);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(connector.received.length, before);
  });

  it('answers malformed JSON with 400, not a crash', async () => {
    const response = await post(undefined, '{"type": "message", ');
    assert.equal(response.status, 400);
    const health = await fetch(`${base}/healthz`);
    assert.equal(health.status, 200);
  });

  it('reports health', async () => {
    const response = await fetch(`${base}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });
});
