import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { SERVER_BUNDLE } from '../src/paths';

describe('start-up', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, [SERVER_BUNDLE], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 10_000 });

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
