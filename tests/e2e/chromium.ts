// The end-to-end tests need Debian's Chromium: without it they are skipped, except in CI, where a
// missing browser is a failure (.ci/run installs it).
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from '../../src/cli/cardsPreview';

export function requireChromium(context: Mocha.Context): void {
  if (existsSync(CHROMIUM_PATH)) return;
  if (process.env.CI) throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: .ci/run installs it (apt-get install chromium)`);
  context.skip();
}
