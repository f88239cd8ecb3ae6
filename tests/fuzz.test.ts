import assert from 'node:assert/strict';
import { runFuzz } from '../src/cli/fuzz';

describe('fuzzing the HTTP edge (a few hundred cases; npm run fuzz runs 10,000)', function () {
  this.timeout(120_000);

  it('answers random bodies and activities with 2xx, 400, 401 or 413 only, and stays healthy', async () => {
    const report = await runFuzz(300, 20261123);
    assert.ok(report.healthyAfter);
    for (const status of Object.keys(report.statuses).map(Number)) assert.ok([200, 201, 202, 204, 400, 401, 413].includes(status), `status ${status}`);
    assert.ok((report.statuses[200] ?? 0) > 10, `few requests reached the bot: ${JSON.stringify(report.statuses)}`);
  });
});
