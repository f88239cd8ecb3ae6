// Open-loop load at a steady rate: requests leave at seeded random (Poisson) moments, whatever the
// server is doing, the way independent people in Teams send questions. Each latency is counted from
// the moment the request was due, not when it left, so a slow server or a late client cannot hide
// its own queueing ("coordinated omission").
//
// Why not autocannon's overallRate here: it paces each connection separately on the same clock, so
// with 10 connections the requests leave in bursts of 10 every tenth of a second; that measures how
// long the tenth of ten simultaneous questions waits, not 100 questions a second. autocannon still
// drives the throughput figures, where bursts are the point.
import { Agent, request } from 'node:http';
import { mulberry32 } from './loopbackTools';

export interface OpenLoopOptions {
  url: string;
  /** Requests per second, on average. */
  rate: number;
  durationS: number;
  body: () => string;
  seed?: number;
  timeoutMs?: number;
}

export interface OpenLoopResult {
  sent: number;
  /** Milliseconds from when each request was due to its full response, sorted ascending. */
  latencies: number[];
  errors: number;
  /** Requests per second actually completed. */
  rate: number;
}

export async function openLoopLoad(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const { url, rate, durationS, body } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const random = mulberry32(options.seed ?? 1);
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const inFlight = new Set<Promise<void>>();

  const send = (dueAt: number): void => {
    sent++;
    const payload = body();
    const done = new Promise<void>((resolve) => {
      const finish = (ok: boolean): void => {
        if (ok) latencies.push(performance.now() - dueAt);
        else errors++;
        resolve();
      };
      const req = request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }, timeout: timeoutMs },
        (res) => {
          res.resume();
          res.on('end', () => finish((res.statusCode ?? 500) < 300));
          res.on('error', () => finish(false));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => finish(false));
      req.end(payload);
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
  };

  const start = performance.now();
  const end = start + durationS * 1000;
  let next = start;
  while (next < end) {
    const now = performance.now();
    if (now < next) {
      // Sleep until shortly before the next request is due, then send every request now due.
      await new Promise((r) => setTimeout(r, Math.max(0, next - now - 1)));
      continue;
    }
    while (next <= performance.now() && next < end) {
      send(next);
      next += (-Math.log(1 - random()) / rate) * 1000;
    }
  }
  await Promise.all(inFlight);
  agent.destroy();
  const elapsedS = (performance.now() - start) / 1000;
  return { sent, latencies: latencies.sort((a, b) => a - b), errors, rate: latencies.length / elapsedS };
}
