import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { botEndpoint } from '../src/cli/chat';
import { createAdapter, createServer, listen } from '../src/teams/server';
import { join } from 'node:path';
import { ConversationCore } from '../src/conversation/core';
import { PROJECT_ROOT } from '../src/paths';
import { localConfig, makeBot, searchEngine, silentLogger } from './helpers';

const ASK = join(PROJECT_ROOT, 'dist', 'src', 'cli', 'ask.js');
const CHAT = join(PROJECT_ROOT, 'dist', 'src', 'cli', 'chat.js');

interface AskOutput {
  query: string;
  confident: boolean;
  results: Array<{ kind: string; title: string; text: string; source: string; section: string; score: number }>;
}

function ask(args: string[], input?: string): string {
  return execFileSync(process.execPath, [ASK, ...args], { input, encoding: 'utf8' });
}

describe('ask CLI', () => {
  it('prints one JSON object whose top result names Options 1 to 4', () => {
    const out = JSON.parse(ask(['--json', 'what are the four SDS options'])) as AskOutput;
    assert.equal(out.query, 'what are the four SDS options');
    assert.ok(out.results.length > 0 && out.results.length <= 10);
    const [top] = out.results;
    for (const key of ['kind', 'title', 'text', 'source', 'section', 'score'] as const) assert.ok(key in top, `result lacks ${key}`);
    for (const n of [1, 2, 3, 4]) assert.ok(top.text.includes(`Option ${n}`), `top result lacks Option ${n}`);
    assert.equal(typeof out.confident, 'boolean');
  });

  it('reads questions from standard input with --json and answers each on its own line, in order', () => {
    const lines = ask(['--json'], 'samaritans number\nwhat is an ISF\n\n').trim().split('\n');
    assert.equal(lines.length, 3);
    const parsed = lines.map((l) => JSON.parse(l) as AskOutput);
    assert.deepEqual(parsed.map((p) => p.query), ['samaritans number', 'what is an ISF', '']);
    assert.match(parsed[0].results[0].text, /116 123/);
    assert.deepEqual(parsed[2].results, []);
  });

  it('prints a readable answer without --json', () => {
    const out = ask(['where can an unpaid carer get a short break']);
    assert.match(out, /^1\. /m);
    assert.doesNotMatch(out, /^\{/);
  });

  it('reports "confident" exactly as the bot decides', () => {
    const questions = ['what are the four SDS options', 'recipe for shortbread', 'short term aims under aim 2', 'asdfgh qwerty', 'is option 3 the default'];
    const lines = ask(['--json'], `${questions.join('\n')}\n`).trim().split('\n');
    const decided = lines.map((l) => (JSON.parse(l) as AskOutput).confident);
    const core = new ConversationCore(searchEngine());
    assert.deepEqual(decided, questions.map((q) => core.ask(q).confident ?? false));
    assert.ok(decided.includes(true) && decided.includes(false), 'the sample has both decisions');
  });
});

describe('chat CLI', () => {
  const run = promisify(execFile);
  let server: ReturnType<typeof createServer>;
  let base: string;

  before(async () => {
    const config = localConfig();
    const logger = silentLogger();
    server = createServer(config, createAdapter(config, logger), makeBot().bot, logger);
    base = `http://127.0.0.1:${await listen(server, 0, config.host)}`;
  });

  after(() => server.close());

  const chat = (botUrl: string, question: string): Promise<{ stdout: string; stderr: string }> =>
    run(process.execPath, [CHAT, question], { env: { PATH: process.env.PATH ?? '', BOT_URL: botUrl }, timeout: 15000 });

  it('reads BOT_URL without /api/messages as the bot there', () => {
    assert.equal(botEndpoint('http://127.0.0.1:4000'), 'http://127.0.0.1:4000/api/messages');
    assert.equal(botEndpoint('http://127.0.0.1:4000/api/messages'), 'http://127.0.0.1:4000/api/messages');
    assert.equal(botEndpoint(undefined), 'http://127.0.0.1:3978/api/messages');
  });

  it('is answered on a second run too: each run has its own conversation and activity ids', async () => {
    for (let i = 0; i < 2; i++) {
      const { stdout } = await chat(base, 'samaritans phone number');
      assert.match(stdout, /116 123/, `run ${i + 1}`);
    }
  });

  it('says so and exits non-zero when the address is not the bot\'s', async () => {
    await assert.rejects(chat(`${base}/not-the-bot`, 'hello'), (error: { code?: number; stderr?: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr ?? '', /answered 404/);
      return true;
    });
  });
});
