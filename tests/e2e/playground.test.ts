// End to end through a real local Teams-like client: the Microsoft 365 Agents Playground, driven in
// headless Chromium (Debian's chromium package) with playwright-core. Skipped, with a reason, where
// there is no Chromium, except in CI, where it must run.
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort } from '../../src/bench/loopbackTools';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/cli/cardsPreview';
import { startLocalClient, type LocalClient } from '../../src/cli/playground';
import { requireChromium } from './chromium';


describe('end to end in the Microsoft 365 Agents Playground', function () {
  this.timeout(120_000);
  let client: LocalClient | undefined;
  let browser: Browser | undefined;
  let page: Page;

  before(async function () {
    requireChromium(this);
    client = await startLocalClient(await freePort(), await freePort());
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`http://127.0.0.1:${client.playgroundPort}/`, { waitUntil: 'networkidle' });
    await page.getByText('Personal Chat').first().click();
  });

  after(async () => {
    await browser?.close();
    await client?.stop();
  });

  it('welcomes, answers a typed question with a rendered card, and a card button works', async () => {
    await page.getByText('Try one of these:').first().waitFor({ timeout: 20_000 });
    const box = page.getByRole('textbox').first();
    await box.click();
    await page.keyboard.type('what is an individual service fund');
    await page.keyboard.press('Enter');
    const card = page.locator('.ac-adaptiveCard', { hasText: 'Individual Service Fund' }).last();
    await card.waitFor({ timeout: 20_000 });
    assert.ok(await card.getByRole('button', { name: 'Helpful', exact: true }).isVisible());
    await card.getByRole('button', { name: 'Helpful', exact: true }).click();
    await page.getByText('Thank you, that helps us improve the answers.').last().waitFor({ timeout: 20_000 });
  });

  it('answers a search in the messaging extension with result previews', async () => {
    await page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
    await page.getByText('Search Command').click();
    await page.getByPlaceholder('Enter a search term').fill('short breaks for carers');
    await page.keyboard.press('Enter');
    await page.getByText('Wee Breaks (short breaks for unpaid carers)').first().waitFor({ timeout: 20_000 });
  });
});
