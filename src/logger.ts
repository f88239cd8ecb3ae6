// Structured JSON logs (pino). Message text is never logged: callers pass ids, hashes and counts.
import { createHash } from 'node:crypto';
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { app: 'midway-guide' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

/** A short, stable, one-way identifier for a conversation or user id. */
export function hashId(value: string | undefined): string {
  return createHash('sha256').update(value ?? '').digest('hex').slice(0, 16);
}

/** The Bot Framework SDK writes errors (with stacks, and sometimes key material) straight to the
 * console. Route console output into the structured log instead: one short line, at debug level. */
export function routeConsoleToLogger(logger: Logger): () => void {
  const original = { error: console.error, warn: console.warn, log: console.log };
  const firstLine = (args: unknown[]): string => {
    const first = args[0];
    const text = first instanceof Error ? `${first.name}: ${first.message}` : String(first);
    return text.replace(/-----BEGIN[\s\S]*/, '[key omitted]').split('\n')[0].slice(0, 160);
  };
  console.error = (...args: unknown[]) => logger.debug({ event: 'sdk-console', consoleLevel: 'error', message: firstLine(args) });
  console.warn = (...args: unknown[]) => logger.debug({ event: 'sdk-console', consoleLevel: 'warn', message: firstLine(args) });
  return () => Object.assign(console, original);
}

/** An error's first stack frames with file locations relative to the project (node_modules/…,
 * dist/…) or reduced to the file name, so a log line never carries this machine's directories. */
export function portableStack(error: unknown, frames = 5): string | undefined {
  const stack = (error as Error | undefined)?.stack;
  if (typeof stack !== 'string') return undefined;
  const relative = (path: string): string => {
    const parts = path.replace(/^file:\/\//, '').split(/[\\/]/);
    const root = parts.findIndex((part) => part === 'node_modules' || part === 'dist' || part === 'src' || part === 'tests');
    return root >= 0 ? parts.slice(root).join('/') : (parts.at(-1) ?? '');
  };
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, frames)
    .map((line) => line.replace(/(?<=[\s(])(?:file:\/\/)?(?:[A-Za-z]:)?[\\/][^\s()]+/g, (path) => relative(path)))
    .join('\n');
}
