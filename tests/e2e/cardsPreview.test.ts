// Every card template, with realistic data, rendered by the Adaptive Cards HTML renderer in headless
// Chromium under the light, dark and high-contrast host configs.
import assert from 'node:assert/strict';
import { CARD_NAMES } from '../../src/cards/cardTemplates';
import { sampleCards } from '../../src/cards/sampleCards';
import { contrastProblems, contrastRatio, textUses } from '../../src/cards/contrast';
import { CHROMIUM_PATH, readabilityProblems, renderPreviews, THEMES } from '../../src/cli/cardsPreview';
import { requireChromium } from './chromium';
import { searchEngine } from '../helpers';


describe('cards as people see them', function () {
  this.timeout(120_000);

  it('has a realistic sample of every card template', () => {
    assert.deepEqual(sampleCards(searchEngine()).map((s) => s.name).sort(), [...CARD_NAMES].sort());
  });

  it('has text that can be read: contrast at least 4.5:1 for every text colour in every container style used, in every theme', () => {
    const samples = sampleCards(searchEngine());
    const uses = samples.flatMap((s) => textUses(s.card));
    assert.ok(uses.some((u) => u.container === 'attention'), 'the sample cards use an attention container');
    assert.ok(uses.some((u) => u.color === 'warning'), 'the sample cards use warning text');
    for (const { theme, problems } of readabilityProblems(samples)) assert.deepEqual(problems, [], theme);
  });

  it('the contrast check fails text that is too faint, and a missing container style', () => {
    assert.ok(Math.abs(contrastRatio('#000000', '#FFFFFF') - 21) < 0.01);
    const faint = { containerStyles: { default: { backgroundColor: '#292929', foregroundColors: { default: { default: '#555555', subtle: '#444444' } } } } };
    assert.equal(contrastProblems(faint, [{ container: 'default', color: 'default', subtle: false }, { container: 'attention', color: 'default', subtle: false }]).length, 2);
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
