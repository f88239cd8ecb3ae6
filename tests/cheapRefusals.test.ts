// Refusing costs little: while the signing-key endpoint fails, or before its first answer, forged
// tokens share one fetch instead of making their own; refusals cannot flood the log; tampered card
// values are checked and redacted before storage; error logs name no directories of this machine;
// /readyz answers within 2 s and says what is down.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import jwt from 'jsonwebtoken';
import type restify from 'restify';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { SORRY_UNKNOWN_ACTION } from '../src/conversation/messages';
import { RejectionLog } from '../src/teams/rejectionLog';
import { APOLOGY, createAdapter, createServer, listen, turnErrorHandler } from '../src/teams/server';
import { createBotStorage } from '../src/teams/storageFactory';
import { localConfig, makeBot, say, silentLogger, storedText } from './helpers';

const APP_ID = '2f1e8a4c-6b3d-4c5e-9f7a-1b2c3d4e5f60';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

/** A signing-key endpoint that fails, or answers slowly; counts what it is asked. */
async function metadataEndpoint(behaviour: 'fail' | 'slow'): Promise<{ url: string; hits: () => number; close: () => void }> {
  let hits = 0;
  const server: Server = createHttpServer((req, res) => {
    hits++;
    const port = (server.address() as AddressInfo).port;
    const answer = (): void => {
      if (behaviour === 'fail') {
        res.writeHead(500);
        return void res.end();
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(req.url?.startsWith('/v1/') ? JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `http://127.0.0.1:${port}/keys` }) : JSON.stringify({ keys: [] }));
    };
    setTimeout(answer, behaviour === 'slow' ? 300 : 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`, hits: () => hits, close: () => server.close() };
}

async function authenticatedServer(metadataUrl: string, lines: string[] = []): Promise<{ base: string; close: () => void }> {
  const config = loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-secret', MicrosoftAppType: 'MultiTenant', BOT_OPENID_METADATA_URL: metadataUrl, PORT: '0' });
  const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
  const server: restify.Server = createServer(config, createAdapter(config, logger), { run: async () => undefined }, logger);
  const base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  return { base, close: () => server.close() };
}

function forgedPost(base: string, n: number): Promise<number> {
  const now = Math.floor(Date.now() / 1000);
  const token = jwt.sign({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: SERVICE_URL, nbf: now - 60, exp: now + 3600 }, forger, { algorithm: 'RS256', keyid: `forged-${n}` });
  const body = { type: 'message', id: `f${n}`, text: 'hi', channelId: 'msteams', serviceUrl: SERVICE_URL, from: { id: 'u' }, recipient: { id: APP_ID }, conversation: { id: 'c' } };
  return fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }).then((r) => r.status);
}

describe('cheap refusals', function () {
  this.timeout(20_000);

  it('makes one signing-key fetch for 60 forged tokens while the endpoint fails, and answers them 503', async () => {
    const metadata = await metadataEndpoint('fail');
    const bot = await authenticatedServer(metadata.url);
    try {
      const statuses = await Promise.all(Array.from({ length: 60 }, (_, i) => forgedPost(bot.base, i)));
      assert.deepEqual([...new Set(statuses)], [503]);
      assert.equal(metadata.hits(), 1, `metadata requests: ${metadata.hits()}`);
      // And later ones, inside the negative cache, fetch nothing either.
      await Promise.all(Array.from({ length: 20 }, (_, i) => forgedPost(bot.base, 100 + i)));
      assert.equal(metadata.hits(), 1);
    } finally {
      bot.close();
      metadata.close();
    }
  });

  it('makes one read of the keys (configuration, then key set) for 40 forged tokens arriving at a cold start', async () => {
    const metadata = await metadataEndpoint('slow');
    const bot = await authenticatedServer(metadata.url);
    try {
      const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => forgedPost(bot.base, i)));
      assert.deepEqual([...new Set(statuses)], [401]);
      assert.equal(metadata.hits(), 2, `metadata requests: ${metadata.hits()}`);
    } finally {
      bot.close();
      metadata.close();
    }
  });

  it('logs at most 20 refusals a minute, then says how many it left out', async () => {
    const metadata = await metadataEndpoint('slow');
    const lines: string[] = [];
    const bot = await authenticatedServer(metadata.url, lines);
    try {
      for (let i = 0; i < 10; i++) await Promise.all(Array.from({ length: 20 }, () => fetch(`${bot.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', serviceUrl: SERVICE_URL, from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: 'c' } }) })));
      const rejected = lines.filter((l) => l.includes('"event":"rejected"'));
      assert.equal(rejected.length, 20, `${rejected.length} lines for 200 refusals`);
    } finally {
      bot.close();
      metadata.close();
    }
    let clock = 0;
    const written: Array<Record<string, unknown>> = [];
    const log = new RejectionLog(createLogger('info', { write: (l: string) => void written.push(JSON.parse(l) as Record<string, unknown>) }), 2, 1000, () => clock);
    for (let i = 0; i < 5; i++) log.note(401, {});
    clock = 1000;
    log.note(401, {});
    assert.equal(written.length, 3);
    assert.equal(written[2].suppressedSinceLastLine, 3);
    assert.deepEqual(log.snapshot(), { byStatus: { 401: 6 }, suppressed: 3 });
  });

  it('checks tampered card values against known ids, and redacts them, before anything is stored', async () => {
    const { bot, storage } = makeBot();
    const adapter = new TestAdapter(async (c) => bot.run(c));
    const press = (value: Record<string, unknown>): Promise<Array<Partial<Activity>>> => say(adapter, { type: ActivityTypes.Message, value });
    const planted = 'jane.doe@example.com EH22 1AB';
    const replies = await press({ verb: 'feedback', helpful: true, passageId: planted });
    assert.equal(replies[0]?.text, SORRY_UNKNOWN_ACTION);
    await press({ verb: 'feedback-reason', passageId: `x ${planted}`, reason: 'other', comment: 'fine' });
    await adapter.send('signpost');
    await press({ verb: 'signpost', action: 'answer', step: 'what', answer: 'a break' });
    await press({ verb: 'signpost', action: 'answer', step: 'who', choice: planted });
    const stored = storedText(storage);
    assert.doesNotMatch(stored, /jane\.doe|EH22 1AB/, stored);
    assert.match(stored, /"helpful":false/, 'the feedback with a tampered id kept its reason, without the id');
  });

  it('logs a failed turn with stack frames relative to the project, never this machine\'s directories', async () => {
    const lines: string[] = [];
    const handler = turnErrorHandler(createLogger('info', { write: (l: string) => void lines.push(l) }));
    const adapter = new TestAdapter(async () => {
      throw new Error('boom');
    });
    adapter.onTurnError = handler;
    await adapter.send('hello');
    const logged = lines.join('\n');
    assert.match(logged, /"event":"turn-error"/);
    assert.match(logged, /dist\/tests\/cheapRefusals\.test\.js/);
    assert.ok(!logged.includes(process.cwd()), logged);
    assert.doesNotMatch(logged, /[\s("]\/(?:home|work|usr|opt|tmp|root)\//, logged);
    assert.equal((adapter.activeQueue.shift() as Partial<Activity> | undefined)?.text, APOLOGY);
  });

  it('answers /readyz within 2 s when storage does not answer, naming it', async () => {
    // A storage endpoint that accepts connections and never replies.
    const sockets: Socket[] = [];
    const blackHole: TcpServer = createTcpServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    const port = (blackHole.address() as AddressInfo).port;
    const connectionString = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`;
    const storage = createBotStorage({ kind: 'blob-connection-string', connectionString, containerName: 'unreachable' }, false);
    const config = localConfig();
    const logger = silentLogger();
    const server = createServer(config, createAdapter(config, logger), makeBot().bot, logger, { checks: { index: async () => undefined, storage: storage.ping } });
    const base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
    try {
      const started = Date.now();
      const response = await fetch(`${base}/readyz`);
      const took = Date.now() - started;
      assert.ok(took < 2000, `took ${took} ms`);
      assert.equal(response.status, 503);
      assert.deepEqual(await response.json(), { status: 'not ready', checks: { index: 'ok', storage: 'timeout' }, down: ['storage'] });
    } finally {
      server.close();
      sockets.forEach((s) => s.destroy());
      blackHole.close();
    }
  });
});
