// `npm run probe [-- --json] [-- --quick] [-- --flood N]`: repeats the attacks of an outside probe against the
// server as `npm start` runs it (the bundle, in its own process), on loopback, every loop bounded,
// and prints what happened: stalled turns and their re-sends, form posts and browser requests,
// half activities, typed markup, concurrent answers, tampered card values, forged tokens while the
// signing keys fail, a flood of unauthenticated requests (log lines and bytes), /readyz with
// storage unreachable, and the server's memory throughout.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import jwt from 'jsonwebtoken';
import MarkdownIt from 'markdown-it';
import { freePort, switchableConnector } from '../bench/loopbackTools';
import { SERVER_START } from '../paths';

const JSON_OUTPUT = process.argv.includes('--json');
const QUICK = process.argv.includes('--quick');
/** `--flood N`: how many unauthenticated requests to send (memory is sampled every 10,000). */
const FLOOD = Number(process.argv[process.argv.indexOf('--flood') + 1]) || 30_000;
const scale = (n: number): number => (QUICK ? Math.ceil(n / 5) : n);

const APP_ID = '2f1e8a4c-6b3d-4c5e-9f7a-1b2c3d4e5f60';
const PLANTED = 'jane.doe@example.com';
const MARKUP = '[verify your NHS login here](https://evil.example/login) ![x](https://evil.example/p.png) <b>HTML</b> *EMPH* www.evil.example';

interface ServerProcess {
  port: number;
  base: string;
  child: ChildProcessWithoutNullStreams;
  log: { lines: number; bytes: number; text: string };
  stop(): Promise<void>;
}

