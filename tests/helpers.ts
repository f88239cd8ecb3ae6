// Shared test fixtures: the built knowledge (loaded once), a search engine, a silent logger.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { ActivityTypes, ConversationState, MemoryStorage, type Activity, type TestAdapter } from 'botbuilder';
import { loadConfig, type AppConfig } from '../src/config';
import { readBuiltKnowledge, type BuiltKnowledge } from '../src/search/builtKnowledge';
import { createLogger, type Logger } from '../src/logger';
import { BUILT_KNOWLEDGE_FILE, SERVER_START } from '../src/paths';
import { SearchEngine } from '../src/search/searchEngine';
export { switchableConnector } from '../src/bench/loopbackTools';
import { RecordStore } from '../src/storage/records';
import { MidWayBot } from '../src/teams/midwayBot';

let built: BuiltKnowledge | undefined;
let engine: SearchEngine | undefined;

export function builtKnowledge(): BuiltKnowledge {
  built ??= readBuiltKnowledge(BUILT_KNOWLEDGE_FILE);
  return built;
}

export function searchEngine(): SearchEngine {
  engine ??= new SearchEngine(builtKnowledge());
  return engine;
}

export function silentLogger(): Logger {
  return createLogger('silent');
}

export function localConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({ PORT: '0', ...overrides });
}

export function makeBot(storage = new MemoryStorage(), logger = silentLogger()): { bot: MidWayBot; storage: MemoryStorage } {
  const bot = new MidWayBot({ engine: searchEngine(), records: new RecordStore(storage), conversationState: new ConversationState(storage), logger });
  return { bot, storage };
}

/** Every value stored in a MemoryStorage, as JSON text (MemoryStorage keeps JSON strings). */
export function storedText(storage: MemoryStorage): string {
  const memory = (storage as unknown as { memory: Record<string, string> }).memory;
  return JSON.stringify(Object.fromEntries(Object.entries(memory).map(([k, v]) => [k, JSON.parse(v) as unknown])));
}

/** Starts the server as `npm start` runs it (the bundle, from its code cache) on a free loopback port,
 * or with other node arguments; resolves once it listens. */
export async function startBundledServer(
  env: Record<string, string> = {},
  args: string[] = [SERVER_START],
): Promise<{ port: number; child: ChildProcessWithoutNullStreams; stderr(): string; stop(): Promise<number | null> }> {
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /"event":"listening".*?"port":(\d+)/.exec(seen);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${seen} ${stderr}`)));
  });
  const stop = (): Promise<number | null> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return { port, child, stderr: () => stderr, stop };
}

/** Sends one activity through a TestAdapter and returns the bot's messages (typing left out). */
export async function say(adapter: TestAdapter, activity: string | Partial<Activity>): Promise<Array<Partial<Activity>>> {
  await adapter.send(activity);
  const out: Array<Partial<Activity>> = [];
  while (adapter.activeQueue.length) {
    const a = adapter.activeQueue.shift() as Partial<Activity>;
    if (a.type === ActivityTypes.Message) out.push(a);
  }
  return out;
}

/** Three answers sent at once in a signposting conversation (after "signpost"). */
export const THREE_ANSWERS = ['gardening club', 'retired miner', 'Penicuik'];

/** Every word of each answer is in the signposting summary, whichever step each one filled. */
export function summaryKeepsAll(messages: Array<Partial<Activity>>): string {
  const summary = JSON.stringify(messages.map((m) => m.attachments?.map((a) => a.content))).match(/"text":"(For:[^"]*|What matters:[^"]*)"/)?.[1] ?? '';
  for (const answer of THREE_ANSWERS) assert.match(summary, new RegExp(answer, 'i'), `"${answer}" was lost: ${summary}`);
  return summary;
}
