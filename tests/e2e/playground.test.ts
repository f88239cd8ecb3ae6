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

  it('welcomes, answers a typed question with a rendered card and its source as a citation, and a card button works', async () => {
    await page.getByText('Try one of these:').first().waitFor({ timeout: 20_000 });
    const box = page.getByRole('textbox').first();
    await box.click();
    await page.keyboard.type('what is an individual service fund');
    await page.keyboard.press('Enter');
    const card = page.locator('.ac-adaptiveCard', { hasText: 'Individual Service Fund' }).last();
    await card.waitFor({ timeout: 20_000 });
    // The answer names its source (the SDS article) with a citation marker the client draws as a link.
    const source = page.getByText(/^Source: Option 2: the person chooses/).last();
    await source.waitFor({ timeout: 20_000 });
    assert.ok(!(await source.innerText()).includes('[1]'), 'the [1] marker is drawn as a citation, not shown as text');
    assert.ok(await page.getByRole('button', { name: '1', exact: true }).last().isVisible(), 'citation 1');
    assert.equal(await card.getByRole('button', { name: 'Helpful', exact: true }).count(), 0, "the client's own feedback buttons replace the card's");
    await card.getByRole('button', { name: 'The four SDS options', exact: true }).click();
    await page.locator('.ac-adaptiveCard', { hasText: 'Option 1' }).last().waitFor({ timeout: 20_000 });
  });

  it("takes feedback through the client's own buttons: the bot answers the submitAction, the client thanks", async () => {
    await page.getByRole('button', { name: 'Dislike', exact: true }).last().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill('The phone number is out of date');
    await dialog.getByRole('button', { name: /submit/i }).click();
    // The Playground thanks only when the bot answers the invoke with success.
    await dialog.getByText('We appreciate your feedback.').waitFor({ timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Close' }).first().click();
  });

  it('answers a search in the messaging extension with result previews', async () => {
    await page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
    await page.getByText('Search Command').click();
    await page.getByPlaceholder('Enter a search term').fill('short breaks for carers');
    await page.keyboard.press('Enter');
    await page.getByText('Wee Breaks (short breaks for unpaid carers)').first().waitFor({ timeout: 20_000 });
  });
});
