import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_CODE_CACHE, SERVER_START } from '../src/paths';
import { startBundledServer } from './helpers';

describe('start-up', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, [SERVER_START], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 10_000 });

  it('refuses to start in production without MicrosoftAppId: non-zero exit, one clear line', () => {
    const result = start({ NODE_ENV: 'production', PORT: '0' });
    assert.notEqual(result.status, 0);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0], /^Configuration error: .*MicrosoftAppId/);
  });

  it('refuses a broken setting the same way', () => {
    const result = start({ MicrosoftAppId: 'x', MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'p', PORT: '0' });
    assert.notEqual(result.status, 0);
    assert.match(result.stderr.trim(), /^Configuration error: MicrosoftAppTenantId is required/);
  });
});

describe('start-up from the code cache', function () {
  this.timeout(30_000);

  /** Runs the bundle through the launcher with the given cache file; resolves with how the cache was used once the server listens. */
  async function launch(cacheFile: string): Promise<{ use: string; readyStatus: number }> {
    const script = `const use = require(${JSON.stringify(SERVER_START)}).runBundle(undefined, ${JSON.stringify(cacheFile)}); process.stderr.write('cache:' + use + '\\n');`;
    const server = await startBundledServer({}, ['-e', script]);
    try {
      const readyStatus = (await fetch(`http://127.0.0.1:${server.port}/readyz`)).status;
      return { use: /cache:(\w+)/.exec(server.stderr())?.[1] ?? 'unknown', readyStatus };
    } finally {
      await server.stop();
    }
  }

  it('uses the cache the build wrote', async () => {
    assert.ok(existsSync(SERVER_CODE_CACHE), 'npm run build writes the code cache');
    assert.deepEqual(await launch(SERVER_CODE_CACHE), { use: 'used', readyStatus: 200 });
  });

  it('starts normally when the cache is damaged or missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'midway-cache-'));
    try {
      const damaged = join(dir, 'damaged.v8-cache');
      writeFileSync(damaged, Buffer.from('not a code cache'));
      assert.deepEqual(await launch(damaged), { use: 'rejected', readyStatus: 200 });
      assert.deepEqual(await launch(join(dir, 'missing.v8-cache')), { use: 'absent', readyStatus: 200 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
