// Over every service in the directory: no card shows a curator's note, and the text to copy for the
// person holds only routes the public can use.
import assert from 'node:assert/strict';
import { serviceCard } from '../src/cards/cardData';
import { hasCuratorNote, isProfessionalOnly, withoutCuratorNotes } from '../src/knowledge/publicText';
import { copyForPerson } from '../src/signpost/signposting';
import { serviceDetailText } from '../src/conversation/serviceDetail';
import { builtKnowledge } from './helpers';
import { holdsDetail } from '../src/knowledge/recordDetails';
import { MADE_UP_SERVICES } from './fixtures/madeUpKnowledge';

describe("what is safe to show of the directory (every service)", () => {
  const services = builtKnowledge().services;

  it('the directory does hold curator notes and professional-only numbers (so the checks below can fail)', () => {
    assert.ok(services.some((s) => hasCuratorNote(s.how_to_access)));
    assert.ok(services.some((s) => (s.phones ?? []).some((p) => isProfessionalOnly(s, p))));
  });

  it("no service card, and no follow-up detail, shows a curator's note; every card says how to refer", () => {
    for (const s of services) {
      const card = JSON.stringify(serviceCard(s, `service:${s.id}`, new Date('2026-11-29')));
      assert.ok(!hasCuratorNote(card), `${s.id}: ${card.match(/[^"]*(verify|sources read|do not say|probably|captured)[^"]*/i)?.[0]}`);
      assert.match(card, /How to refer/, s.id);
      for (const field of ['phone', 'refer', 'hours', 'address', 'who'] as const) {
        assert.ok(!hasCuratorNote(serviceDetailText([s], field)), `${s.id} ${field}`);
      }
    }
  });

  it('the copy text holds no curator note and no number meant for professionals', () => {
    for (const s of services) {
      const text = copyForPerson([s]);
      assert.ok(!hasCuratorNote(text), `${s.id}: ${text}`);
      for (const p of s.phones ?? []) if (isProfessionalOnly(s, p)) assert.ok(!text.includes(p.number), `${s.id} offers ${p.number} (${p.description})`);
    }
  });

  it('no passage of the guidance or the plan holds a curator\'s note ("could not be confirmed", "verify")', () => {
    assert.ok(hasCuratorNote('The 2024 title of Standard 7 could not be confirmed.'));
    assert.ok(hasCuratorNote('This has not been checked against the published plan.'));
    assert.ok(hasCuratorNote('Standard 5 (title to be confirmed)'));
    assert.ok(hasCuratorNote('Older people with care needs (per sources).'));
    assert.equal(withoutCuratorNotes('£4 per week, paid quarterly in advance (per source)'), '£4 per week, paid quarterly in advance');
    assert.ok(!hasCuratorNote('The council must confirm the budget in writing.'));
    for (const p of builtKnowledge().passages) {
      if (p.kind === 'service') continue;
      // The summary is shown above the passage on its card.
      const shown = `${p.title} ${p.summary ?? ''} ${p.text}`;
      assert.ok(!hasCuratorNote(shown), `${p.id}: ${shown.match(/[^.]*(?:verify|confirmed|checked|probably|sources)[^.]*/i)?.[0]}`);
    }
  });

  it('a route left empty by its notes says there is none and names who to ask', () => {
    assert.equal(withoutCuratorNotes('The sources read do not say.'), '');
    const bare = services.find((s) => withoutCuratorNotes(s.how_to_access) === '');
    assert.ok(bare, 'some service publishes no route');
    assert.match(JSON.stringify(serviceCard(bare, `service:${bare.id}`)), new RegExp(`No referral route is published for this service\\. Ask ${bare.organization.replace(/[()]/g, '.')}`));
  });
});

describe('what a record holds (made-up records)', () => {
  const base = MADE_UP_SERVICES.find((s) => s.id === 'sunny-lunch-club');
  it('finds a detail in its field or in its words, and the follow-up reply says the same', () => {
    assert.ok(base);
    const free = { ...base, description: 'A weekly lunch club for older people. Free to attend, open 11am to 2pm.' };
    assert.ok(holdsDetail(free, 'cost') && holdsDetail(free, 'hours'));
    assert.ok(!holdsDetail(free, 'phone') && !holdsDetail(free, 'email'));
    assert.match(serviceDetailText([free], 'cost'), /cost: Free to attend, open 11am to 2pm\./);
    assert.ok(!holdsDetail(base, 'cost'));
    assert.match(serviceDetailText([base], 'cost'), /no cost is published/);
    // Cost told in words: "low-cost", "charges apply for meals".
    const lowCost = { ...base, description: 'Low-cost activities for people over 50.' };
    assert.match(serviceDetailText([lowCost], 'cost'), /cost: Low-cost activities for people over 50\./);
    assert.ok(holdsDetail({ ...base, eligibility: 'Charges apply for meals and transport.' }, 'cost'));
    assert.ok(!holdsDetail({ ...base, description: 'A lunch club that helps with the cost of living.' }, 'cost'));
  });
});
