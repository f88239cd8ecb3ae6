import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import { safetyFirst } from '../src/answer/composeAnswer';
import { cardsForAnswer } from '../src/cards/cardData';
import { PROJECT_ROOT } from '../src/paths';
import { assessRisk, type RiskKind } from '../src/safety/riskDetector';
import { makeBot, searchEngine } from './helpers';

interface Labelled {
  text: string;
  risk: RiskKind | null;
}

const LABELLED = JSON.parse(readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'risk-phrasings.json'), 'utf8')) as Labelled[];

/** Share of ordinary questions that raise the emergency card; README reports it. */
export function falseAlarmRate(): { alarms: string[]; rate: number } {
  const ordinary = LABELLED.filter((l) => l.risk === null);
  const alarms = ordinary.filter((l) => assessRisk(l.text).kinds.length > 0).map((l) => l.text);
  return { alarms, rate: alarms.length / ordinary.length };
}

describe('safety first', () => {
  it('has a labelled list of at least 100 risk and non-risk phrasings', () => {
    assert.ok(LABELLED.length >= 100);
    assert.ok(LABELLED.filter((l) => l.risk).length >= 50 && LABELLED.filter((l) => !l.risk).length >= 50);
  });

  it('routes every risk phrasing, to the right kind of risk', () => {
    for (const { text, risk } of LABELLED.filter((l) => l.risk)) {
      assert.ok(assessRisk(text).kinds.includes(risk as RiskKind), `"${text}" should be ${risk}, got [${assessRisk(text).kinds.join(', ')}]`);
    }
  });

  it('rarely raises a false alarm on ordinary questions (at most 3 %)', () => {
    const { alarms, rate } = falseAlarmRate();
    assert.ok(rate <= 0.03, `false-alarm rate ${(rate * 100).toFixed(1)} %: ${alarms.join(' | ')}`);
  });

  it('draws the emergency routes from the directory: 999, NHS 24, Samaritans, Breathing Space', () => {
    const answer = safetyFirst(searchEngine(), 'he told me he is suicidal');
    assert.ok(answer && answer.type === 'emergency');
    const text = JSON.stringify(cardsForAnswer(answer));
    for (const number of ['999', '116 123', '0800 83 85 87', '111', '0800 731 6969']) assert.ok(text.includes(number), `missing ${number}`);
    assert.match(text, /tel:999/);
    const services = searchEngine().services;
    for (const route of answer.routes) {
      assert.ok(services.some((s) => (s.phones ?? []).some((p) => p.number === route.number)), `${route.number} is not in the directory`);
    }
  });

  it('leads with the domestic abuse routes for domestic abuse', () => {
    const answer = safetyFirst(searchEngine(), 'her partner hits her');
    assert.ok(answer && answer.type === 'emergency');
    assert.deepEqual(answer.routes.slice(0, 2).map((r) => r.number), ['999', '0131 561 5800']);
  });

  it('shows the emergency card first in a conversation, then the normal answer', async () => {
    const { bot } = makeBot();
    const replies: Array<Partial<Activity>> = [];
    const adapter = new TestAdapter(async (context) => bot.run(context));
    await adapter.send('client says she wants to end her life, where can she get mental health support');
    while (adapter.activeQueue.length) replies.push(adapter.activeQueue.shift() as Partial<Activity>);
    const messages = replies.filter((r) => r.type === 'message');
    assert.ok(messages.length >= 2);
    assert.match(JSON.stringify(messages[0].attachments), /If someone is at risk right now/);
    assert.doesNotMatch(JSON.stringify(messages[1].attachments), /If someone is at risk right now/);
  });

  it('does not show the emergency card for an ordinary question', async () => {
    const { bot } = makeBot();
    const adapter = new TestAdapter(async (context) => bot.run(context));
    await adapter.send('end of life care services');
    const all = JSON.stringify(adapter.activeQueue);
    assert.doesNotMatch(all, /If someone is at risk right now/);
  });
});
