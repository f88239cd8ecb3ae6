// `npm run playground`: the bot in local mode plus the Microsoft 365 Agents Playground, a local
// Teams-like client, both on this machine. Open the printed address in a browser.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT, SERVER_START } from '../paths';

export interface LocalClient {
  botPort: number;
  playgroundPort: number;
  stop(): Promise<void>;
}

function waitForLine(child: ChildProcess, pattern: RegExp, what: string, ms = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${ms} ms: ${seen.slice(-500)}`)), ms);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}): ${seen.slice(-500)}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

/** Starts the built bot and the Playground; the caller stops both. */
export async function startLocalClient(botPort: number, playgroundPort: number, quiet = true): Promise<LocalClient> {
  // The Playground shows only the first card of a carousel; as a list, each card shows.
  const env = { ...process.env, MicrosoftAppId: '', PORT: String(botPort), LOG_LEVEL: quiet ? 'warn' : 'info', CARD_LAYOUT: 'list' };
  const bot = spawn(process.execPath, ['--disable-warning=DEP0111', SERVER_START], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (!quiet) bot.stdout.pipe(process.stdout);
  await waitForLine(bot, /local mode|listening/i, 'The bot');
  const cli = join(PROJECT_ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
  const playground = spawn(
    process.execPath,
    [cli, '-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '-p', String(playgroundPort), '--disable-telemetry'],
    { env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    await waitForLine(playground, new RegExp(`Listening on ${playgroundPort}`), 'The Playground');
  } catch (error) {
    await stopChild(bot);
    throw error;
  }
  return {
    botPort,
    playgroundPort,
    stop: async () => {
      await Promise.all([stopChild(playground), stopChild(bot)]);
    },
  };
}

if (require.main === module) {
  const botPort = Number(process.env.PORT ?? 3978);
  const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
  startLocalClient(botPort, playgroundPort, false)
    .then((client) => {
      console.log(`\nMidWay Guide is running in local mode, with the Microsoft 365 Agents Playground.`);
      console.log(`Open http://127.0.0.1:${client.playgroundPort}/ in a browser, choose "Personal Chat" and ask a question.`);
      console.log('Press Ctrl+C to stop both.');
      const stop = (): void => void client.stop().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((error: unknown) => {
      console.error(`Could not start the Playground: ${(error as Error).message}`);
      process.exit(1);
    });
}
