// `npm run bench [-- --json] [--quick]`: measured speed and scale, each figure beside its baseline
// in the same run. Not part of the tests: it takes a few minutes and its numbers depend on the machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import restify from 'restify';
import { buildKnowledgeFile } from '../build/buildKnowledge';
import { PlainLunrBaseline } from '../eval/baseline';
import type { BuiltKnowledge } from '../search/builtKnowledge';
import { readBuiltKnowledge } from '../search/builtKnowledge';
import { toIndexable } from '../search/indexDocs';
import type { Passage } from '../knowledge/types';
import { BUILT_KNOWLEDGE_FILE, KNOWLEDGE_DIR, PROJECT_ROOT, SERVER_BUNDLE, SERVER_START } from '../paths';
import { buildLunrIndex } from '../search/lunrSetup';
import { SearchEngine } from '../search/searchEngine';
import { startAzurite } from './azuriteProcess';
import { freePort, mulberry32 } from './loopbackTools';
import { openLoopLoad } from './openLoop';

const QUICK = process.argv.includes('--quick');
/** Only the turn latency, to compare one change quickly. */
const TURNS_ONLY = process.argv.includes('--turns');
const JSON_OUT = process.argv.includes('--json');
const log = (line: string): void => {
  if (!JSON_OUT) console.log(line);
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

/** The practice questions, plus variations: lower case, a typo, a word dropped, a word repeated. */
function benchQueries(count: number): string[] {
  const files = [join(PROJECT_ROOT, '..', 'shared', 'eval', 'dev-questions.json'), join(PROJECT_ROOT, 'tests', 'fixtures', 'curated-questions.json')];
  const base = files.flatMap((f) => {
    try {
      return (JSON.parse(readFileSync(f, 'utf8')) as Array<{ question: string }>).map((q) => q.question);
    } catch {
      return [];
    }
  });
  const rng = mulberry32(7);
  const out: string[] = [];
  while (out.length < count) {
    const q = base[out.length % base.length];
    const words = q.split(/\s+/);
    switch (Math.floor(rng() * 5)) {
      case 0:
        out.push(q);
        break;
      case 1:
        out.push(q.toLowerCase());
        break;
      case 2: {
        const i = Math.floor(rng() * words.length);
        const w = words[i];
        if (w.length > 4) words[i] = w.slice(0, 2) + w[3] + w[2] + w.slice(4);
        out.push(words.join(' '));
        break;
      }
      case 3:
        out.push(words.filter((_, i) => i !== Math.floor(rng() * words.length)).join(' ') || q);
        break;
      default:
        out.push(`${q} ${words[Math.floor(rng() * words.length)]}`);
    }
  }
  return out;
}

function timeQueries(run: (q: string) => unknown, queries: string[]): number[] {
  for (const q of queries.slice(0, 200)) run(q); // warm up the JIT and caches
  const times = queries.map((q) => {
    const start = process.hrtime.bigint();
    run(q);
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  return times.sort((a, b) => a - b);
}

/** A corpus `factor` times the real one: each passage copied with a share of its words swapped for
 * words from other passages, deterministically, so the index grows like real text would. */
function syntheticKnowledge(real: BuiltKnowledge, factor: number): BuiltKnowledge {
  const rng = mulberry32(factor);
  const vocabulary = real.passages.flatMap((p) => p.text.split(/\s+/)).filter((w) => w.length > 3);
  const passages: Passage[] = [];
  for (let copy = 0; copy < factor; copy++) {
    for (const p of real.passages) {
      if (copy === 0) {
        passages.push(p);
        continue;
      }
      const text = p.text
        .split(/\s+/)
        .map((w) => (rng() < 0.3 ? vocabulary[Math.floor(rng() * vocabulary.length)] : w))
        .join(' ');
      passages.push({ ...p, id: `${p.id}~copy${copy}`, text });
    }
  }
  return { ...real, passages, index: buildLunrIndex(passages.map(toIndexable)) };
}

interface Figures {
  [key: string]: number | string | boolean;
}

async function measureQueries(figures: Figures): Promise<void> {
  const real = readBuiltKnowledge(BUILT_KNOWLEDGE_FILE);
  const queries = benchQueries(QUICK ? 1000 : 5000);
  const engine = new SearchEngine(real);
  const ours = timeQueries((q) => engine.search(q), queries);
  const baseline = new PlainLunrBaseline(real.passages);
  const lunrTimes = timeQueries((q) => baseline.search(q), queries);
  Object.assign(figures, {
    queries: queries.length,
    query_p50_ms: round(percentile(ours, 0.5)),
    query_p95_ms: round(percentile(ours, 0.95)),
    query_p99_ms: round(percentile(ours, 0.99)),
    lunr_query_p50_ms: round(percentile(lunrTimes, 0.5)),
    lunr_query_p95_ms: round(percentile(lunrTimes, 0.95)),
  });
  log(`queries: ${queries.length}; ours p50 ${figures.query_p50_ms} ms, p95 ${figures.query_p95_ms} ms, p99 ${figures.query_p99_ms} ms; plain lunr p50 ${figures.lunr_query_p50_ms} ms, p95 ${figures.lunr_query_p95_ms} ms`);
  for (const factor of QUICK ? [10] : [10, 100]) {
    const started = performance.now();
    const big = syntheticKnowledge(real, factor);
    const buildMs = performance.now() - started;
    const bigEngine = new SearchEngine(big);
    const sample = queries.slice(0, factor === 100 ? 1000 : 2000);
    const times = timeQueries((q) => bigEngine.search(q), sample);
    figures[`query_p95_ms_${factor}x`] = round(percentile(times, 0.95));
    figures[`passages_${factor}x`] = big.passages.length;
    log(`${factor}× corpus (${big.passages.length} passages, indexed in ${Math.round(buildMs)} ms): p95 ${figures[`query_p95_ms_${factor}x`]} ms`);
  }
}

function measureIndexBuild(figures: Figures): void {
  const dir = mkdtempSync(join(tmpdir(), 'midway-bench-'));
  const runs = QUICK ? 2 : 5;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(buildKnowledgeFile(KNOWLEDGE_DIR, join(dir, 'knowledge.json')).ms);
  rmSync(dir, { recursive: true, force: true });
  figures.index_build_ms = Math.round(times.sort((a, b) => a - b)[Math.floor(times.length / 2)]);
  log(`index build (validate, chunk, index, write): median ${figures.index_build_ms} ms over ${runs} runs`);
}

interface Bot {
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startBot(env: Record<string, string> = {}, entry = SERVER_START): Promise<Bot & { startedMs: number }> {
  // The port is chosen here and the bot's log goes to /dev/null: reading its log through a pipe would
  // make this process (also the load client) part of every turn, and a full pipe stalls the bot's
  // synchronous logger.
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', entry], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`bot exited ${code}`))));
  for (;;) {
    const ok = await Promise.race([fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200).catch(() => false), exited]);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const startedMs = performance.now() - started;
  return {
    port,
    child,
    startedMs,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function measureColdStart(figures: Figures): Promise<void> {
  const runs = QUICK ? 2 : 5;
  const ways = {
    // What npm start runs: the bundle compiled from its V8 code cache.
    cold_start_ms: SERVER_START,
    // Baselines: the bundle compiled afresh, and the same compiled code loaded file by file.
    cold_start_bundle_no_cache_ms: SERVER_BUNDLE,
    cold_start_unbundled_ms: join(PROJECT_ROOT, 'dist', 'src', 'index.js'),
  };
  const times: Record<string, number[]> = {};
  let rss = 0;
  // Take turns, so every way sees the same machine.
  for (let i = 0; i < runs; i++) {
    for (const [figure, entry] of Object.entries(ways)) {
      const bot = await startBot({}, entry);
      (times[figure] ??= []).push(bot.startedMs);
      if (entry === SERVER_START) {
        await new Promise((r) => setTimeout(r, 200));
        rss = Math.max(rss, rssMb(bot.child.pid));
      }
      await bot.stop();
    }
  }
  for (const [figure, list] of Object.entries(times)) figures[figure] = Math.round(list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
  figures.cold_start_max_ms = Math.round(Math.max(...times.cold_start_ms));
  figures.rss_mb = rss;
  log(`cold start (spawn to /readyz 200, median of ${runs}): ${figures.cold_start_ms} ms (slowest ${figures.cold_start_max_ms} ms); the bundle without its code cache ${figures.cold_start_bundle_no_cache_ms} ms; unbundled ${figures.cold_start_unbundled_ms} ms; RSS after load ${rss} MB`);
}

let activityCounter = 0;
function messageBody(serviceUrl: string, text: string, conversation = `bench-${activityCounter % 50}`): string {
  activityCounter++;
  return JSON.stringify({ type: 'message', id: `bench-${activityCounter}-${Date.now()}`, text, channelId: 'msteams', serviceUrl, from: { id: 'bench-user' }, recipient: { id: 'bot' }, conversation: { id: conversation, conversationType: 'personal' } });
}

function load(url: string, options: Partial<autocannon.Options>, body: () => string): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: body() }) }],
        ...options,
      } as autocannon.Options,
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/** The stand-in connector as a child process, so this process (the load client) is not part of any turn. */
async function startConnectorProcess(): Promise<{ serviceUrl: string; stop(): void }> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'src', 'bench', 'standInConnectorProcess.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`stand-in connector exited ${code}`)));
  });
  return { serviceUrl: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

async function measureTurns(figures: Figures): Promise<void> {
  const connector = await startConnectorProcess();
  const serviceUrl = connector.serviceUrl;
  const bot = await startBot();
  const url = `http://127.0.0.1:${bot.port}/api/messages`;
  const questions = benchQueries(500);
  let n = 0;
  const body = (): string => messageBody(serviceUrl, questions[n++ % questions.length]);
  const warm = QUICK ? 3 : 10;
  const duration = QUICK ? 10 : 30;
  await openLoopLoad({ url, rate: 100, durationS: warm, body, seed: 1 });
  const steady = await openLoopLoad({ url, rate: 100, durationS: duration, body, seed: 2 });
  Object.assign(figures, {
    turn_rate_rps: round(steady.rate, 1),
    turn_p50_ms: round(percentile(steady.latencies, 0.5), 1),
    turn_p99_ms: round(percentile(steady.latencies, 0.99), 1),
    turn_errors: steady.errors,
  });
  log(`turns at 100/s (open loop, Poisson arrivals) for ${duration} s after ${warm} s warm-up: p50 ${figures.turn_p50_ms} ms, p99 ${figures.turn_p99_ms} ms, errors ${figures.turn_errors} of ${steady.sent}`);
  // The same rate as autocannon paces it: 10 connections on one clock, so 10 questions at once every 0.1 s.
  const bursts = await load(url, { connections: 10, overallRate: 100, duration: QUICK ? 5 : 15 }, body);
  Object.assign(figures, { turn_bursts_of_10_p50_ms: bursts.latency.p50, turn_bursts_of_10_p99_ms: bursts.latency.p99 });
  log(`the same 100/s in bursts of 10 at once (autocannon, 10 connections): p50 ${bursts.latency.p50} ms, p99 ${bursts.latency.p99} ms`);
  const max = await load(url, { connections: 50, duration: QUICK ? 5 : 10 }, body);
  figures.turn_max_rps = round(max.requests.average, 0);
  await bot.stop();

  const bare = restify.createServer();
  bare.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
  bare.post('/api/messages', (_req, res, next) => {
    res.send(200);
    next();
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', () => resolve()));
  const bareMax = await load(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/api/messages`, { connections: 50, duration: QUICK ? 5 : 10 }, body);
  figures.restify_bare_max_rps = round(bareMax.requests.average, 0);
  bare.close();
  connector.stop();
  log(`max turns/s with 50 connections: ${figures.turn_max_rps}; a bare restify endpoint in the same run: ${figures.restify_bare_max_rps}`);
}

/** Two bot processes sharing one Azurite container behind a round-robin on loopback. */
async function measureScaleOut(figures: Figures): Promise<void> {
  const azurite = await startAzurite();
  const env = { STORAGE: 'blob', STORAGE_CONNECTION_STRING: azurite.connectionString, STORAGE_CONTAINER: 'bench' };
  const bots = [await startBot(env), await startBot(env)];
  let turn = 0;
  const balancer = createHttpServer((req, res) => {
    const target = bots[turn++ % bots.length];
    const proxied = httpRequest({ host: '127.0.0.1', port: target.port, path: req.url, method: req.method, headers: req.headers }, (upstream) => {
      res.writeHead(upstream.statusCode ?? 502, upstream.headers);
      upstream.pipe(res);
    });
    proxied.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(proxied);
  });
  await new Promise<void>((resolve) => balancer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(balancer.address() as AddressInfo).port}/api/messages`;
  // Message replies by the activity they answer (botbuilder sets replyToId on every reply).
  const replies: Array<{ conversation: string; replyToId: string; text: string }> = [];
  const connector = createHttpServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      try {
        const a = JSON.parse(raw) as { type: string; replyToId?: string; conversation: { id: string }; attachments?: unknown[] };
        if (a.type === 'message') replies.push({ conversation: a.conversation.id, replyToId: a.replyToId ?? '', text: JSON.stringify(a.attachments ?? []) });
      } catch {
        /* not an activity */
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"r"}');
    });
  });
  await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;
  const questions = benchQueries(300);
  let n = 0;
  const durationS = QUICK ? 5 : 15;
  const loadIds = new Set<string>();
  const loaded = load(url, { connections: 20, duration: durationS }, () => {
    const body = messageBody(serviceUrl, questions[n++ % questions.length]);
    loadIds.add((JSON.parse(body) as { id: string }).id);
    return body;
  });
  // Meanwhile, under that load, signposting conversations whose two steps go to different instances
  // (the first to one, the second to the other, directly) must still reach their second question.
  const flows = 20;
  const post = (port: number, body: string): Promise<number> =>
    fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.status);
  const flowStatuses: number[] = [];
  for (let i = 0; i < flows; i++) {
    await new Promise((r) => setTimeout(r, ((durationS - 2) * 1000) / flows));
    const conversation = `flow-${i}`;
    flowStatuses.push(await post(bots[i % 2].port, messageBody(serviceUrl, 'signpost', conversation)));
    flowStatuses.push(await post(bots[(i + 1) % 2].port, messageBody(serviceUrl, 'meeting people', conversation)));
  }
  const result = await loaded;
  const continued = Array.from({ length: flows }, (_, i) => `flow-${i}`).filter((c) => replies.some((r) => r.conversation === c && r.text.includes('Who are they'))).length;
  // A turn's replies are sent before its HTTP response, so every completed turn must have one.
  const answered = new Set(replies.filter((r) => loadIds.has(r.replyToId)).map((r) => r.replyToId)).size;
  figures.scaleout_turns_per_s = round(result.requests.average, 0);
  figures.scaleout_errors = result.errors + result.timeouts + result.non2xx + flowStatuses.filter((s) => s !== 200).length;
  figures.scaleout_unanswered_turns = Math.max(0, result['2xx'] - answered);
  figures.scaleout_conversations_continued = `${continued}/${flows}`;
  log(`scale-out, 2 instances on one Azurite container behind round-robin: ${figures.scaleout_turns_per_s} turns/s, errors ${figures.scaleout_errors}, completed turns without a reply ${figures.scaleout_unanswered_turns}; conversations continued across instances under that load: ${continued} of ${flows}`);
  balancer.close();
  connector.close();
  for (const b of bots) await b.stop();
  await azurite.stop();
}

async function main(): Promise<void> {
  const figures: Figures = {
    machine: `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  };
  log(`MidWay Guide bench on ${figures.machine}${QUICK ? ' (quick)' : ''}\n`);
  // HTTP load first, while this process (the load client) holds nothing else: the garbage from index
  // builds and the synthetic corpora would otherwise pause the client and show up as turn latency.
  await measureTurns(figures);
  if (TURNS_ONLY) return;
  await measureScaleOut(figures);
  measureIndexBuild(figures);
  await measureColdStart(figures);
  await measureQueries(figures);
  if (JSON_OUT) console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
});