async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', SERVER_START], { env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'info', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const log = { lines: 0, bytes: 0, text: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    log.bytes += chunk.length;
    const text = chunk.toString();
    log.lines += text.split('\n').length - 1;
    // Kept for the search for planted values, up to a bound.
    if (log.text.length < 20_000_000) log.text += text;
  });
  child.stderr.resume();
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`server exited ${code}`))));
  for (;;) {
    const up = await Promise.race([fetch(`${base}/healthz`).then((r) => r.ok).catch(() => false), exited]);
    if (up) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    port,
    base,
    child,
    log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function memoryMb(pid: number | undefined): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/** Runs `count` requests, `concurrency` at a time; returns the statuses seen and how long it took. */
async function flood(count: number, concurrency: number, request: (i: number) => Promise<Response>): Promise<{ statuses: Record<string, number>; ms: number }> {
  const statuses: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const status = await request(i).then(
          async (r) => (await r.arrayBuffer(), String(r.status)),
          () => 'error',
        );
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  return { statuses, ms: Math.round(performance.now() - started) };
}

const post = (base: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function main(): Promise<void> {
  const figures: Record<string, unknown> = {};
  const connector = await switchableConnector();
  const local = await startServer({});
  const activity = (id: string, text: string, conversation = `probe-${id}`, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    type: 'message', id, text, channelId: 'msteams', serviceUrl: connector.url, from: { id: 'probe-user' }, recipient: { id: 'bot' }, conversation: { id: conversation, conversationType: 'personal' }, ...extra,
  });
  const memoryAtStart = memoryMb(local.child.pid);
  try {
    // 1. A turn whose connector throttles with a 30 s Retry-After, then recovers.
    connector.mode = 'throttle';
    let started = performance.now();
    const throttled = await post(local.base, activity('stall-429', 'samaritans phone number'));
    const throttledMs = Math.round(performance.now() - started);
    connector.mode = 'ok';
    const before429 = connector.messages();
    const resent = await post(local.base, activity('stall-429', 'samaritans phone number'));
    const answeredOnResend = connector.messages() - before429;
    await post(local.base, activity('stall-429', 'samaritans phone number'));
    figures.throttled = { firstStatus: throttled.status, firstAnsweredMs: throttledMs, resendStatus: resent.status, answeredOnResend, answeredAgainOnSecondResend: connector.messages() - before429 - answeredOnResend };

    // 2. A connector that hangs.
    connector.mode = 'hang';
    started = performance.now();
    const hung = await post(local.base, activity('stall-hang', 'breathing space phone number'));
    const hungMs = Math.round(performance.now() - started);
    connector.mode = 'ok';
    const beforeHang = connector.messages();
    await post(local.base, activity('stall-hang', 'breathing space phone number'));
    figures.hanging = { firstStatus: hung.status, firstAnsweredMs: hungMs, answeredOnResend: connector.messages() - beforeHang };

    // 3–5. Bodies a web page can send, browser requests, half activities.
    const outboundBefore = connector.requests();
    const formBody = new URLSearchParams({ type: 'message', text: 'feedback', serviceUrl: connector.url, 'conversation[id]': 'c', 'from[id]': 'u', 'recipient[id]': 'b' }).toString();
    const forms = await flood(scale(500), 20, () => fetch(`${local.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: formBody }));
    const texts = await flood(scale(200), 20, (i) => post(local.base, JSON.stringify(activity(`text-${i}`, 'help')), { 'content-type': 'text/plain' }));
    const browser = await flood(scale(200), 20, (i) => post(local.base, activity(`origin-${i}`, 'help'), { origin: 'https://evil.example' }));
    figures.webPage = { formEncoded: forms.statuses, textPlain: texts.statuses, crossSiteJson: browser.statuses, outboundCalls: connector.requests() - outboundBefore };
    const half: Record<string, Record<string, number>> = {};
    for (const missing of ['recipient', 'from', 'conversation']) {
      half[missing] = (await flood(scale(100), 20, (i) => {
        const body = activity(`half-${missing}-${i}`, 'help');
        delete body[missing];
        return post(local.base, body);
      })).statuses;
    }
    figures.missingFields = half;

    // 6. Typed markup through the signposting summary and feedback.
    const markdown = new MarkdownIt({ html: true, linkify: true });
    const firstCard = connector.received().length;
    for (const [i, text] of ['signpost', MARKUP, MARKUP, MARKUP, 'skip', `feedback ${MARKUP}`, MARKUP].entries()) await post(local.base, activity(`markup-${i}`, text, 'probe-markup'));
    await post(local.base, activity('markup-feedback', '', 'probe-markup', { text: undefined, value: { verb: 'feedback-text', comment: MARKUP } }));
    const rendered = connector.received().slice(firstCard).flatMap((a) => textsOf(a)).map((t) => markdown.render(t));
    figures.markup = {
      textsRendered: rendered.length,
      summaryShown: rendered.some((h) => h.includes('What matters') && h.includes('verify your NHS login here')),
      liveLinksOrImagesFromTypedText: rendered.filter((h) => /(?:href|src)="[^"]*evil\.example/.test(h)).length,
      typedEmphasisOrHtml: rendered.filter((h) => /<em>EMPH|<b>HTML/.test(h)).length,
    };

    // 7. Three answers at once in one signposting conversation.
    const trials = scale(20);
    let kept = 0;
    for (let t = 0; t < trials; t++) {
      const conversation = `probe-race-${t}`;
      await post(local.base, activity(`race-start-${t}`, 'signpost', conversation));
      const answers = ['gardening club', 'retired miner', 'Penicuik'];
      await Promise.all(answers.map((a, i) => post(local.base, activity(`race-${t}-${i}`, a, conversation))));
      const mark = connector.received().length;
      await post(local.base, activity(`race-skip-${t}`, 'skip', conversation));
      const summary = connector.received().slice(mark).flatMap(textsOf).find((s) => /What matters|For:/.test(s)) ?? '';
      if (answers.every((a) => summary.toLowerCase().includes(a.toLowerCase()))) kept++;
    }
    figures.concurrentAnswers = { trials, everyUpdateKept: kept };

    // 8. Tampered card values carrying a personal detail.
    await post(local.base, activity('tamper-1', '', 'probe-tamper', { text: undefined, value: { verb: 'feedback', helpful: true, passageId: PLANTED } }));
    await post(local.base, activity('tamper-2', 'signpost', 'probe-tamper'));
    await post(local.base, activity('tamper-3', '', 'probe-tamper', { text: undefined, value: { verb: 'signpost', action: 'answer', step: 'what', answer: 'a break' } }));
    await post(local.base, activity('tamper-4', '', 'probe-tamper', { text: undefined, value: { verb: 'signpost', action: 'answer', step: 'who', choice: PLANTED } }));
    figures.tampered = { plantedValueInLog: local.log.text.includes(PLANTED), absolutePathsInLog: /"stack":"[^"]*\s\/(?:home|work|usr|opt|tmp|root)\//.test(local.log.text) };
    figures.localServerMemoryMb = { atStart: memoryAtStart.rss, afterAll: memoryMb(local.child.pid).rss, peak: memoryMb(local.child.pid).peak };
  } finally {
    await local.stop();
  }

  // 9. /readyz with Blob storage that accepts connections and never answers.
  const sockets: Socket[] = [];
  const blackHole = createTcpServer((s) => void sockets.push(s));
  await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
  const holePort = (blackHole.address() as AddressInfo).port;
  const stuck = await startServer({
    STORAGE: 'blob',
    STORAGE_CONNECTION_STRING: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:${holePort}/devstoreaccount1;`,
  });
  try {
    const started = performance.now();
    const ready = await fetch(`${stuck.base}/readyz`);
    figures.readyzStorageUnreachable = { status: ready.status, ms: Math.round(performance.now() - started), body: await ready.json() };
  } finally {
    await stuck.stop();
    sockets.forEach((s) => s.destroy());
    blackHole.close();
  }

  // 10–11. An authenticated server whose signing-key endpoint fails: a flood with no token at all,
  // then forged tokens. Refusals share one log budget (20 lines a minute).
  let metadataHits = 0;
  const metadata: Server = createHttpServer((_req, res) => {
    metadataHits++;
    res.writeHead(500);
    res.end();
  });
  await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve));
  const metadataUrl = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
  const secured = await startServer({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'probe-secret', MicrosoftAppType: 'MultiTenant', BOT_OPENID_METADATA_URL: metadataUrl });
  try {
    const atStart = memoryMb(secured.child.pid);
    const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const now = Math.floor(Date.now() / 1000);
    const serviceUrl = 'https://smba.trafficmanager.net/emea/';
    const token = (i: number): string => jwt.sign({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: serviceUrl, nbf: now - 60, exp: now + 3600 }, key, { algorithm: 'RS256', keyid: `forged-${i % 50}` });
    const tokens = Array.from({ length: 50 }, (_, i) => token(i));
    const body = (i: number): Record<string, unknown> => ({ type: 'message', id: `forged-${i}`, text: 'hi', channelId: 'msteams', serviceUrl, from: { id: 'u' }, recipient: { id: APP_ID }, conversation: { id: 'c' } });
    let lines = secured.log.lines;
    let bytes = secured.log.bytes;
    const count = process.argv.includes('--flood') ? FLOOD : scale(FLOOD);
    const rssEvery10k: number[] = [];
    const noToken = { statuses: {} as Record<string, number>, ms: 0 };
    for (let sent = 0; sent < count; sent += 10_000) {
      const part = await flood(Math.min(10_000, count - sent), 50, (i) => post(secured.base, body(sent + i)));
      for (const [status, n] of Object.entries(part.statuses)) noToken.statuses[status] = (noToken.statuses[status] ?? 0) + n;
      noToken.ms += part.ms;
      rssEvery10k.push(memoryMb(secured.child.pid).rss);
    }
    const perSecond = Math.round((count / noToken.ms) * 1000);
    const logBytes = secured.log.bytes - bytes;
    figures.unauthenticatedFlood = {
      requests: count,
      statuses: noToken.statuses,
      perSecond,
      logLines: secured.log.lines - lines,
      logBytes,
      rssMbEvery10000: rssEvery10k,
    };
    lines = secured.log.lines;
    bytes = secured.log.bytes;
    const forged = await flood(scale(3000), 50, (i) => post(secured.base, body(i), { authorization: `Bearer ${tokens[i % tokens.length]}` }));
    figures.forgedTokensWhileKeysFail = { requests: scale(3000), statuses: forged.statuses, ms: forged.ms, metadataRequests: metadataHits, logLines: secured.log.lines - lines, logBytes: secured.log.bytes - bytes };
    const after = memoryMb(secured.child.pid);
    figures.securedServerMemoryMb = { atStart: atStart.rss, afterAbuse: after.rss, peak: after.peak };
  } finally {
    await secured.stop();
    metadata.close();
    connector.close();
  }
  print(figures);
}

/** Card text and plain text of a message, as a client would render them. */
function textsOf(activity: Record<string, unknown>): string[] {
  const out: string[] = typeof activity.text === 'string' ? [activity.text] : [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'TextBlock' && typeof n.text === 'string') out.push(n.text);
    Object.values(n).forEach(walk);
  };
  walk(activity.attachments);
  return out;
}

function print(figures: Record<string, unknown>): void {
  if (JSON_OUTPUT) {
    console.log(JSON.stringify(figures, null, 2));
    return;
  }
  for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(28)} ${JSON.stringify(value)}`);
}

main().catch((error: unknown) => {
  console.error(`Probe failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
