import assert from 'node:assert/strict';
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { advance, FLOW_TTL_MS, typedFlowInput, type FlowState } from '../src/signpost/flow';
import { buildSignposting, copyForPerson } from '../src/signpost/signposting';
import { RecordStore } from '../src/storage/records';
import { SIGNPOST_CANCELLED, SIGNPOST_EXPIRED } from '../src/conversation/messages';
import { MidWayBot } from '../src/teams/midwayBot';
import { say, searchEngine, silentLogger } from './helpers';

/** A bot on a given storage and clock: a "restart" is a new bot on the same storage. */
function botOn(storage: MemoryStorage, now: () => Date): MidWayBot {
  return new MidWayBot({ engine: searchEngine(), records: new RecordStore(storage), conversationState: new ConversationState(storage), logger: silentLogger(), now });
}

const card = (a: Partial<Activity> | undefined): string => JSON.stringify(a?.attachments?.map((x) => x.content) ?? []);
const press = (action: string, extra: Record<string, unknown> = {}): Partial<Activity> => ({ type: ActivityTypes.Message, value: { verb: 'signpost', action, ...extra } });

describe('guided signposting: the state machine', () => {
  const t0 = new Date('2026-11-23T10:00:00Z');

  it('asks what, who, where, when in order, then is done with the answers', () => {
    let state: FlowState | undefined;
    const steps: string[] = [];
    let result = advance(undefined, { kind: 'start' }, t0);
    for (const value of ['a break from caring', 'unpaid-carer', 'Penicuik', 'soon']) {
      state = result.state;
      if (result.outcome.kind === 'ask') steps.push(result.outcome.step);
      result = advance(state, { kind: 'answer', value }, t0);
    }
    assert.deepEqual(steps, ['what', 'who', 'where', 'when']);
    assert.deepEqual(result.outcome, { kind: 'done', answers: { what: 'a break from caring', who: 'unpaid-carer', where: 'Penicuik', when: 'soon' } });
    assert.equal(result.state, undefined, 'state cleared when done');
  });

  it('lets every step be skipped', () => {
    let result = advance(undefined, { kind: 'start' }, t0);
    for (let i = 0; i < 4; i++) result = advance(result.state, { kind: 'skip' }, t0);
    assert.deepEqual(result.outcome, { kind: 'done', answers: {} });
  });

  it('cancels, restarts, expires, and ignores a button from an earlier step', () => {
    const started = advance(undefined, { kind: 'start' }, t0);
    assert.deepEqual(advance(started.state, { kind: 'cancel' }, t0), { outcome: { kind: 'cancelled' } });
    const second = advance(started.state, { kind: 'answer', value: 'x' }, t0);
    assert.deepEqual(advance(second.state, { kind: 'restart' }, t0).outcome, { kind: 'ask', step: 'what' });
    const late = new Date(t0.getTime() + FLOW_TTL_MS + 1000);
    assert.deepEqual(advance(second.state, { kind: 'answer', value: 'y' }, late).outcome, { kind: 'expired' });
    assert.deepEqual(advance(second.state, { kind: 'answer', step: 'what', value: 'old' }, t0).outcome, { kind: 'ask', step: 'who', repeated: true });
  });

  it('reads typed words that steer the flow', () => {
    assert.deepEqual(typedFlowInput('Cancel'), { kind: 'cancel' });
    assert.deepEqual(typedFlowInput('start again'), { kind: 'restart' });
    assert.deepEqual(typedFlowInput('skip'), { kind: 'skip' });
    assert.deepEqual(typedFlowInput('meeting people'), { kind: 'answer', value: 'meeting people' });
  });
});

