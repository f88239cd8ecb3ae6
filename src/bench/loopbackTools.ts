// Small helpers shared by the bench, the fuzzer, the probe and the tests: a free loopback port,
// stand-in Bot Connectors (one that accepts everything, one that can throttle or hang), and a
// seeded random number generator.
import { createServer as createHttpServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A Bot Connector stand-in on loopback that answers every request 200 with an id. */
export async function standInConnector(): Promise<Server> {
  const server = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"r"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** mulberry32: deterministic pseudo-random numbers in [0, 1), so the same seed gives the same run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type ConnectorMode = 'ok' | 'throttle' | 'hang';

/** A stand-in Bot Connector that answers normally, throttles with a 30-second Retry-After, or hangs. */
export async function switchableConnector(): Promise<{ url: string; mode: ConnectorMode; messages: () => number; requests: () => number; received: () => Array<Record<string, unknown>>; close: () => void }> {
  const state = { mode: 'ok' as ConnectorMode, messages: 0, requests: 0 };
  const received: Array<Record<string, unknown>> = [];
  const hanging = new Set<ServerResponse>();
  const server: Server = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      state.requests++;
      if (state.mode === 'hang') return void hanging.add(res);
      if (state.mode === 'throttle') {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '30' });
        return void res.end('{}');
      }
      const activity = JSON.parse(body) as Record<string, unknown>;
      if (activity.type === 'message') {
        state.messages++;
        received.push(activity);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"r"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get mode() {
      return state.mode;
    },
    set mode(value: ConnectorMode) {
      state.mode = value;
    },
    messages: () => state.messages,
    received: () => received,
    requests: () => state.requests,
    close: () => {
      for (const res of hanging) res.destroy();
      server.close();
    },
  };
}
