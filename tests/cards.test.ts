import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import type { Answer } from '../src/answer/answerModel';
import { composeAnswer, openPassage } from '../src/answer/composeAnswer';
import { answerCard, cardsForAnswer, checkNote, notSureCard, planListCard, sdsCard, serviceCard, telHref, welcomeCard } from '../src/cards/cardData';
import { buttonTitle, CARD_NAMES, MAX_BUTTON_TITLE, type AdaptiveCardJson } from '../src/cards/cardTemplates';
import { sampleCards } from '../src/cards/sampleCards';
import { CARDS_DIR } from '../src/paths';
import type { ServiceRecord } from '../src/knowledge/types';
import { cardProblems } from './cardValidation';
import { builtKnowledge, searchEngine } from './helpers';

function assertValid(card: AdaptiveCardJson, label: string): void {
  assert.deepEqual(cardProblems(card), [], `${label} has problems`);
}

function allTexts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'text' || k === 'title' || k === 'value') && typeof v === 'string') out.push(v);
        else walk(v);
      }
    }
  };
  walk(card);
  return out;
}

describe('cards', () => {
  it('has a template for every card name and no stray templates', () => {
    const files = readdirSync(CARDS_DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    assert.deepEqual(files.sort(), [...CARD_NAMES].sort());
  });

  it('validates a realistic sample of every card template', () => {
    const samples = sampleCards(searchEngine());
    assert.deepEqual(samples.map((x) => x.name).sort(), [...CARD_NAMES].sort());
    for (const { name, card } of samples) assertValid(card, name);
  });

  it('expands and validates every service in the directory', () => {
    for (const service of builtKnowledge().services) assertValid(serviceCard(service, `service:${service.id}`), service.id);
  });

  it('expands and validates an answer card and an SDS card for every kind of passage', () => {
    const { passages } = builtKnowledge();
    const plan = passages.filter((p) => p.kind === 'plan');
    const sds = passages.filter((p) => p.kind === 'sds');
    const links = passages.slice(0, 2).map((p) => ({ id: p.id, title: p.title }));
    const suggestions = [{ label: 'More on aim 2', text: 'strategic aim 2' }];
    for (const p of plan) assertValid(answerCard(p, p.text, links, suggestions), p.id);
    for (const p of sds) assertValid(sdsCard(p, p.text, links, suggestions), p.id);
    // Empty lists must drop their containers, not leave empty action sets behind.
    assertValid(answerCard(plan[0], plan[0].text, [], []), 'answer card with no extras');
  });

  it('expands and validates the welcome and not-sure cards', () => {
    assertValid(welcomeCard(), 'welcome');
    assertValid(notSureCard([{ id: 'x', title: 'Short breaks for carers' }]), 'not sure');
    assertValid(notSureCard([]), 'not sure with no nearest topics');
  });

  it('builds valid cards for real answers of every type', () => {
    const engine = searchEngine();
    const questions = ['where can an unpaid carer get a break', 'what are the four SDS options', 'digital exclusion in Midlothian', 'help', ''];
    for (const q of questions) {
      for (const card of cardsForAnswer(composeAnswer(engine, q).answer)) assertValid(card, q || '(empty)');
    }
    const opened = openPassage(engine, builtKnowledge().passages[0].id) as Answer;
    for (const card of cardsForAnswer(opened)) assertValid(card, 'opened passage');
  });

  it('shows the service card facts: phone as a tel: link, hours, and a check note for old records', () => {
    const service = builtKnowledge().services.find((s) => (s.phones ?? []).length > 0 && s.as_of.startsWith('2020')) as ServiceRecord;
    assert.ok(service, 'a 2020 record with a phone exists');
    const texts = allTexts(serviceCard(service, 'x', new Date('2026-11-23T00:00:00Z'))).join('\n');
    const phone = (service.phones ?? [])[0];
    assert.ok(texts.includes(`[${phone.number}](${telHref(phone.number)})`), 'phone shown as a tel: link');
    assert.match(texts, /as of 2020.* — check before sharing/);
  });

  it('says "check before sharing" only for old or flagged records', () => {
    const base: ServiceRecord = {
      id: 'x', name: 'X', organization: 'O', description: 'A service description long enough.', categories: ['carers'],
      eligibility: 'Adults', how_to_access: 'Self-referral', area_served: 'Midlothian', source_urls: ['https://example.org'],
      as_of: '2026-06', review_flags: [], keywords: [],
    };
    const now = new Date('2026-11-23T00:00:00Z');
    assert.equal(checkNote(base, now), '');
    assert.match(checkNote({ ...base, as_of: '2025-01' }, now), /as of 2025-01 — check before sharing/);
    assert.match(checkNote({ ...base, review_flags: ['source-undated'] }, now), /check before sharing/);
    assert.match(checkNote({ ...base, as_of: 'undated' }, now), /undated source — check before sharing/);
  });

  it('turns printed phone numbers into dialable tel: links', () => {
    assert.equal(telHref('0131 271 3900'), 'tel:01312713900');
    assert.equal(telHref('116 123'), 'tel:116123');
    assert.equal(telHref('+44 (0)800 83 85 87'), 'tel:+440800838587');
  });

  it('a plan list keeps a commitment\'s list of what it includes, an item to a line; other extracts stay short', () => {
    const listed = `The partnership will help people decide. In practical terms, this includes - ${'training staff in many things, '.repeat(8)}- clear information for everyone.`;
    const plain = 'We will help. '.repeat(30);
    const card = JSON.stringify(planListCard('Commitments', [
      { aim: 3, title: 'Choice', extract: listed, passageId: 'p#1' },
      { aim: 3, title: 'Help', extract: plain, passageId: 'p#2' },
    ]));
    assert.match(card, /this includes\\n- training staff in many things, .*\\n- clear information for everyone\./);
    assert.ok(!card.includes(plain.trim()), 'a long extract without a list is shortened');
  });

  it('gives every card speak text for screen readers', () => {
    const { passages, services } = builtKnowledge();
    const cards = [welcomeCard(), notSureCard([]), serviceCard(services[0], 'x'), answerCard(passages[0], passages[0].text, [], [])];
    for (const card of cards) assert.ok(typeof card.speak === 'string' && card.speak.length > 5);
  });

  it('an SDS card shows no sentence twice: key points leave out what the summary above already says', () => {
    const passage = builtKnowledge().passages.find((p) => p.kind === 'sds' && p.summary && p.text.includes(p.summary.split('. ')[0]));
    assert.ok(passage, 'some SDS passage repeats its summary in its text');
    const card = JSON.stringify(sdsCard(passage, passage.text, [], []).body);
    const first = (passage.summary ?? '').split('. ')[0].replace(/[.]$/, '');
    assert.equal(card.split(first).length - 1, 1, `"${first}" shown more than once`);
    // The snippet bolds the sentence that answers best: bold, it is still the summary's sentence.
    const sentences = (passage.summary ?? '').split(/(?<=[.!?])\s+/);
    const bolded = `**${sentences[0]}** ${sentences.slice(1).join(' ')}`;
    const withBold = JSON.stringify(sdsCard(passage, bolded, [], []).body);
    assert.equal(withBold.split(first).length - 1, 1, `"${first}" shown more than once when bold`);
  });

  it('button titles fit: at most 30 characters, cut at a word, the whole title kept as the tooltip', () => {
    const titles: string[] = [];
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach(walk);
      const n = node as { type?: string; title?: string; tooltip?: string };
      if (n.type?.startsWith('Action.') && typeof n.title === 'string') {
        titles.push(n.title);
        if (n.title.endsWith('…')) assert.ok(n.tooltip && n.tooltip.startsWith(n.title.slice(0, -1)), n.title);
      }
      Object.values(node).forEach(walk);
    };
    walk(sampleCards(searchEngine()).map((s) => s.card));
    walk(cardsForAnswer(composeAnswer(searchEngine(), 'where can an unpaid carer get a short break').answer));
    assert.ok(titles.length > 20);
    for (const t of titles) assert.ok(t.length <= MAX_BUTTON_TITLE, `"${t}" is ${t.length} characters`);
    assert.equal(buttonTitle('Short Breaks Fund and Better Breaks Fund (administered by Wee Break Midlothian)'), 'Short Breaks Fund and Better…');
  });

  it("a carousel's first card carries every shown service's phone number, for clients that show only the first card", () => {
    const { answer } = composeAnswer(searchEngine(), 'where can an unpaid carer get a short break');
    assert.equal(answer.type, 'services');
    const [first, ...rest] = cardsForAnswer(answer);
    assert.ok(rest.length > 0);
    const numbers = answer.services.flatMap((s) => (s.phones?.[0] ? [s.phones[0].number] : []));
    assert.ok(numbers.length > 0);
    for (const n of numbers) assert.ok(JSON.stringify(first).includes(n), n);
    assert.deepEqual(cardProblems(first), []);
  });
});