describe('guided signposting: in conversation', () => {
  let now = new Date('2026-11-23T10:00:00Z');
  const clock = (): Date => now;

  it('runs the whole flow from the welcome button to the signposting card, with typed and chosen answers', async () => {
    const bot = botOn(new MemoryStorage(), clock);
    const a = new TestAdapter(async (c) => bot.run(c));
    let replies = await say(a, press('start'));
    assert.match(card(replies[0]), /What matters to the person/);
    replies = await say(a, 'getting a break from caring for her husband');
    assert.match(card(replies[0]), /Who are they/);
    replies = await say(a, press('answer', { step: 'who', choice: 'unpaid-carer' }));
    assert.match(card(replies[0]), /Where do they live/);
    replies = await say(a, press('answer', { step: 'where', choice: 'Penicuik' }));
    assert.match(card(replies[0]), /How soon/);
    replies = await say(a, press('answer', { step: 'when', choice: 'soon' }));
    const result = card(replies[0]);
    assert.match(result, /Signposting the MidWay/);
    assert.match(result, /VOCAL|Wee Breaks/);
    assert.match(result, /Adult carer support plans/);
    assert.match(result, /what matters to me — 68%/);
    assert.match(result, /Text to copy for the person/);
    const serviceIds = (JSON.parse(result) as Array<{ actions: Array<{ data: { verb: string; serviceIds?: string[] } }> }>)[0].actions.find((x) => x.data.verb === 'signpost-copy')?.data.serviceIds;
    const copy = await say(a, { type: ActivityTypes.Message, value: { verb: 'signpost-copy', serviceIds } });
    assert.match(copy[0].text ?? '', /^Services that may help/);
    assert.doesNotMatch(copy[0].text ?? '', /husband/);
  });

  it('starts from typed words, cancels and starts again', async () => {
    const bot = botOn(new MemoryStorage(), clock);
    const a = new TestAdapter(async (c) => bot.run(c));
    assert.match(card((await say(a, 'help me signpost someone'))[0]), /What matters/);
    assert.match(card((await say(a, 'skip'))[0]), /Who are they/);
    assert.match(card((await say(a, 'start again'))[0]), /What matters/);
    assert.equal((await say(a, 'cancel'))[0].text, SIGNPOST_CANCELLED);
    // After cancelling, a question is a question again.
    assert.match(card((await say(a, 'what are the four SDS options'))[0]), /Option 1/);
  });

  it('skips every step and still gives useful signposting', async () => {
    const bot = botOn(new MemoryStorage(), clock);
    const a = new TestAdapter(async (c) => bot.run(c));
    await say(a, 'signpost');
    for (const step of ['what', 'who', 'where']) await say(a, press('skip', { step }));
    const replies = await say(a, press('skip', { step: 'when' }));
    assert.match(card(replies[0]), /Services that may help/);
  });

  it('carries on after the bot restarts, from the same storage', async () => {
    const storage = new MemoryStorage();
    const first = new TestAdapter(async (c) => botOn(storage, clock).run(c));
    await say(first, 'signpost');
    await say(first, 'meeting people and getting out of the house');
    // A new bot (as after a restart or on another instance) with the same storage and conversation.
    const second = new TestAdapter(async (c) => botOn(storage, clock).run(c));
    const replies = await say(second, press('answer', { step: 'who', choice: 'older-person' }));
    assert.match(card(replies[0]), /Where do they live/);
  });

  it('expires gracefully after a long pause, then answers normally', async () => {
    const storage = new MemoryStorage();
    now = new Date('2026-11-23T10:00:00Z');
    const a = new TestAdapter(async (c) => botOn(storage, clock).run(c));
    await say(a, 'signpost');
    now = new Date(now.getTime() + FLOW_TTL_MS + 60_000);
    const replies = await say(a, 'samaritans phone number');
    assert.equal(replies[0].text, SIGNPOST_EXPIRED);
    assert.match(card(replies[1]), /116 123/);
    const stale = await say(a, press('answer', { step: 'who', choice: 'unpaid-carer' }));
    assert.equal(stale[0].text, SIGNPOST_EXPIRED);
    now = new Date('2026-11-23T10:00:00Z');
  });

  it('puts the emergency routes first when what matters suggests someone is at risk', async () => {
    const bot = botOn(new MemoryStorage(), clock);
    const a = new TestAdapter(async (c) => bot.run(c));
    await say(a, 'signpost');
    const replies = await say(a, 'he says he wants to end his life');
    assert.match(card(replies[0]), /If someone is at risk right now/);
    assert.match(card(replies[1]), /Who are they/);
  });

  it('never keeps personal details typed into the flow', async () => {
    const storage = new MemoryStorage();
    const a = new TestAdapter(async (c) => botOn(storage, clock).run(c));
    await say(a, 'signpost');
    await say(a, 'Mrs Smith at EH26 8AB, 07700 900123, wants to get out more');
    const stored = JSON.stringify((storage as unknown as { memory: unknown }).memory);
    assert.ok(!stored.includes('EH26 8AB') && !stored.includes('07700 900123'));
    assert.match(stored, /wants to get out more/);
  });
});

describe('the signposting card', () => {
  it('puts services in the chosen community before Midlothian-wide and national ones', () => {
    const result = buildSignposting(searchEngine(), { what: 'day centre', who: 'older-person', where: 'Penicuik' });
    assert.ok(result.services.length >= 1 && result.services.length <= 5);
    assert.match(result.services[0].name, /Penicuik/);
  });

  it('names the relevant SDS for an unpaid carer and the three good-conversation prompts', () => {
    const result = buildSignposting(searchEngine(), { who: 'unpaid-carer' });
    assert.ok(result.sds.some((p) => p.docId === 'sds-adult-carer-support-plan'));
    assert.equal(result.prompts.length, 3);
    assert.match(result.prompts.join(' '), /68%.*63%.*55%/);
  });

  it('gives a copy-for-the-person summary with contacts and nothing about the person', () => {
    const result = buildSignposting(searchEngine(), { what: 'Mrs Jones needs a break', who: 'unpaid-carer' });
    assert.equal(result.copyText, copyForPerson(result.services));
    assert.ok(!result.copyText.includes('Mrs Jones'));
    assert.match(result.copyText, /0131 663 6869/);
  });

  it('adds the out-of-hours routes when help is needed today', () => {
    const result = buildSignposting(searchEngine(), { who: 'mental-distress', when: 'urgent' });
    assert.ok(result.urgentRoutes.some((r) => r.number === '111'));
  });
});
