// Every card template, with realistic data, rendered by the Adaptive Cards HTML renderer in headless
// Chromium under the light, dark and high-contrast host configs.
import assert from 'node:assert/strict';
import { CARD_NAMES } from '../../src/cards/cardTemplates';
import { sampleCards } from '../../src/cards/sampleCards';
import { CHROMIUM_PATH, renderPreviews, THEMES } from '../../src/cli/cardsPreview';
import { requireChromium } from './chromium';
import { searchEngine } from '../helpers';


describe('cards as people see them', function () {
  this.timeout(120_000);

  it('has a realistic sample of every card template', () => {
    assert.deepEqual(sampleCards(searchEngine()).map((s) => s.name).sort(), [...CARD_NAMES].sort());
  });

  it('renders every card in every theme with no errors, and with speak text and image alt text', async function () {
    requireChromium(this);
    const results = await renderPreviews(sampleCards(searchEngine()), CHROMIUM_PATH);
    assert.equal(results.length, CARD_NAMES.length * THEMES.length);
    for (const r of results) {
      assert.deepEqual(r.errors, [], `${r.card} in ${r.theme}`);
      assert.ok(r.hasSpeak, `${r.card} has no speak text`);
      assert.equal(r.imagesWithoutAlt, 0, `${r.card} has images without alt text`);
    }
  });
});
