// Only JSON in, only the channel out: a web page cannot drive local mode (forms and text are
// refused before any turn, and so are requests a browser made for a page), and an activity without
// a sender, an addressee or a conversation is a 400, not a half-run turn.
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type restify from 'restify';
import { createAdapter, createServer, listen } from '../src/teams/server';
import { isJsonContentType, localRequestProblem } from '../src/teams/requestChecks';
import { localConfig, makeBot, silentLogger } from './helpers';

describe('only JSON in, only the channel out', () => {
  let server: restify.Server;
  let connector: Server;
  let base: string;
  let serviceUrl: string;
  let outbound = 0;
  let turns = 0;

  before(async () => {
    connector = createHttpServer((req, res) => {
      req.resume();
      req.on('end', () => {
        outbound++;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"r"}');
      });
    });
    await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
    serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;
    const config = localConfig();
    const logger = silentLogger();
    const { bot } = makeBot();
    const counting = { run: async (context: Parameters<typeof bot.run>[0]) => (turns++, bot.run(context)) };
    server = createServer(config, createAdapter(config, logger), counting, logger);
    base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });

  after(() => {
    server.close();
    connector.close();
  });

  beforeEach(() => {
    outbound = 0;
    turns = 0;
  });

  const activity = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    type: 'message', id: 'm1', text: 'feedback', channelId: 'msteams', serviceUrl, from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: 'c1' }, ...overrides,
  });

  it('refuses a form-encoded body (what any web page can post cross-site) with 415: no turn, no outbound call', async () => {
    const form = new URLSearchParams({ type: 'message', text: 'feedback', serviceUrl, 'conversation[id]': 'c', 'from[id]': 'u', 'recipient[id]': 'b' });
    const response = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    assert.equal(response.status, 415);
    const text = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(activity()) });
    assert.equal(text.status, 415, 'JSON sent as text/plain (also a "simple" cross-site request)');
    const multipart = new FormData();
    multipart.set('type', 'message');
    assert.equal((await fetch(`${base}/api/messages`, { method: 'POST', body: multipart })).status, 415);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(turns, 0);
    assert.equal(outbound, 0);
  });

  it('in local mode, refuses a request a browser made for a web page (Origin, Sec-Fetch-Site, or a rebinding Host)', async () => {
    const post = (headers: Record<string, string>): Promise<number> =>
      fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity()) }).then((r) => r.status);
    assert.equal(await post({ origin: 'https://evil.example' }), 403);
    assert.equal(await post({ 'sec-fetch-site': 'cross-site' }), 403);
    assert.equal(await post({ origin: 'null' }), 403, 'a sandboxed page or a file');
    assert.equal(turns, 0);
    assert.equal(outbound, 0);
    assert.equal(await post({}), 200, 'a program on this machine');
    assert.equal(await post({ origin: 'http://127.0.0.1:56150' }), 200, 'a page served from this machine (the Playground)');
    assert.equal(turns, 2);
    assert.equal(localRequestProblem({ host: 'evil.example:3978' }) !== undefined, true, 'DNS rebinding');
    assert.equal(localRequestProblem({ host: '127.0.0.1:3978' }), undefined);
    assert.equal(localRequestProblem({ host: 'localhost:3978' }), undefined);
  });

  for (const missing of ['recipient', 'from', 'conversation'] as const) {
    it(`answers an activity with no ${missing} with a 400 and runs no turn`, async () => {
      const body = activity();
      delete body[missing];
      const response = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      assert.equal(response.status, 400);
      assert.match(((await response.json()) as { error: string }).error, new RegExp(missing));
      assert.equal(turns, 0);
      assert.equal(outbound, 0);
    });
  }

  it('reads content types as JSON only when they are JSON', () => {
    assert.equal(isJsonContentType('application/json; charset=utf-8'), true);
    assert.equal(isJsonContentType('Application/JSON'), true);
    for (const other of [undefined, '', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx']) assert.equal(isJsonContentType(other), false, String(other));
  });
});
