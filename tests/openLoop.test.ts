import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { openLoopLoad } from '../src/bench/openLoop';

/** Answers every request after the delay given as its argument, every fifth with 500; prints its port.
 * It runs in a process of its own, so a stall in the client cannot delay it. */
const SERVER = `
const delay = Number(process.argv[1]);
let received = 0;
const server = require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const status = ++received % 5 === 0 ? 500 : 200;
    setTimeout(() => { res.writeHead(status); res.end(); }, delay);
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

async function startServer(delayMs: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', SERVER, String(delayMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout?.once('data', (c: Buffer) => resolve(c.toString().trim())));
  return { url: `http://127.0.0.1:${port}/x`, child };
}

describe('open-loop load (bench)', function () {
  this.timeout(15_000);

  it('sends at the asked rate whatever the server does, the same for the same seed, and counts failures', async () => {
    const { url, child } = await startServer(20);
    try {
      const result = await openLoopLoad({ url, rate: 200, durationS: 1, body: () => '{}', seed: 3 });
      // Poisson arrivals at 200/s for 1 s: about 200, while each answer takes 20 ms.
      assert.ok(result.sent > 150 && result.sent < 250, `sent ${result.sent}`);
      assert.equal(result.errors, Math.floor(result.sent / 5));
      assert.equal(result.latencies.length, result.sent - result.errors);
      assert.ok(result.latencies[0] >= 19, `fastest ${result.latencies[0]} ms`);
      const again = await openLoopLoad({ url, rate: 200, durationS: 1, body: () => '{}', seed: 3 });
      assert.equal(again.sent, result.sent);
    } finally {
      child.kill();
    }
  });

  it('times each request from when it was due, so a client that falls behind cannot hide it', async () => {
    const { url, child } = await startServer(0);
    try {
      let bodies = 0;
      // With a fast server nothing is in flight when the client stalls for 100 ms once; the requests
      // due meanwhile leave late, and their lateness must count.
      const body = (): string => {
        if (++bodies === 10) for (const until = performance.now() + 100; performance.now() < until; );
        return '{}';
      };
      const result = await openLoopLoad({ url, rate: 50, durationS: 1, body, seed: 4 });
      const late = result.latencies.filter((ms) => ms >= 40).length;
      assert.ok(late >= 3, `${late} requests at 40 ms or more: ${result.latencies.slice(-6).map(Math.round).join(', ')}`);
    } finally {
      child.kill();
    }
  });
});
