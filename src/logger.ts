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
