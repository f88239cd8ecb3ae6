// The conversation core on its own, on a small made-up knowledge set: turns in, replies, memory and
// records out, with no channel and no network.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ConversationCore, MAX_MESSAGE_CHARS } from '../src/conversation/core';
import { applySlots, askedOfShown, asideQuestion, asksBare, slotsIn, asksNothingOfItsOwn, namesOnlyTheAnswer, asksOutOfHours, hourAsked, legalReferences, leansBack, namedWithArticle, resolveFollowUp, startsNewTopic, topicWords, withoutNewTopicWords, pickedByName } from '../src/conversation/followUp';
import { parsePlanQuery } from '../src/answer/planQuery';
import { listNounOf, MEMORY_TTL_MS, type ConversationMemory, type LastShown } from '../src/conversation/memory';
import { LONG_MESSAGE_NOTICE, NO_OTHER_SERVICES, OTHER_LANGUAGE_HINT, PRIVACY_REMINDER, SMALL_TALK_REPLIES } from '../src/conversation/messages';
import { latestClosing, openAt, recordSaysAll, recordSentenceSaying } from '../src/conversation/serviceDetail';
import type { ServiceRecord } from '../src/knowledge/types';
import type { TurnOutcome } from '../src/conversation/turn';
import { PROJECT_ROOT } from '../src/paths';
import { madeUpArticle, madeUpEngine, madeUpEngineWith } from './fixtures/madeUpKnowledge';

function firstText(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  if (Array.isArray(node)) return node.map(firstText).find(Boolean) ?? '';
  const n = node as { type?: string; text?: unknown };
  if (n.type === 'TextBlock' && typeof n.text === 'string') return n.text;
  return Object.values(node).map(firstText).find(Boolean) ?? '';
}

/** A conversation with the core: each call is one turn, memory carried from the last. */
function conversation(start = new Date('2026-03-02T10:00:00Z'), engine = madeUpEngine()): { say(text: string, minutesLater?: number): TurnOutcome; memory(): ConversationMemory } {
  const core = new ConversationCore(engine);
  let memory: ConversationMemory = {};
  let now = start;
  return {
    say(text: string, minutesLater = 1) {
      now = new Date(now.getTime() + minutesLater * 60_000);
      const outcome = core.respond({ input: { kind: 'text', text }, memory, now, conversation: 'hash' });
      memory = outcome.memory;
      return outcome;
    },
    memory: () => memory,
  };
}

const texts = (o: TurnOutcome): string[] => o.replies.flatMap((r) => (r.kind === 'text' ? [r.text] : []));
const cards = (o: TurnOutcome): unknown[] => o.replies.flatMap((r) => (r.kind === 'cards' ? r.cards : []));
const headline = (o: TurnOutcome): string => (cards(o).length ? firstText(cards(o)[0]) : (texts(o).at(-1) ?? ''));

describe('conversation core (made-up knowledge)', () => {
  it('answers a question with card data, remembers what it showed, and keeps no record when it answered', () => {
    const c = conversation();
    const out = c.say('debt advice in Bonnyrigg');
    assert.equal(out.answer?.type, 'services');
    assert.match(headline(out), /Bonnyrigg Money Help/);
    assert.deepEqual(out.records, []);
    assert.equal(c.memory().last?.services?.[0]?.id, 'bonnyrigg-money-help');
    assert.equal(c.memory().last?.place, 'Bonnyrigg');
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(c.memory())), 'memory is plain JSON');
  });

  it('"their number", "when are they open", "where are they" name the service and the detail, with its source', () => {
    const c = conversation();
    c.say('Riverside Carers Hub');
    const phone = c.say("what's their number?");
    assert.equal(phone.log.followUp, 'detail');
    assert.match(texts(phone)[0], /^\*\*Riverside Carers Hub\*\* — phone: 0131 496 0001 \(Carers advice line\) _\(service directory, source dated 2026-01-01\)_$/);
    assert.match(texts(c.say('when are they open?'))[0], /Riverside Carers Hub\*\* — opening hours: Monday to Friday/);
    assert.match(texts(c.say('where are they?'))[0], /Riverside Carers Hub\*\* — address: 1 River Street, Dalkeith/);
    // Why it is asked, said last, is not what is asked.
    assert.match(texts(c.say('address for them pls for the referral letter'))[0], /Riverside Carers Hub\*\* — address: 1 River Street, Dalkeith/);
    assert.match(texts(c.say('up to what age?'))[0], /Riverside Carers Hub\*\* — who it is for: Unpaid carers of any age/);
    assert.match(texts(c.say('who qualifies?'))[0], /Riverside Carers Hub\*\* — who it is for:/);
    // An age told with "is that ok?" asks who it is for.
    assert.match(texts(c.say('shes 67, is that ok?'))[0], /Riverside Carers Hub\*\* — who it is for:/);
    // Who may apply is who it is for; how to apply is how to refer.
    assert.match(texts(c.say('who can apply?'))[0], /Riverside Carers Hub\*\* — who it is for:/);
    assert.match(texts(c.say('how do they apply?'))[0], /Riverside Carers Hub\*\* — how to refer:/);
    assert.match(texts(c.say('is there an advice line?'))[0], /Riverside Carers Hub\*\* — phone: 0131 496 0001/);
    assert.match(texts(c.say('how much is that?'))[0], /Riverside Carers Hub\*\* — cost:/);
    // Whether the person can ring it themselves is how to refer, not the number alone.
    assert.match(texts(c.say('can she ring them herself?'))[0], /Riverside Carers Hub\*\* — how to refer: Carers can refer themselves by phone\. Phone: 0131 496 0001/);
    assert.match(texts(c.say('can the family phone them direct'))[0], /Riverside Carers Hub\*\* — how to refer:/);
    assert.match(texts(c.say('can she refer herself or does it have to come from me'))[0], /Riverside Carers Hub\*\* — how to refer:/);
    assert.match(texts(c.say('does it have to go through her social worker'))[0], /Riverside Carers Hub\*\* — how to refer:/);
    assert.match(texts(c.say("mum's 67, is that ok?"))[0], /Riverside Carers Hub\*\* — who it is for:/);
    assert.match(texts(c.say('what if shes 17'))[0], /Riverside Carers Hub\*\* — who it is for:/);
    // How to refer comes with the routes it names: the email too.
    const money = conversation();
    money.say('Bonnyrigg Money Help');
    assert.match(texts(money.say('how do i contact them?'))[0], /Bonnyrigg Money Help\*\* — how to refer: Drop in or phone\. Phone: 0131 496 0003 \(Money advice\)\. Email: advice@bonnyrigg-money-help\.example\.org\./);
  });

  it('"is that line open at night?", "is anyone there overnight?" ask the hours of the service shown; "can she phone at 2 am?" its lines open then', () => {
    const c = conversation();
    c.say('Riverside Carers Hub');
    for (const ask of ['is that line open at night?', 'is anyone there overnight', 'open overnight?']) {
      const hours = c.say(ask);
      assert.equal(hours.log.followUp, 'detail', ask);
      assert.match(texts(hours)[0], /^\*\*Riverside Carers Hub\*\* — opening hours: Monday to Friday/, ask);
    }
    // ("is there overnight respite?" names a thing of its own: not the hours.)
    assert.notEqual(resolveFollowUp('is there any overnight respite for her', c.memory().last, () => true).kind, 'detail');
    const night = conversation();
    night.say('Moorside Nurse Line');
    const late = night.say('can she phone at 2 am?');
    assert.equal(late.log.followUp, 'detail');
    assert.match(texts(late)[0], /^\*\*Moorside Nurse Line\*\* — phone: 0131 496 0007 \(Night line, out of hours\)/);
  });

  it('a question with no word the knowledge uses is asked of the conversation\'s topic, and gets help only on its own', () => {
    const c = conversation();
    c.say('what is the annual budget');
    const out = c.say('when do we normally get the figures');
    assert.equal(out.log.followUp, 'topic');
    assert.match(texts(out)[0], /^Following on from your last question: “what is the annual budget when do we normally get the figures”/);
    assert.match(headline(out), /^Our annual budget/);
    const alone = conversation().say('when do we normally get the figures');
    assert.equal(alone.replies[0]?.kind === 'cards' ? alone.replies[0].answer?.type : undefined, 'help');
  });

  it('"which does midlothian fund?" after a passage picks among what was shown; "which services …" asks its own', () => {
    for (const ask of ['which does midlothian fund', 'which ones are free', 'and which of them does the council pay for']) assert.equal(leansBack(ask, () => true), true, ask);
    for (const ask of ['which services does midlothian fund', 'which carers can get a break', 'which is the best dementia group in penicuik', 'which are the dementia groups in dalkeith']) assert.equal(leansBack(ask, () => true), false, ask);
  });

  it('"since when?" after a part with no date takes the part of the same article that gives one; "when do they get issued?" is no bare ask', () => {
    const care = madeUpArticle('sds-free-lunches', 'Free lunches', '## Who gets them\n\nEvery day-centre visitor assessed as needing a meal gets a lunch without charge, whatever their age or savings.\n\n## The change\n\nSince 1 April 2019 the lunches have been without charge for every visitor; before that only the over 65s had them free.\n');
    const c = conversation(undefined, madeUpEngineWith([care]));
    assert.match(headline(c.say('who gets the free lunches at the day centre')), /^Free lunches: Who gets them/);
    const since = c.say('since when');
    assert.match(texts(since)[0], /^Following on from your last question: /);
    assert.match(headline(since), /^Free lunches: The change/);
    for (const ask of ['since when', 'increase since when?', 'and by when']) assert.equal(asksBare(ask), true, ask);
    for (const ask of ['when do they get issued', 'since when has that been the case', 'services such as day care']) assert.equal(asksBare(ask), false, ask);
  });

  it('"what is a … exactly?" after a service whose record names the thing is answered by the passage that says what it is', () => {
    const group = madeUpArticle('sds-carers-groups', 'Carers groups', '## What a carers group is\n\nA carers group is a weekly meeting where unpaid carers share what helps, hear from visiting advisers and take a break together.\n');
    const c = conversation(undefined, madeUpEngineWith([group]));
    c.say('Riverside Carers Hub');
    const out = c.say('what is a carers group exactly');
    assert.match(headline(out), /^Carers groups/);
    assert.ok(!texts(out).some((t) => t.startsWith('More of “Riverside Carers Hub”')), texts(out).join(' / '));
  });

  it('"and what if she\'s in danger right now?" gets the emergency routes first and says it asks on from the last answer', () => {
    const c = conversation();
    c.say('Riverside Carers Hub');
    const worse = c.say('and what if shes in danger right now');
    assert.equal(worse.replies[0]?.kind === 'cards' ? worse.replies[0].answer?.type : undefined, 'emergency');
    assert.match(texts(worse)[0], /^Following on from your last question: “and what if shes in danger right now”/);
    // On its own, or not in danger, it is no follow-up.
    assert.ok(!texts(conversation().say('what if shes in danger right now')).some((t) => t.startsWith('Following on')));
  });

  it('"the second one?" after a list of the plan\'s aims opens that aim with its outcomes; another list\'s item is only named', () => {
    const glance = madeUpArticle('sds-aims-at-a-glance', 'Aims at a glance', '## The two aims\n\nThe board has two aims:\n\n1. People stay well at home\n2. Carers are supported to care\n\n## Two values\n\nThe board holds two values:\n\n1. Kindness to everyone who asks\n2. Fairness in how help is shared\n');
    const c = conversation(undefined, madeUpEngineWith([glance]));
    c.say('what are the two aims at a glance');
    const second = c.say('the second one?');
    assert.equal(second.log.followUp, 'item');
    assert.match(texts(second)[0], /^Number 2 of the last answer: Carers are supported to care/);
    assert.equal(second.replies.find((r) => r.kind === 'cards')?.kind === 'cards' ? (second.replies.find((r) => r.kind === 'cards') as { answer?: { type: string } }).answer?.type : undefined, 'plan_list');
    const values = conversation(undefined, madeUpEngineWith([glance]));
    values.say('which two values does the board hold');
    const other = values.say('the second one?');
    assert.match(texts(other)[0], /^Number 2 of the last answer: Fairness in how help is shared/);
    assert.ok(!other.replies.some((r) => r.kind === 'cards'));
  });

  it('"the penicuik one - whats their number" answers of that service alone, and the others shown stay shown after it', () => {
    const c = conversation();
    c.say('free debt advice');
    const shownBefore = (c.memory().last?.services ?? []).map((s) => s.id);
    assert.ok(shownBefore.includes('penicuik-money-help') && shownBefore[0] !== 'penicuik-money-help', shownBefore.join());
    assert.match(texts(c.say('the penicuik one - whats their number'))[0], /^\*\*Penicuik Money Help\*\* — phone: 0131 496 0002/);
    const shownAfter = (c.memory().last?.services ?? []).map((s) => s.id);
    assert.equal(shownAfter[0], 'penicuik-money-help');
    assert.deepEqual([...shownAfter].sort(), [...shownBefore].sort());
  });

  it('a detail asked of something none of the services shown does is asked of the service whose record says it', () => {
    const c = conversation();
    c.say('Riverside Carers Hub');
    const visits = c.say('how much do the visits cost them');
    assert.equal(visits.log.followUp, 'detail');
    assert.match(texts(visits)[0], /^\*\*ACE Befriending\*\* — cost: /);
    assert.equal(c.memory().last?.services?.[0]?.id, 'ace-befriending');
    // What a service shown does say is still asked of it.
    const group = conversation();
    group.say('Riverside Carers Hub');
    assert.match(texts(group.say('how much does the group cost'))[0], /^\*\*Riverside Carers Hub\*\*/);
  });

  it('"is it only for over 65s?" is answered by who the service is for, not by a sentence that says "over"', () => {
    const c = conversation();
    c.say('Riverside Carers Hub');
    assert.match(texts(c.say('is it only for over 12s?'))[0], /^\*\*Riverside Carers Hub\*\* — who it is for: Unpaid carers of any age/);
  });

  it('"whats on at them?" after services shows the first one whole; "who are the partners for that?" after a passage shows it whole', () => {
    const c = conversation();
    c.say('Riverside Carers Hub');
    for (const ask of ['whats on at them', 'what do they do?', 'what goes on there', 'how does it work', 'what does it involve', 'wat kind of things', 'what sort of stuff is it']) assert.deepEqual(resolveFollowUp(ask, c.memory().last, () => true), { kind: 'more', about: true }, ask);
    assert.equal(texts(c.say('whats on at them'))[0], 'More of “Riverside Carers Hub”:');
    const plan = conversation();
    plan.say('what is the reserve budget');
    const last = plan.memory().last;
    assert.equal(last?.answer, 'passage');
    for (const ask of ['who are the partners for that', "who's involved", 'which partners?', 'who is leading on that']) assert.deepEqual(resolveFollowUp(ask, last, () => true), { kind: 'more', whole: true }, ask);
    // ("who are the partners in the plan" is a question of its own.)
    assert.notDeepEqual(resolveFollowUp('who are the partners in the plan', last, () => true), { kind: 'more', whole: true });
    assert.match(texts(plan.say('who are the partners for that'))[0], /^More of “/);
  });

  it('a detail asked in words the record says ("do they have to pay it back?") is answered by that sentence of the record', () => {
    const c = conversation();
    c.say('debt advice in Bonnyrigg');
    const back = c.say('do they have to pay it back?');
    assert.equal(back.log.followUp, 'detail');
    assert.match(texts(back)[0], /^\*\*Bonnyrigg Money Help\*\* — from its record: Its hardship grants do not have to be paid back\. _\(service directory/);
    // A detail asked by its name alone is answered from its field, as before.
    assert.match(texts(c.say('is it free?'))[0], /^\*\*Bonnyrigg Money Help\*\* — cost: Free debt advice/);
  });

  it('"how quick do they see referrals?" after a service is answered by the sentence of its record that gives a time', () => {
    const c = conversation();
    assert.match(headline(c.say('rehab at home after hospital')), /Hilltop Rehab Team/);
    const out = c.say('how quick do they see referrals?');
    assert.equal(out.log.followUp, 'detail');
    assert.match(texts(out)[0], /^\*\*Hilltop Rehab Team\*\* — from its record: The team aims to see referrals within 2 working days\./);
    // "what days" asks when it is open, not the record's sentence that happens to say "days".
    assert.match(texts(c.say('what days is it open'))[0], /^\*\*Hilltop Rehab Team\*\* — opening hours:/);
  });

  it('a detail asked with words one shown service\'s record says is answered from that record, whichever came first', () => {
    const c = conversation();
    const first = c.say('nurse to talk to at home after hospital');
    const names = first.memory.last?.services?.map((s) => s.name) ?? [];
    assert.ok(names.includes('Hilltop Rehab Team') && names[0] !== 'Hilltop Rehab Team', JSON.stringify(names));
    assert.match(texts(c.say('how quick do they see referrals?'))[0], /^\*\*Hilltop Rehab Team\*\* — from its record: .*within 2 working days/);
  });

  it('"which day is Eskbank?" after a service with drop-ins is answered by the sentence naming Eskbank that gives the day', () => {
    const record = {
      id: 'made-up-advice',
      name: 'Made-up Advice',
      description: 'Advice on money and housing. Drop-ins run weekly in Eskbank and Rosewell libraries.',
      how_to_access: 'Phone, or come to a library drop-in (Eskbank on Tuesdays).',
      organization: 'Made-up Trust',
      categories: [],
      eligibility: 'Adults in Midlothian.',
      area_served: 'Midlothian',
      source_urls: ['https://example.org/directory'],
      as_of: '2026-01-01',
      review_flags: [],
      keywords: [],
    } as unknown as ServiceRecord;
    assert.equal(recordSentenceSaying(record, ['eskbank'], false, 'hours'), 'Phone, or come to a library drop-in (Eskbank on Tuesdays).');
    // Asked another detail, the first sentence naming it is the answer, as before.
    assert.equal(recordSentenceSaying(record, ['eskbank'], false, 'refer'), 'Drop-ins run weekly in Eskbank and Rosewell libraries.');
  });

  it('"when was it spent?" after a passage with a date asks it of that passage, though another passage uses the word', () => {
    const fund = madeUpArticle(
      'sds-hub-fund',
      'The hub fund',
      [
        '## Savings pot',
        '',
        'The hub kept a savings pot of about £2m from earlier years to cover sudden costs. In 2023 the whole savings pot was used up to keep services running.',
        '',
        '## Redesign',
        '',
        'Staff have spent several years making services leaner, and there is little left to save by redesign alone.',
      ].join('\n'),
    );
    const c = conversation(undefined, madeUpEngineWith([fund]));
    assert.match(headline(c.say('is there a savings pot at the hub')), /Savings pot/);
    const when = c.say('when was it spent');
    assert.match(JSON.stringify(when.replies), /2023/);
    assert.doesNotMatch(JSON.stringify(when.replies), /leaner/);
  });

  it('"how does it break down?" after a passage shows it whole, its parts; "how is the budget split" names its own thing', () => {
    const shown = { at: '2026-03-02T10:00:00Z', question: 'what is the budget', answer: 'passage' as const, passage: { id: 'p#b', kind: 'plan' as const, docId: 'p', title: 'Our annual budget' } };
    for (const text of ['how does it break down', 'whats the breakdown', 'break it down for me', 'and the split?']) assert.deepEqual(resolveFollowUp(text, shown, () => true), { kind: 'more', whole: true }, text);
    assert.notDeepEqual(resolveFollowUp('how is the budget split', shown, () => true), { kind: 'more', whole: true });
    // "so what choices has she got left?" asks what the passage shown leaves open: it whole, too.
    for (const text of ['so what choices has she got left', 'which options are still open to her']) assert.deepEqual(resolveFollowUp(text, shown, () => true), { kind: 'more', whole: true }, text);
    assert.notDeepEqual(resolveFollowUp('what alternatives are there instead', shown, () => true), { kind: 'more', whole: true });
    const c = conversation();
    c.say('what does the budget pay for');
    const parts = c.say('how does it break down?');
    assert.match(JSON.stringify(cards(parts)), /Hospital services set aside/);
  });

  it('"tell me more" after a window of a passage shows the rest of it first, then what lies beyond it', () => {
    const hub = madeUpArticle(
      'sds-hub-rooms',
      'The hub rooms',
      [
        '## Booking rooms',
        '',
        'The hub has four meeting rooms on two floors, each with a hearing loop and step-free access from the car park at the back of the building.',
        'Rooms are free for community groups that support carers, and a small charge applies to private bookings made by businesses or training providers.',
        'Staff at the front desk can help with laptops, screens and a portable ramp, and keep a list of local interpreters who have worked with groups before.',
        'Groups can book a room up to three months ahead, and a regular weekly slot can be held for a whole year if the group uses it at least twice a month.',
        'Cancellations made more than two days ahead cost nothing; a group that misses three bookings in a row without telling the desk loses its weekly slot.',
        '',
        '## Catering',
        '',
        'A cafe on the ground floor sells soup and sandwiches for meetings. Catering orders can be cancelled up to a day ahead.',
      ].join('\n'),
    );
    const c = conversation(undefined, madeUpEngineWith([hub]));
    // What the cards and texts show (the replies also carry the whole passage as data).
    const shown = (o: TurnOutcome): string => JSON.stringify(o.replies.map((r) => (r.kind === 'cards' ? r.cards : r.kind === 'text' ? r.text : '')));
    const first = c.say('what do cancellations cost');
    assert.match(shown(first), /Cancellations made more than two days ahead/);
    assert.doesNotMatch(shown(first), /four meeting rooms/);
    assert.equal(c.memory().last?.passage?.cut, true);
    // The rest of the passage shown, from its start.
    assert.match(shown(c.say('tell me more')), /four meeting rooms/);
    // Then beyond it.
    const beyond = shown(c.say('tell me more'));
    assert.match(beyond, /Catering orders can be cancelled/);
    assert.doesNotMatch(beyond, /four meeting rooms/);
  });

  it('"more detail pls" after a passage shown whole stays on what was asked: no part of the document that does not speak of it', () => {
    const hub = madeUpArticle(
      'sds-hub-loans',
      'The hub loans',
      [
        '## Borrowing equipment',
        '',
        'The hub lends hoists, shower chairs and walking frames for up to six weeks while a longer loan is arranged.',
        '',
        '## Catering',
        '',
        'A cafe on the ground floor sells soup and sandwiches for meetings.',
      ].join('\n'),
    );
    const c = conversation(undefined, madeUpEngineWith([hub]));
    const shown = (o: TurnOutcome): string => JSON.stringify(o.replies.map((r) => (r.kind === 'cards' ? r.cards : r.kind === 'text' ? r.text : '')));
    assert.match(shown(c.say('can the hub lend a hoist')), /shower chairs/);
    const more = c.say('more detail pls');
    assert.match(texts(more).join(' '), /^More of /);
    assert.match(shown(more), /shower chairs/);
    assert.doesNotMatch(shown(more), /soup and sandwiches/);
  });

  it('"whats 1.2 about?", "and 1.3" after a document that numbers its parts open those parts', () => {
    const priorities = madeUpArticle(
      'sds-hub-priorities',
      'Hub priorities',
      [
        'The hub sets out three numbered priorities for the coming years.',
        '',
        '## 1.1 Opening on Saturdays',
        '',
        'The hub will open every Saturday morning from next spring.',
        '',
        '## 1.2 Warmer waiting rooms',
        '',
        'Heaters and blankets will be fitted in the waiting rooms before winter.',
        '',
        '## 1.3 A bus from the villages',
        '',
        'A minibus will bring people in from the outlying villages twice a week.',
      ].join('\n'),
    );
    const c = conversation(undefined, madeUpEngineWith([priorities]));
    c.say('what are the hub priorities');
    const part = c.say('whats 1.2 about');
    assert.match(texts(part).join('\n'), /^Following on from your last question: “Hub priorities\\?: 1\\?\.2 Warmer waiting rooms”/);
    assert.match(JSON.stringify(cards(part)), /Heaters and blankets/);
    assert.match(JSON.stringify(cards(c.say('and 1.3'))), /minibus/);
    // A number with words of its own is a question of its own, asked as such.
    assert.doesNotMatch(JSON.stringify(cards(c.say('is 1.1 about weekend opening'))), /Heaters and blankets/);
  });

  it('"what does it say about carers?" is asked of the document just shown, though a service answers "carers" better', () => {
    const hub = madeUpArticle(
      'sds-hub-venue',
      'The hub venue',
      [
        '## Opening',
        '',
        'The hub venue opens at eight each weekday and closes at six, with a late night on Thursdays for evening groups.',
        '',
        '## Prices',
        '',
        'Rooms are free for community groups that support carers; businesses pay a small hourly charge.',
      ].join('\n'),
    );
    const c = conversation(undefined, madeUpEngineWith([hub]));
    assert.match(headline(c.say('when does the hub venue open')), /The hub venue/);
    const asked = c.say('what does it say about carers');
    const shown = JSON.stringify(asked.replies.map((r) => (r.kind === 'cards' ? r.cards : r.kind === 'text' ? r.text : '')));
    assert.match(shown, /free for community groups that support carers/);
    assert.doesNotMatch(shown, /Riverside Carers Hub/);
    assert.equal(askedOfShown('what does it say about carers'), 'carers');
    assert.equal(askedOfShown('does it mention short breaks?'), 'short breaks');
    assert.equal(askedOfShown('anything in there on falls'), 'falls');
    // The first "about", "on" or "for" starts the topic, which may hold another.
    assert.equal(askedOfShown('what does it say about support for carers on low incomes'), 'support for carers on low incomes');
    assert.equal(askedOfShown('what do carers say about it'), undefined);
  });

  it('a short question whose words the first service\'s record says ("is there a waitin list?") is about that service', () => {
    const c = conversation();
    assert.match(headline(c.say('rehab at home after hospital')), /Hilltop Rehab Team/);
    const out = c.say('is there a waitin list?');
    assert.equal(out.log.event, 'follow-up');
    assert.match(JSON.stringify([texts(out), cards(out)]), /Hilltop Rehab Team[^]*waiting list/);
    // Words the record does not say are a question of their own.
    assert.notEqual(c.say('is there a lunch club?').log.followUp, 'record');
    // The reading itself: every word said by the record, a typo by its first letters, never a curator's note.
    const hilltop = madeUpEngine().service('hilltop-rehab-team');
    assert.ok(hilltop);
    assert.equal(recordSaysAll(hilltop, ['waitin', 'list']), true);
    assert.equal(recordSaysAll(hilltop, ['waiting', 'lunch']), false);
    assert.equal(recordSaysAll(hilltop, ['verify']), false);
    assert.equal(recordSaysAll(hilltop, []), false);
  });

  it('"can they …?" after services, answered by a passage that never names them, shows the first service\'s whole record instead', () => {
    const c = conversation();
    c.say('debt advice in Bonnyrigg');
    const asked = c.say('can they arrange the support the person chooses');
    assert.equal(asked.log.followUp, 'record');
    assert.match(texts(asked)[0], /^More of “Bonnyrigg Money Help”, which may answer/);
    assert.equal(asked.answer?.type === 'services' ? asked.answer.services.map((s) => s.id).join() : asked.answer?.type, 'bonnyrigg-money-help');
    // The same words with no pointer at the services are a question of their own.
    const own = c.say('how does a provider arrange the support the person chooses');
    assert.notEqual(own.log.followUp, 'record');
    // "she", the person helped, in a short question asks of the services shown as well.
    const person = conversation();
    person.say('debt advice in Bonnyrigg');
    assert.equal(person.say('can she arrange the support she chooses').log.followUp, 'record');
  });

  it('a message naming a service not shown is a new question, not a detail of the one shown', () => {
    const c = conversation();
    c.say('short breaks for carers');
    const out = c.say('what about the hilltop number?');
    assert.notEqual(out.log.event, 'follow-up');
    assert.match(headline(out), /Hilltop Rehab Team/);
  });

  it('"btw …" or "also …" before a question that stands on its own starts a new topic; before "whats their number" it asks on', () => {
    const c = conversation();
    c.say('short breaks for carers');
    // The same person, a new need: answered afresh, with no "following on" and no carers' hub detail.
    const aside = c.say('btw she also needs debt advice in Bonnyrigg');
    assert.notEqual(aside.log.event, 'follow-up');
    assert.doesNotMatch(texts(aside).join('\n'), /Following on/);
    assert.match(headline(aside), /Bonnyrigg Money Help/);
    // An aside before a question that leans on what was shown still asks on.
    c.say('short breaks for carers');
    const number = c.say('also whats their number?');
    assert.equal(number.log.followUp, 'detail');
    assert.match(texts(number)[0], /Riverside Carers Hub\*\* — phone: 0131 496 0001/);
    // However many words follow the aside, a question that points at what was shown asks on.
    c.say('short breaks for carers');
    const open = c.say('also are they open on a monday morning?');
    assert.equal(open.log.followUp, 'detail');
    // (The record that gives the day asked about comes first.)
    assert.match(texts(open)[0], /Riverside Carers Hub\*\* — (?:opening hours|from its record): Monday to Friday/);
  });

  it('finds the question after an aside, and none when a few words follow it', () => {
    assert.equal(asideQuestion('btw, is there a dementia helpline the family can ring'), 'is there a dementia helpline the family can ring');
    assert.equal(asideQuestion("Oh and her son's 14, does he get anything"), "her son's 14, does he get anything");
    assert.equal(asideQuestion('also whats their number?'), undefined);
    assert.equal(asideQuestion('is there also a group in Penicuik'), undefined);
    assert.equal(asideQuestion('alsop court day centre'), undefined);
  });

  it('after "not sure", the question is still the topic: "the second one" opens the second nearest answer', () => {
    const c = conversation();
    const unsure = c.say('wellbeing money for unpaid lunch');
    assert.equal(unsure.answer?.type, 'not_sure');
    const second = unsure.answer?.type === 'not_sure' ? unsure.answer.nearest[1] : undefined;
    assert.ok(second);
    const out = c.say('the second one');
    assert.equal(out.log.followUp, 'open');
    // The services among the nearest answers are what "their number?" can mean.
    const again = conversation();
    again.say('wellbeing money for unpaid lunch');
    const number = again.say('their number?');
    assert.equal(number.log.followUp, 'detail');
    assert.match(texts(number)[0], /\*\*Riverside Carers Hub\*\* — phone: 0131 496 0001/);
    assert.equal(out.answer?.type === 'passage' ? out.answer.passage.id : out.answer?.type === 'services' ? out.answer.passageIds[0] : '', second.id);
  });

  it('"how many places?" after a service reads the figure off its record', () => {
    const c = conversation();
    c.say('short breaks for carers');
    const out = c.say('how many places?');
    assert.equal(out.log.followUp, 'context');
    assert.match(texts(out)[0], /^\*\*Riverside Carers Hub\*\* — from its record: \*\*[^*]*12 places[^*]*\*\*/);
  });

  it('a line read from a shown service\'s record carries no curator\'s note', () => {
    const c = conversation();
    assert.match(headline(c.say('rehab at home after hospital')), /Hilltop Rehab Team/);
    // Asked in the very words of the note, the line still comes from the record as cards show it.
    const out = c.say('verify');
    assert.equal(out.log.followUp, 'context');
    assert.match(texts(out)[0], /^\*\*Hilltop Rehab Team\*\* — from its record:/);
    assert.doesNotMatch(texts(out)[0], /sources read|\(verify\)|probably/i);
    // A number shown says where it comes from.
    assert.match(texts(out)[0], /_\(service directory, source dated 2026-01-01\)_$/);
  });

  it('"self referral?" on its own asks how to refer to the service shown', () => {
    const c = conversation();
    c.say('short breaks for carers');
    const out = c.say('self referral?');
    assert.equal(out.log.followUp, 'detail');
    assert.match(texts(out)[0], /^\*\*Riverside Carers Hub\*\* — how to refer: Carers can refer themselves by phone/);
  });

  it('"their number" after an answer that showed no service looks for services for the same need', () => {
    const c = conversation();
    assert.equal(c.say('when will carers get a break').answer?.type, 'passage');
    const out = c.say("what's their number?");
    assert.match(texts(out)[0], /^Services for “when will carers get a break”/);
    assert.match(texts(out)[0], /Riverside Carers Hub\*\* — phone: 0131 496 0001/);
  });

  it('"and in <place>?" asks the same need there and says so', () => {
    const c = conversation();
    c.say('debt advice in Bonnyrigg');
    const out = c.say('and in Penicuik?');
    assert.equal(texts(out)[0], 'Following on from your last question: “debt advice in Penicuik”');
    assert.match(headline(out), /Penicuik Money Help/);
  });

  it('"what about option 2?", "and aim 2?", "the medium-term ones", "and the reserves?" put the new slot or words into the last question', () => {
    const sds = conversation();
    sds.say('what is option 1');
    assert.match(headline(sds.say('what about option 2?')), /^Option 2: individual service fund/);
    // "… on that one" points back: the option asked about stays in the question.
    const onThat = resolveFollowUp('can they employ a PA on that one', sds.memory().last, () => true);
    assert.ok(onThat.kind === 'rewrite' && /option 2/.test(onThat.question), JSON.stringify(onThat));

    const plan = conversation();
    assert.match(headline(plan.say('short term aims under aim 1')), /^Short term aims under Strategic Aim No\.1/);
    assert.match(headline(plan.say('and aim 2?')), /^Short term aims under Strategic Aim No\.2/);
    assert.match(headline(plan.say('the medium-term ones')), /^Medium term aims under Strategic Aim No\.2/);
    // "actions" names what the plan lists, as "aims" does: no topic of its own.
    assert.match(headline(plan.say('short term actions?')), /^Short term aims under Strategic Aim No\.2/);
    // "what are the outcomes under it?" asks the outcomes of the aim asked about.
    const outcomes = plan.say('what are the outcomes under it');
    assert.match(texts(outcomes)[0], /^Following on from your last question: “outcomes under aim 2”/);
    assert.match(headline(outcomes), /Strategic Aim No\.2/);

    const budget = conversation();
    assert.match(headline(budget.say('what is the annual budget')), /annual budget/);
    assert.match(headline(budget.say('and the reserves?')), /reserve budget/);
  });

  it('"and aim 9?" of a plan with fewer aims asks on, and the answer says there is no aim 9 and how many there are', () => {
    const plan = conversation();
    plan.say('short term aims under aim 1');
    const out = plan.say('and aim 9?');
    assert.equal(texts(out)[0], 'Following on from your last question: “short term aims under aim 9”');
    assert.match(JSON.stringify(cards(out)), /There is no aim 9\. The Strategic Plan 2025–2035 has \d strategic aims/);
    // An aim the plan has is still that aim, in place of the one asked before.
    assert.match(headline(plan.say('and aim 2?')), /^Short term aims under Strategic Aim No\.2/);
    // "aim 4 weeks" is a wait, not an aim.
    assert.deepEqual(slotsIn('our aim 4 weeks wait time'), {});
    assert.deepEqual(slotsIn('and aim 12?'), { aim: 12 });
  });

  it('an option asked after another option or the options is a topic of its own; after anything else it is asked of that', () => {
    assert.equal(applySlots('what are the four options', { option: 2 }), 'what is option 2');
    assert.equal(applySlots('what is an isf', { option: 1 }, 'Option 2: individual service fund'), 'what is option 1');
    assert.equal(applySlots('what is option 1', { option: 3 }), 'what is option 3');
    assert.equal(applySlots('how will the board fund its changes', { option: 2 }, 'How the board funds change'), 'how will the board fund its changes option 2');
    // After services (no passage shown), an option is what it is: lunch clubs have no option 2.
    assert.equal(applySlots('lunch clubs in dalkeith', { option: 2 }), 'what is option 2');
    // "number 3" after a list is its third item; "aim number 3" is the aim.
    const list = { at: '2026-03-02T10:00:00Z', question: 'short term aims under aim 1', answer: 'passage' as const, passage: { id: 'p#a', kind: 'plan' as const, docId: 'p', title: 'Short term aims' }, listItems: ['one', 'two', 'three'] };
    assert.equal(resolveFollowUp('number 3', list, () => false).kind, 'item');
    assert.notEqual(resolveFollowUp('and aim number 3?', list, () => false).kind, 'item');
    // "the balance one?" names the one item holding its words; words two items hold, or none, name none.
    const survey = { ...list, question: 'figures on carers', listItems: ['40% have a say in services', '60% have a good balance between caring and life', '30% say services are well coordinated'] };
    assert.deepEqual(resolveFollowUp('n the balance one?', survey, () => false), { kind: 'item', index: 2 });
    // "the first one?" after the four options, shown with no list, is option 1.
    const overview = { ...list, question: 'what are the four sds options', listItems: undefined, passage: { id: 's#a', kind: 'sds' as const, docId: 's', title: 'The four SDS options' } };
    assert.deepEqual(resolveFollowUp('the first one?', overview, () => false), { kind: 'rewrite', question: 'option 1', replaced: true });
    assert.deepEqual(resolveFollowUp('the 2nd one in plain words', overview, () => false), { kind: 'rewrite', question: 'option 2 in plain words', replaced: true });
    assert.deepEqual(resolveFollowUp('the one about coordinated services', survey, () => false), { kind: 'item', index: 3 });
    assert.notEqual(resolveFollowUp('the services one', survey, () => false).kind, 'item');
    assert.notEqual(resolveFollowUp('the housing one', survey, () => false).kind, 'item');
    // "option 2" after a passage whose list its lead-in calls options (the plan's ways to fund change)
    // is that item, and "and 3?" the next; after a list of something else, an option is an option.
    assert.equal(listNounOf('We only have three options to fund more work:\n- New money\n- A transfer\n- Our own budgets'), 'option');
    assert.equal(listNounOf('Our aims:\n- One\n- Two'), undefined);
    assert.equal(listNounOf('We work in ways that enhance what people do:\n- One\n- Two'), undefined);
    const options = { ...list, question: 'how do we fund change', listItems: ['New money', 'A transfer', 'Our own budgets'], listNoun: 'option' };
    assert.deepEqual(resolveFollowUp('option 2?', options, () => true), { kind: 'item', index: 2 });
    assert.deepEqual(resolveFollowUp('and 3?', options, () => true), { kind: 'item', index: 3 });
    // After a question of an aim, a number alone is still the aim.
    assert.notDeepEqual(resolveFollowUp('and 2?', { ...options, question: 'short term aims under aim 1' }, () => true), { kind: 'item', index: 2 });
    assert.notDeepEqual(resolveFollowUp('option 2?', { ...options, listNoun: 'step' }, () => true), { kind: 'item', index: 2 });
    // "which outcome number is that under" asks where it sits, not for a phone number.
    assert.equal(resolveFollowUp('which outcome number is that under', list, () => false).kind, 'where');
    const commitments = { at: '2026-03-02T10:00:00Z', question: 'what do we commit to on carers', answer: 'plan_list' as const, items: [{ id: 'a', title: 'Carers' }] };
    // (After a list drawn from one part, that part's place; not a number to ring.)
    assert.deepEqual(resolveFollowUp('which aim number is it', commitments, () => false), { kind: 'where' });
    // A number alone is the next of what was numbered: an option after an option, an aim after an aim.
    const sds = conversation();
    sds.say('what is option 1');
    assert.match(headline(sds.say('and 2?')), /^Option 2: individual service fund/);
    const plan = conversation();
    plan.say('short term aims under aim 1');
    assert.match(headline(plan.say('what about 2')), /^Short term aims under Strategic Aim No\.2/);
  });

  it('"which reg is that?" after a passage asks what it cites; the citations are read from its text, each once', () => {
    const shown = { at: '2026-03-02T10:00:00Z', question: 'when can a dp be stopped', answer: 'passage' as const, passage: { id: 'a#b', kind: 'sds' as const, docId: 'a', title: 'Stopping a payment' } };
    for (const ask of ['which reg is that', 'which regs is that in', 'what section says that', 'which standard covers it', 'and which bit of the act says that']) assert.equal(resolveFollowUp(ask, shown, () => true).kind, 'reference', ask);
    assert.notEqual(resolveFollowUp('which regs cover charging', shown, () => true).kind, 'reference');
    // The law named first, and "where does it say that?" of guidance; of the plan only "… in the act?" asks the law.
    for (const ask of ['whats the regulation called', "what's the legal basis for that", 'what section of the act is that', 'under which law', "where's that in the act", 'where is it in the law', 'where in the act is that', 'where does it say that', 'so where does it say that in the act']) assert.equal(resolveFollowUp(ask, shown, () => true).kind, 'reference', ask);
    const plan = { ...shown, passage: { ...shown.passage, kind: 'plan' as const } };
    assert.notEqual(resolveFollowUp('where does it say that', plan, () => true).kind, 'reference');
    // "which section?" alone may ask where it sits; with "is that" or "of the act" it asks the law.
    assert.notEqual(resolveFollowUp('which section', shown, () => true).kind, 'reference');
    assert.equal(resolveFollowUp('where does it say that in the act', plan, () => true).kind, 'reference');
    assert.notEqual(resolveFollowUp('whats the regulation on gifts', shown, () => true).kind, 'reference');
    for (const ask of ['legal basis?', 'legislation for that?', 'whats the legal bit', "what's the law on that", 'under what law', 'and the legal side?']) assert.equal(resolveFollowUp(ask, shown, () => true).kind, 'reference', ask);
    assert.notEqual(resolveFollowUp('whats the law on gifts to a pa', shown, () => true).kind, 'reference');
    // Of the plan, "where does it say that?" asks where it sits.
    assert.equal(resolveFollowUp('where does it say that', plan, () => true).kind, 'where');
    assert.deepEqual(legalReferences('Under regulation 6 a council may stop it; see regulation 6 and section 5(5) of the Social Care (Self-directed Support) (Scotland) Act 2013, and Standard 8.'), [
      'regulation 6',
      'section 5(5)',
      'Social Care (Self-directed Support) (Scotland) Act 2013',
      'Standard 8',
    ]);
    // Names with small words in them, a capital at a sentence's start, a heading before a name, no plan sections.
    assert.deepEqual(legalReferences('Legal duties. The Adult Support and Protection (Scotland) Act 2007 applies. Section 4 says so; see section 3 of this plan, section 13 of the plan and Standard 1.2.'), [
      'Adult Support and Protection (Scotland) Act 2007',
      'Section 4',
      'Standard 1.2',
    ]);
    assert.deepEqual(legalReferences('Nothing cited here.'), []);
    // Lettered sections and sub-paragraphs whole; a "standard 28 days" notice and the plan's own sections are no law.
    assert.deepEqual(legalReferences('Under section 12A and section 5(5)(a), with standard 28 days notice; see Section 3 of the Strategic Plan and section 2 below.'), ['section 12A', 'section 5(5)(a)']);

    // Over a conversation: the part shown, or, when it cites nothing, where the rest of the article does.
    const c = conversation();
    assert.match(headline(c.say('what is option 1')), /^Option 1: direct payment: What it is/);
    assert.equal(texts(c.say('which act is that'))[0], '**Option 1: direct payment: What it is** — the law and standards it cites: Section 4; Made-up Care Act 2020');
    const other = conversation();
    assert.match(headline(other.say('who can have option 1')), /Who can have it/);
    assert.match(texts(other.say('which section says that'))[0], /none by name or number in this part; elsewhere in “Option 1: direct payment”: Section 4; Made-up Care Act 2020 \(in “What it is”\)$/);
    // A part citing only a standard cites no law: "legal basis?" also gets the law the rest of the article cites.
    const switching = madeUpArticle('sds-switching', 'Switching plans', '## Switching\n\nA person may switch plan at any time, as Standard 9 says.\n\n## A fresh offer (section 21)\n\nUnder section 21 the council must make a fresh offer after a change.\n');
    const law = conversation(undefined, madeUpEngineWith([switching]));
    assert.match(headline(law.say('can a person switch plan at any time')), /^Switching plans: Switching/);
    assert.equal(texts(law.say('legal basis?'))[0], '**Switching plans: Switching** — the law and standards it cites: Standard 9; the law elsewhere in “Switching plans”: section 21 (in “A fresh offer (section 21)”)');
  });

  it('"is that short or medium term?" after a plan outcome says where it sits; after anything else it is searched on', () => {
    const plan = conversation();
    plan.say('people plan ahead for later life');
    for (const ask of ['is that short or medium term?', "what's the timescale for that", 'whats the timescale for that', 'is it a long term aim', 'is that short, medium or long term?', 'is that one of the short term aims?', 'is that short term then?', 'which aim?', 'and which outcome', 'is that a now thing or later on', 'how soon is that meant to happen', 'short or medium term?', 'timescale?', 'and the timeframe', "what's the timescale"]) {
      const where = plan.say(ask);
      assert.equal(where.log.followUp, 'where', ask);
      assert.match(texts(where)[0], /outcome 1\.2 › medium term aims, under “Strategic Aim No\.1: People stay well at home — short, medium and longer term aims”$/, ask);
    }
    assert.notEqual(plan.say('is it long?').log.followUp, 'where');
    const sds = conversation();
    sds.say('what is option 1');
    assert.notEqual(sds.say('is that short or medium term?').log.followUp, 'where');
  });

  it('"timescale?" after a list from the plan drawn from one part says where that part sits, and asks on from it', () => {
    const c = conversation();
    c.say('what did we commit to on wellbeing hubs');
    const where = c.say('timescale?');
    assert.equal(where.log.followUp, 'where');
    assert.match(texts(where)[0], /^\*\*1\.1 People find help early in their own community\.\*\* — where it sits: .*outcome 1\.1 › short term aims/);
    assert.match(headline(c.say('what else sits under that outcome')), /^Outcome 1\.1/);
    // A list drawn from two parts has no one place: "timescale?" is not read as where.
    const two = conversation();
    two.say('what did we commit to for carers');
    assert.notEqual(two.say('timescale?').log.followUp, 'where');
  });

  it('"which outcome\'s that under?" of an aim\'s evidence says it sits under the aim and names the outcome closest to it', () => {
    const plan = conversation();
    assert.match(headline(plan.say('how many carers said they had a say in the survey')), /What carers told us/);
    const where = plan.say("which outcome's that under");
    assert.equal(where.log.followUp, 'where');
    // The headings above it say which aim in the plan's own words.
    assert.match(texts(where)[0], /where it sits: .* › aim 2, under “Strategic Aim No\.2: Carers are supported to care — evidence”$/);
    assert.match(texts(where)[1], /under aim 2 as a whole, not under one outcome.*closest to it is \*\*2\.2 Carers have a say in the support they get/);
    // A passage under an outcome needs no nearest one.
    const outcome = conversation();
    outcome.say('people plan ahead for later life');
    assert.equal(texts(outcome.say('which outcome is that under')).length, 1);
  });

  it('"anything else under that outcome?" after a passage of the plan lists what the plan has under that outcome', () => {
    const chat = conversation();
    assert.match(headline(chat.say('community wellbeing hubs')), /^1\.1 People find help early/);
    const more = chat.say('anything else under that outcome');
    assert.equal(more.log.followUp, 'rewrite');
    assert.match(JSON.stringify(cards(more)), /Help points in libraries/);
    assert.doesNotMatch(JSON.stringify(cards(more)), /Outcome 1\.2|1\.2 /);
  });

  it('"what about for people recovering at home?" after services puts a service for them not yet shown first', () => {
    const chat = conversation();
    assert.match(headline(chat.say('volunteers who visit older people')), /^ACE Befriending/);
    const swapped = chat.say('what about for people recovering at home');
    assert.equal(swapped.log.followUp, 'rewrite');
    assert.match(headline(swapped), /^Moorside Nurse Line/);
    // Asked of the services shown ("for it"), it is no one else's need.
    const same = conversation();
    same.say('volunteers who visit older people');
    assert.match(headline(same.say('and is there a waiting list for it?')), /^ACE Befriending/);
  });

  it('"what about for carers?" is answered by something that speaks of carers, not the last answer again', () => {
    const c = conversation();
    assert.match(headline(c.say('free debt advice and money advice in penicuik')), /Penicuik Money Help/);
    const out = c.say('what about for carers?');
    assert.match(texts(out)[0], /^Following on from your last question/);
    assert.match(headline(out), /Riverside Carers Hub/);
  });

  it('a follow-up with words of its own looks first in the document just shown, and says what it understood', () => {
    const c = conversation();
    assert.match(headline(c.say('what is option 2')), /^Option 2: individual service fund/);
    const out = c.say('and the provider, what does it report?');
    assert.equal(out.log.followUp, 'context');
    assert.match(texts(out)[0], /^Following on from your last question: “.*provider.*”, in “Option 2\\?: individual service fund”:$/);
    assert.match(headline(out), /Who holds the money/);
    // The same words with nothing before them are a question of their own.
    assert.notEqual(conversation().say('and the provider, what does it report?').log.followUp, 'context');
    // Words a service answers better ("money") still find the part of the article shown that answers them.
    const money = conversation();
    money.say('what is option 2');
    assert.match(headline(money.say('and the money, who has it?')), /Who holds the money/);
  });

  it('"whats the second one?" after a passage with a list gives that item', () => {
    const c = conversation();
    assert.match(headline(c.say('what parts is the budget split into')), /What the budget pays for/);
    const out = c.say('whats the second one?');
    assert.equal(out.log.followUp, 'item');
    assert.equal(texts(out)[0], 'Number 2 of the last answer: Social care services for adults. _(from “What the budget pays for”, Made-up Strategic Plan)_');
  });

  it('a short message that picks up a rare word of the passage just shown is asked on from it', () => {
    const c = conversation();
    assert.match(headline(c.say('what is the reserve budget')), /reserve budget/);
    // "unexpected" is in the reserves passage and no other: the question asks on from it.
    const out = c.say('what are unexpected costs covered by');
    assert.equal(out.log.followUp, 'context');
    assert.match(texts(out)[0], /^Following on from your last question: “what are unexpected costs covered by”/);
    assert.match(headline(out), /reserve budget/);
    // Without that passage before it, the same words are a question of their own.
    assert.equal(conversation().say('what are unexpected costs covered by').log.event, 'answer');
  });

  it('a bare phrase asks about what was just shown when it holds the words; "what are ..." asks on its own', () => {
    const c = conversation();
    assert.match(headline(c.say('what are our vision and values')), /At a glance/);
    const out = c.say('values?');
    assert.equal(out.log.followUp, 'context');
    assert.match(JSON.stringify(cards(out)), /Kindness/);
    // The same phrase with nothing shown before it is a question of its own.
    assert.equal(conversation().say('values?').log.followUp, undefined);
    // A bare phrase the document shown holds as well as a service does asks on in the document.
    const plan = conversation();
    plan.say('what does the budget pay for');
    const bare = plan.say('unpaid carers?');
    assert.equal(bare.log.followUp, 'context');
    assert.equal(bare.answer?.type === 'passage' ? bare.answer.passage.docId : bare.answer?.type, 'made-up-plan');
  });

  it('a question naming a topic of the article just shown asks on in it; one naming its option is new', () => {
    const c = conversation();
    assert.match(headline(c.say('what is a direct payment')), /Option 1/);
    const onFrom = c.say('who can get a direct payment');
    assert.equal(onFrom.log.followUp, 'context');
    assert.match(JSON.stringify(cards(onFrom)), /Anyone eligible/);
    const d = conversation();
    d.say('what is a direct payment');
    assert.equal(d.say('who can have option 1').log.followUp, undefined);
  });

  it('a short question answered by an SDS article on the same topic as the last carries the conversation on', () => {
    const c = conversation();
    assert.match(headline(c.say('what is a direct payment')), /Option 1/);
    const out = c.say('what is an individual service fund');
    assert.match(texts(out)[0] ?? '', /^Following on from your last question: “what is an individual service fund”/);
    assert.match(headline(out), /Option 2/);
    // The same question after a plan answer is a question of its own.
    const d = conversation();
    d.say('what is the reserve budget');
    assert.ok(!texts(d.say('what is an individual service fund')).some((t) => /^Following on/.test(t)));
  });

  it('"what does the plan say about …" shows the whole passage, not the window around the words', () => {
    const whole = JSON.stringify(cards(conversation().say('what does the plan say about the reserve budget')));
    assert.match(whole, /unexpected costs/);
    assert.match(whole, /Any change is agreed in public/);
    const window = JSON.stringify(cards(conversation().say('reserve budget unexpected costs')));
    assert.doesNotMatch(window, /Any change is agreed in public/);
  });

  it('a short question after services, answered by a passage that names one of them, carries the conversation on', () => {
    const c = conversation();
    assert.match(headline(c.say('short breaks for carers')), /Riverside Carers Hub/);
    const out = c.say('how many groups ran last year');
    assert.match(texts(out)[0] ?? '', /^Following on from your last question/);
    assert.match(JSON.stringify(cards(out)), /40 carers groups/);
    assert.ok(!texts(conversation().say('how many groups ran last year')).some((t) => /^Following on/.test(t)));
  });

  it('"the medium term ones" after a part of the plan under an aim lists that aim\'s medium-term aims', () => {
    const c = conversation();
    c.say('what does the plan say about wellbeing hubs');
    const out = c.say('the medium term ones');
    assert.match(texts(out).join(' '), /Following on from your last question: “medium term aims under aim 1”/);
    assert.match(headline(out), /^Medium term aims under Strategic Aim No\.1/);
  });

  it('"deadline for the library help points?" after a list from the plan answers from the item it names, and the aim stays the topic', () => {
    const c = conversation();
    c.say('what are the short term aims under aim 1');
    const out = c.say('deadline for the library help points?');
    assert.equal(out.log.followUp, 'context');
    assert.match(texts(out)[0], /, in “Help points in libraries”:$/);
    assert.match(JSON.stringify(cards(out)), /spring 2026/);
    // Asked again of the part now shown, by its own words rather than "that": the same part.
    const again = c.say('target date for the library help points');
    assert.equal(again.log.followUp, 'context');
    assert.match(texts(again)[0], /, in “Help points in libraries”:$/);
    assert.match(texts(c.say('and the stuff further out'))[0], /^Following on from your last question: “longer term aims under aim 1”/);
    // A date not asked, or an item not named by two of its words, is no reading of the list.
    const other = conversation();
    other.say('what are the short term aims under aim 1');
    assert.notEqual(other.say('deadline for the reserves report?').log.followUp, 'context');
  });

  it('"tell me more about the short breaks bit" after a list from the plan opens the plan\'s part on it, and the list stays the topic', () => {
    const c = conversation();
    c.say('what are the short term aims under aim 2');
    const more = c.say('tell me more about the short breaks bit');
    assert.match(texts(more).join(' '), /Following on from your last question: “short breaks”/);
    assert.match(headline(more), /^2\.1 Carers get a break/);
    // More about it is all of it, not the lines around the words asked.
    assert.ok(more.answer?.type === 'passage' && more.answer.snippet === more.answer.passage.text);
    // The conversation's question is still the list: "and aim 1?" asks the same of aim 1.
    assert.match(headline(c.say('and aim 1?')), /^Short term aims under Strategic Aim No\.1/);
    // "… about that outcome", "… about how she pays for it" point back or ask a question: not a thing named.
    const shown = { at: '2026-03-02T10:00:00Z', question: 'short term aims under aim 2', answer: 'plan_list' as const, items: [{ id: 'a', title: 'A' }] };
    for (const text of ['tell me more about that outcome', 'tell me more about how she pays for it']) {
      const out = resolveFollowUp(text, shown, () => true);
      assert.ok(!(out.kind === 'rewrite' && out.drillDown), text);
    }
  });

  it('"any figures on carers?" after the plan gives the plan\'s figures, not a service that has a number', () => {
    const c = conversation();
    c.say('what did we commit to for carers');
    const out = c.say('any figures on carers?');
    assert.match(texts(out).join(' '), /Following on from your last question/);
    assert.match(headline(out), /Facts and figures on .*carers.* from the plan/);
  });

  it('"who decides?" after guidance asks about the article just shown, not wherever else "decides" is found', () => {
    const c = conversation();
    const first = c.say('what is a direct payment');
    assert.equal(first.answer?.type === 'passage' ? first.answer.passage.docId : '', 'sds-option-1');
    const out = c.say('who decides?');
    assert.equal(out.log.event, 'follow-up');
    assert.equal(out.answer?.type === 'passage' ? out.answer.passage.docId : out.answer?.type, 'sds-option-1');
  });

  it('"how much has that grown?" asks about the passage just shown, when it holds a figure', () => {
    const c = conversation();
    assert.match(headline(c.say('what is the reserve budget')), /reserve budget/);
    const out = c.say('how much has that grown?');
    assert.equal(out.log.followUp, 'context');
    assert.match(texts(out)[0], /, in “Our reserve budget”:$/);
    assert.match(JSON.stringify(cards(out)), /£9m/);
    // "which year was that?": "year" names only the kind of answer, which other parts holding "year" do not give.
    assert.equal(namesOnlyTheAnswer('which year was that?'), true);
    assert.equal(namesOnlyTheAnswer('when did it get royal assent?'), false);
  });

  it('"is there a line they can ring at night?" gives the lines open then: of the service shown, or of services for the same need', () => {
    const c = conversation();
    const first = c.say('rehab at home after a hospital stay');
    assert.equal(first.answer?.type === 'services' ? first.answer.services[0]?.name : undefined, 'Hilltop Rehab Team');
    const night = c.say('is there a line they can ring at night?');
    // The service asked of first, with its own number; then the lines open at night for the same need.
    assert.match(texts(night)[0] ?? '', /^\*\*Hilltop Rehab Team\*\* — phone: 0131 496 0004[^\n]*\n\nServices for “rehab at home after a hospital stay” outside office hours:/);
    assert.match(texts(night)[0] ?? '', /\*\*Moorside Nurse Line\*\* — phone: 0131 496 0007 \(Night line, out of hours\)/);
    // Only a line open then that a person can ring: not the day line, a professionals' line or a complaints line.
    for (const number of ['0131 496 0006', '0131 496 0008', '0131 496 0009']) assert.doesNotMatch(texts(night)[0] ?? '', new RegExp(number));
    assert.deepEqual(night.answer?.type === 'services' ? night.answer.services.map((s) => s.name) : [], ['Moorside Nurse Line']);
    // Asked of a service shown that has such a line, that line.
    const d = conversation();
    d.say('Moorside Nurse Line');
    assert.match(texts(d.say('its gone 6, any out of hours number?'))[0] ?? '', /^\*\*Moorside Nurse Line\*\* — phone: 0131 496 0007 \(Night line, out of hours\) _/);
    // "and if it's out of hours?" asks who can be phoned then, not the hours of those shown.
    const ifOut = conversation();
    ifOut.say('rehab at home after a hospital stay');
    assert.match(texts(ifOut.say('and if its out of hours?'))[0] ?? '', /Moorside Nurse Line\*\* — phone: 0131 496 0007 \(Night line, out of hours\)/);
    // Hyphenated, "out-of-hours" is the same.
    const hyphen = conversation();
    hyphen.say('rehab at home after a hospital stay');
    assert.match(texts(hyphen.say("and if it's out-of-hours?"))[0] ?? '', /Moorside Nurse Line\*\* — phone: 0131 496 0007/);
    // "and if it's a saturday, are they open?" still asks the hours of those shown.
    const ifOpen = conversation();
    ifOpen.say('rehab at home after a hospital stay');
    assert.match(texts(ifOpen.say('and if its a saturday, are they open?'))[0] ?? '', /^\*\*Hilltop Rehab Team\*\* — opening hours/);
    // "what happens after tonight?" asks the next steps, not who is open tonight.
    const after = conversation();
    after.say('rehab at home after a hospital stay');
    const next = texts(after.say('what happens after tonight?'))[0] ?? '';
    assert.match(next, /^\*\*Hilltop Rehab Team\*\* — /);
    assert.doesNotMatch(next, /Moorside Nurse Line|out of hours/);
    // A day alone after services ("what if it's a sunday?") asks who can be phoned then.
    const sunday = conversation();
    sunday.say('rehab at home after a hospital stay');
    assert.match(texts(sunday.say('and what if its a sunday?'))[0] ?? '', /Moorside Nurse Line\*\* — phone: 0131 496 0007 \(Night line, out of hours\)/);
    // So does an hour of the night, told without "night": "at 3am", "at 2 in the morning".
    for (const ask of ['and if he needs someone to talk to at 3am?', 'and if she is struggling at 2 in the morning']) {
      const night = conversation();
      night.say('rehab at home after a hospital stay');
      assert.match(texts(night.say(ask))[0] ?? '', /Moorside Nurse Line\*\* — phone: 0131 496 0007 \(Night line, out of hours\)/, ask);
    }
    assert.equal(asksOutOfHours('is it open at 3am'), false);
    assert.equal(asksOutOfHours('can she ring at 11am'), false);
    assert.equal(asksOutOfHours('can she ring before 6pm'), false);
    assert.equal(asksOutOfHours('what if it kicks off at 3am'), true);
    // "within 24 hours" is how soon, not a time of day.
    const soon = conversation();
    soon.say('Moorside Nurse Line');
    assert.doesNotMatch(texts(soon.say('can she be seen within 24 hours?'))[0] ?? '', /outside office hours/);
    // "and if it's after that?", "once they close?" after their hours: who can be phoned then.
    for (const ask of ['and if its after that?', 'and once they close?', 'and once it shuts?']) {
      const later = conversation();
      later.say('rehab at home after a hospital stay');
      later.say('what are their hours');
      assert.match(texts(later.say(ask))[0] ?? '', /Moorside Nurse Line\*\* — phone: 0131 496 0007 \(Night line, out of hours\)/, ask);
    }
    // ("what happens after that?" asks the next step.)
    assert.equal(asksOutOfHours('what happens after that?'), false);
    // "are they open at weekends?" asks the hours of those shown.
    const e = conversation();
    e.say('short breaks for carers');
    assert.match(texts(e.say('are they open at weekends?'))[0] ?? '', /opening hours: Monday to Friday, 9am to 5pm/);
  });

  it('reads the hour a message asks about, and whether a schedule is open then', () => {
    const hours: Array<[string, number | undefined]> = [['and after 10 at night?', 22], ['and at 3am?', 3], ['its gone 6, anyone?', 18], ['after midnight', 0], ['anyone at 2 in the morning', 2], ['room 3, after 10 at night', 22], ['over the weekend?', undefined], ['hes 80 and lives alone', undefined], ['can she be seen within 24 hours?', undefined]];
    // A number that is not said as a time is no hour, whatever else the message says of the night.
    hours.push(["she's 15, anyone she can call at night?", undefined], ['she has 2 kids, any help at night', undefined], ['wakes 3 times a night', undefined]);
    // The middle of the night is small hours, when a line open only by day is shut.
    hours.push(['and if its the middle of the night?', 3], ['in the wee hours', 3], ['do they have early hours', undefined]);
    for (const [text, hour] of hours) assert.equal(hourAsked(text), hour, text);
    assert.equal(openAt('Monday to Sunday 8am-10pm', 22), false);
    assert.equal(openAt('Monday to Sunday 8am-10pm', 21), true);
    // A span past midnight, and one running over days ("Fri 6pm to Mon 6am").
    assert.equal(openAt('Mon-Thu 6pm-2am; Fri 6pm to Mon 6am', 3), true);
    assert.equal(openAt('Mon-Thu 6pm-2am', 3), false);
    assert.equal(openAt('24 hours a day', 3), true);
    // No hours given: nothing to judge by.
    assert.equal(openAt('weekdays', 3), undefined);
    // When the day's last span ends: "after that" is from then.
    assert.equal(latestClosing(['Monday to Sunday 8am-10pm']), 22);
    assert.equal(latestClosing(['Mon-Fri 9am-1pm, 2pm-5pm']), 17);
    assert.equal(latestClosing(['24 hours a day']), undefined);
    // A span past midnight ends last; of several services, the one closing last decides.
    assert.equal(latestClosing(['Mon-Fri 9am-5pm, Sat 6pm-2am']), 2);
    assert.equal(latestClosing(['Monday to Sunday 8am-10pm', 'Mon-Fri 9am-5pm']), 22);
    assert.equal(latestClosing(['Monday to Sunday 8am-10pm', 'Mon-Thu 6pm-2am', undefined]), 2);
    assert.equal(latestClosing(['weekdays']), undefined);
  });

  it('"any other ones?" after services gives services for the same need besides those shown, or says there are none', () => {
    const c = conversation();
    const first = c.say('debt advice in Bonnyrigg');
    const shown = first.answer?.type === 'services' ? first.answer.services.map((s) => s.name) : [];
    assert.ok(shown.includes('Bonnyrigg Money Help'));
    const others = c.say('any other ones for him?');
    assert.equal(others.log.followUp, 'others');
    // Whichever money services the first answer left out, and none it showed.
    const rest = ['Bonnyrigg Money Help', 'Penicuik Money Help'].filter((name) => !shown.includes(name));
    if (rest.length) {
      assert.equal(texts(others)[0], 'Services for “debt advice”, besides those shown:');
      assert.deepEqual(others.answer?.type === 'services' ? others.answer.services.map((s) => s.name) : [], rest);
    } else assert.equal(texts(others)[0], `Services for “debt advice”, besides those shown: ${NO_OTHER_SERVICES}`);
    // Named, a service comes first; "anything else" then gives the money services not yet shown.
    const byName = conversation();
    const named = byName.say('Penicuik Money Help');
    const shownByName = named.answer?.type === 'services' ? named.answer.services.map((s) => s.name) : [];
    assert.equal(shownByName[0], 'Penicuik Money Help');
    const notPenicuik = byName.say('anything else for debt advice?');
    assert.ok(!JSON.stringify(cards(notPenicuik)).includes('Penicuik Money Help'));
    if (!shownByName.includes('Bonnyrigg Money Help')) assert.match(JSON.stringify(cards(notPenicuik)), /Bonnyrigg Money Help/);
    else assert.match(texts(notPenicuik)[0] ?? '', new RegExp(`besides those shown: ${NO_OTHER_SERVICES}$`));
    const carers = conversation();
    carers.say('short breaks for carers');
    assert.match(texts(carers.say('anything else for her?'))[0], new RegExp(`^Services for “short breaks for carers”, besides those shown: ${NO_OTHER_SERVICES}$`));
  });

  it('reads "first" as an item only when it picks one, and "is there" as asking, not pointing back', () => {
    const last = { at: '2026-03-02T10:00:00Z', question: 'short term aims', answer: 'plan_list' as const, items: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] };
    const standsAlone = (): boolean => true;
    assert.deepEqual(resolveFollowUp('the first one', last, standsAlone), { kind: 'open', index: 1 });
    assert.deepEqual(resolveFollowUp('second?', last, standsAlone), { kind: 'open', index: 2 });
    assert.notEqual(resolveFollowUp('do they have to tell her first', last, standsAlone).kind, 'open');
    assert.equal(leansBack('is there a lunch club', standsAlone), false);
    assert.equal(leansBack('and who is the chief officer', standsAlone), false);
    assert.equal(leansBack('can she go there', standsAlone), true);
    // An "it" that stands for what follows points nowhere; one that stands for what was shown still leans.
    assert.equal(leansBack('would it be easier if the pa was self employed instead of on payroll', standsAlone), false);
    assert.equal(leansBack('is it ok to pay a neighbour cash for odd jobs out of the budget', standsAlone), false);
    assert.equal(leansBack('would it be free for someone on pension credit and housing benefit', standsAlone), true);
    assert.equal(leansBack('would it be easier tomorrow', standsAlone), true);
    assert.equal(leansBack('any other ones for him', standsAlone), true);
    assert.equal(leansBack('who picks the option then', standsAlone), true);
    assert.equal(leansBack('so what do we do instead', standsAlone), true);
    assert.equal(leansBack('what do we do when a carer is ill', standsAlone), false);
    // Asking only the rules of something ("the conditions") asks them of what was shown.
    assert.equal(leansBack('what are the conditions', standsAlone), true);
    assert.equal(leansBack('what are the conditions for a pvg check', standsAlone), false);
    assert.equal(resolveFollowUp('what counts as a good enough reason', last, () => false).kind, 'rewrite');
    // Even when the words alone would find something ("conditions": health conditions).
    assert.equal(resolveFollowUp('on what conditions?', last, standsAlone).kind, 'rewrite');
    assert.equal(resolveFollowUp('what conditions apply to a pvg check', last, standsAlone).kind, 'new');
    assert.equal(resolveFollowUp('who is the manager', last, standsAlone).kind, 'new');
    // "there" is the place asked about last time; "is there" asks whether something exists.
    const inPlace = { ...last, question: 'day centre in penicuik', answer: 'services' as const, place: 'Penicuik' };
    assert.deepEqual(resolveFollowUp('and extra care housing there?', inPlace, standsAlone), { kind: 'rewrite', question: 'extra care housing in Penicuik', replaced: true, topic: 'extra care housing', place: 'Penicuik' });
    assert.equal(resolveFollowUp('is there extra care housing for older people', inPlace, standsAlone).kind, 'new');
    // "there" after a need without a lead-in points at the service shown, not the place.
    const eat = resolveFollowUp('can she eat there', inPlace, standsAlone);
    assert.ok(!(eat.kind === 'rewrite' && eat.question.includes('in Penicuik')));
    // ("good" on its own is not asking anything of what was shown.)
    assert.equal(leansBack('thats good enough', standsAlone), false);
    // Figures asked after the plan's commitments keep the figures and the topic, not the commitments frame.
    const commitments = { ...last, question: 'what did we commit to on carers in the ijb strategic plan' };
    const stats = resolveFollowUp('any stats on carers', commitments, standsAlone);
    assert.equal(stats.kind, 'rewrite');
    if (stats.kind === 'rewrite') {
      assert.match(stats.question, /\bstats\b/);
      assert.doesNotMatch(stats.question, /\bcommit\b/);
    }
    // The writer saying a new topic starts overrides any pointer in the rest.
    assert.equal(resolveFollowUp('different q, whats their number', last, standsAlone).kind, 'new');
    assert.equal(leansBack('another one - can she go there', standsAlone), false);
    // A condition on what was just answered leans back however many words it has.
    assert.equal(resolveFollowUp('and if she cant decide even with help and there is no attorney', last, standsAlone).kind, 'rewrite');
    // "What happens if …" is a condition too, asked in its own words of the last question's subject.
    const buys = { at: '2026-03-02T10:00:00Z', question: 'what can a payment be spent on', answer: 'passage' as const, passage: { id: 'a#b', kind: 'sds' as const, docId: 'a', title: 'What a payment buys' } };
    const spent = resolveFollowUp('what happens if he spends it on something else', buys, standsAlone);
    assert.equal(spent.kind, 'rewrite');
    if (spent.kind === 'rewrite') assert.match(spent.question, /^what happens if he spends it on something else .*\bpayment\b/);
    // One that stands on its own is a question of its own.
    assert.equal(resolveFollowUp('and what happens if a woman refuses an adult protection investigation', buys, standsAlone).kind, 'new');
  });

  it('"the second one" opens the second thing shown; "tell me more" the whole passage', () => {
    const c = conversation();
    c.say('short term aims under aim 2');
    const more = c.say('tell me more');
    assert.equal(more.log.followUp, 'more');
    assert.match(texts(more)[0], /^More of/);
    const services = conversation();
    services.say('short breaks for carers');
    const about = services.say('tell me more about it');
    assert.equal(texts(about)[0], 'More of “Riverside Carers Hub”:');
    assert.deepEqual(about.answer?.type === 'services' ? about.answer.services.map((s) => s.id) : [], ['riverside-carers-hub']);
    // "tell me more" on its own after services is more about the first one too; "any others?" more results.
    const bare = conversation();
    bare.say('short breaks for carers');
    assert.equal(texts(bare.say('tell me more'))[0], 'More of “Riverside Carers Hub”:');
    const others = conversation();
    others.say('short breaks for carers');
    assert.match(texts(others.say('any others?'))[0] ?? '', /^(?:More for|Services for)/);
    const sds = conversation();
    sds.say('what is option 1');
    const whole = sds.say('tell me more');
    assert.match(JSON.stringify(cards(whole)), /Anyone eligible for social care support/);
    // "why not?" asks the reason, which is in what was shown: that passage whole, not the next part.
    const why = conversation();
    const first = why.say('who holds the money under option 2');
    const shown = first.answer?.type === 'passage' ? first.answer.passage : undefined;
    assert.ok(shown);
    const reason = why.say('why not?');
    assert.equal(reason.log.followUp, 'more');
    assert.equal(texts(reason)[0], `More of “${shown.title}”:`);
    assert.equal(reason.answer?.type === 'passage' ? reason.answer.passage.id : undefined, shown.id);
  });

  it('a message that asks on its own is a new question, not a follow-up', () => {
    const c = conversation();
    c.say('debt advice in Bonnyrigg');
    for (const question of ['what is option 2', 'short term aims under aim 1', 'what is the annual budget', 'rehab at home after hospital']) {
      const out = c.say(question);
      assert.notEqual(out.log.event, 'follow-up', question);
      assert.ok(!texts(out).some((t) => /^Following on/.test(t)), question);
    }
  });

  it('forgets what it showed after 30 minutes of quiet', () => {
    const c = conversation();
    c.say('Riverside Carers Hub');
    const late = c.say("what's their number?", MEMORY_TTL_MS / 60_000 + 1);
    assert.notEqual(late.log.followUp, 'detail');
    assert.ok(!texts(late).some((t) => /Riverside Carers Hub\*\* — phone/.test(t)));
  });

  it('keeps no personal details in memory or records', () => {
    const c = conversation();
    const out = c.say('debt advice in Bonnyrigg for Mrs Smith, 07700 900123, jo@example.org');
    assert.ok(texts(out).includes(PRIVACY_REMINDER));
    const kept = JSON.stringify(c.memory());
    for (const detail of ['07700 900123', 'jo@example.org', 'Smith']) assert.ok(!kept.includes(detail), detail);
    const unsure = c.say('what about the weather forecast for Mr Brown on 0131 496 0999');
    assert.ok(!JSON.stringify([unsure.records, c.memory()]).includes('Brown'));
  });

  it('says "you\'re welcome" to thanks, and a short word to bye and ok, without the help card', () => {
    const c = conversation();
    for (const [text, reply] of [['thanks!', SMALL_TALK_REPLIES.thanks], ['Thank you very much', SMALL_TALK_REPLIES.thanks], ['bye', SMALL_TALK_REPLIES.bye], ['ok', SMALL_TALK_REPLIES.ok]] as const) {
      const out = c.say(text);
      assert.deepEqual(out.replies, [{ kind: 'text', text: reply }], text);
    }
  });

  it('reads a message of social words only as thanks or hello, and answers a question that follows thanks', () => {
    for (const [text, reply] of [['thanks ur a star', SMALL_TALK_REPLIES.thanks], ["cheers pal, you're a legend x", SMALL_TALK_REPLIES.thanks], ['hiya how are you today', SMALL_TALK_REPLIES.hello]] as const) {
      assert.deepEqual(conversation().say(text).replies, [{ kind: 'text', text: reply }], text);
    }
    assert.notEqual(conversation().say('thanks! and is there a day centre in penicuik').answer?.type, undefined);
  });

  it('says when it read only the start of a very long message', () => {
    const out = conversation().say(`debt advice ${'please '.repeat(MAX_MESSAGE_CHARS / 7 + 10)}`);
    assert.ok(texts(out).includes(LONG_MESSAGE_NOTICE));
    assert.ok(!texts(conversation().say('debt advice')).includes(LONG_MESSAGE_NOTICE));
  });

  it('hints that it reads English only when a message is in another language', () => {
    for (const text of ['¿Dónde puedo encontrar ayuda para mi madre?', 'Gdzie mogę znaleźć pomoc dla opiekuna?', 'أين أجد المساعدة']) {
      assert.ok(texts(conversation().say(text)).includes(OTHER_LANGUAGE_HINT), text);
    }
    assert.ok(!texts(conversation().say('zzqx wibble')).includes(OTHER_LANGUAGE_HINT));
  });

  it('never shows a curator\'s note; a service with no published route says so and names who to ask', () => {
    const c = conversation();
    c.say('lunch club for older people');
    const refer = texts(c.say('how do I refer?'))[0];
    assert.match(refer, /Sunny Lunch Club\*\* — how to refer: No referral route is published for this service\. Ask Made-up Trust/);
    const again = c.say('lunch club for older people');
    const shown = JSON.stringify([cards(again), texts(again)]);
    assert.ok(!/sources read|verify|probably|not captured/i.test(shown), shown.slice(0, 300));
  });

  it('a card button carries the conversation on: feedback is a record to keep, not a write', () => {
    const core = new ConversationCore(madeUpEngine());
    const out = core.respond({ input: { kind: 'action', value: { verb: 'feedback', helpful: true, passageId: 'sds-option-1#intro' } }, memory: {}, now: new Date(), conversation: 'hash' });
    assert.deepEqual(out.records, [{ kind: 'feedback', passageId: 'sds-option-1#intro', helpful: true }]);
    const altered = core.respond({ input: { kind: 'action', value: { verb: 'feedback', helpful: true, passageId: 'no-such-passage' } }, memory: {}, now: new Date(), conversation: 'hash' });
    assert.deepEqual(altered.records, [], 'an id the index does not know is not recorded');
  });
});

describe('follow-up resolution (patterns, not phrases)', () => {
  const last = { at: '2026-03-02T10:00:00Z', question: 'debt advice in Bonnyrigg', answer: 'services' as const, services: [{ id: 'a', name: 'Bonnyrigg Money Help' }, { id: 'b', name: 'Riverside Carers Hub' }] };
  const never = (): boolean => false;

  it('"how long does the programme last?" asks how long it runs; "hou much", "applyin" are read as meant', () => {
    const always = (): boolean => true;
    for (const text of ['how long does the programme last', 'how long does the course run', 'how many weeks is it']) {
      const out = resolveFollowUp(text, last, always);
      assert.ok(out.kind === 'detail' && out.field === 'hours' && out.soon === true, `${text}: ${JSON.stringify(out)}`);
    }
    // "what times can he ring them" asks when they are open; "how quick do they usually get out to folk" how
    // soon they come, and a word of a name ("gp referrals" beside "Riverside GP Hub") picks no service.
    assert.deepEqual(resolveFollowUp('what times can he ring them', last, always), { kind: 'detail', field: 'hours' });
    for (const text of ['how quick', 'and how soon would it be']) assert.deepEqual(resolveFollowUp(text, last, always), { kind: 'detail', field: 'hours', soon: true }, text);
    const gpShown = { ...last, services: [{ id: 'a', name: 'Riverside GP Hub' }, { id: 'b', name: 'Home Team' }] };
    for (const text of ['how quick do they usually get out to folk', 'how fast do they get out to gp referrals']) {
      const out = resolveFollowUp(text, gpShown, always);
      assert.ok(out.kind === 'detail' && out.field === 'hours' && out.soon === true && out.index === undefined, `${text}: ${JSON.stringify(out)}`);
    }
    // A short question, a comma, then more about the person asks the detail; more about something else does not.
    assert.deepEqual(resolveFollowUp('how does she apply, can she just fill in a form herself', last, always), { kind: 'detail', field: 'refer' });
    assert.notDeepEqual(resolveFollowUp('how do i apply, her son wants her to get a direct payment instead', last, always), { kind: 'detail', field: 'refer' });
    // Two words of a name do pick the service asked how soon.
    const named = resolveFollowUp('how soon do they see people at the home team', gpShown, always);
    assert.ok(named.kind === 'detail' && named.index === 2, JSON.stringify(named));
    // (How long the wait is asks the same; a question naming its own topic is not asked of them.)
    assert.equal(resolveFollowUp('how long does a blue badge last', last, always).kind, 'new');
    const cost = resolveFollowUp('hou much is it a week', last, always);
    assert.equal(cost.kind === 'detail' ? cost.field : cost.kind, 'cost');
    for (const text of ['how much?', 'the carers hub - how much', 'how much a session', "she's skint, is it dear", 'are they pricey', 'pricey?', 'expensive tho?']) {
      const bare = resolveFollowUp(text, last, always);
      assert.equal(bare.kind === 'detail' ? bare.field : bare.kind, 'cost', text);
    }
    // ("my dear", "dear me" ask no price.)
    const dear = resolveFollowUp('oh dear, what now', last, always);
    assert.notEqual(dear.kind === 'detail' ? dear.field : dear.kind, 'cost');
    // ("how much did the plan say" asks no price.)
    const plan = resolveFollowUp('how much money does the plan say is set aside', last, always);
    assert.notEqual(plan.kind === 'detail' ? plan.field : plan.kind, 'cost');
    assert.deepEqual(resolveFollowUp('how does he go about applyin', last, always), { kind: 'detail', field: 'refer' });
  });

  it('picks the one shown by a word of what it is ("the carers place", "the helpline"), and "the other one you mentioned" among those shown', () => {
    const always = (): boolean => true;
    assert.deepEqual(resolveFollowUp('the other one you mentioned, the carers place - whats their number', last, always), { kind: 'detail', field: 'phone', index: 2 });
    const three = { ...last, services: [...last.services, { id: 'c', name: 'Moorside Nurse Helpline' }] };
    const line = resolveFollowUp('is the helpline open on saturdays', three, always);
    assert.ok(line.kind === 'detail' && line.field === 'hours' && line.index === 3, JSON.stringify(line));
    // (A word two names hold picks neither.)
    const two = { ...last, services: [{ id: 'a', name: 'Moorside Nurse Helpline' }, { id: 'b', name: 'Hilltop Helpline' }] };
    const either = resolveFollowUp('is the helpline open on saturdays', two, never);
    assert.ok(!(either.kind === 'detail' && either.index !== undefined), JSON.stringify(either));
  });

  it('a question among sentences that only tell more asks its detail; "and what\'s listed as longer term?" asks on from the plan', () => {
    const asked = resolveFollowUp("Could you also tell me whether there is a charge for the service and how it's paid? The daughter looks after her mum's finances.", last, () => true);
    assert.ok(asked.kind === 'detail' && asked.field === 'cost', JSON.stringify(asked));
    const list: LastShown = { at: '2026-03-02T10:00:00Z', question: 'medium term aims under aim 2', answer: 'plan_list', items: [{ id: 'a', title: 'A' }] };
    assert.deepEqual(resolveFollowUp("And what's listed as longer term?", list, () => true), { kind: 'rewrite', question: 'longer term aims under aim 2' });
    // (A whole question naming an option stands alone.)
    assert.deepEqual(resolveFollowUp('and what is option 1', list, () => true), { kind: 'new' });
  });

  it('"number and where are they" asks both details; "what times can she ring them" asks only when', () => {
    const both = resolveFollowUp('number and where are they', last, () => true);
    assert.ok(both.kind === 'detail' && both.field === 'phone' && both.also?.includes('address'), JSON.stringify(both));
    const when = resolveFollowUp('what times can she ring them', last, () => true);
    assert.ok(when.kind === 'detail' && when.field === 'hours' && when.also === undefined, JSON.stringify(when));
    const chat = conversation();
    chat.say('Riverside Carers Hub');
    const reply = texts(chat.say('whats their number and where are they based')).join(' ');
    assert.match(reply, /0131 496 0001/);
    assert.match(reply, /address/);
  });

  it('"what about his sister, shes in penicuik" asks the same need in that place; a relative with a need of her own asks anew', () => {
    const asked = resolveFollowUp('what about his sister, shes in penicuik', last, () => true);
    assert.ok(asked.kind === 'rewrite' && asked.place === 'Penicuik' && !/sister/.test(asked.question), JSON.stringify(asked));
    assert.equal(resolveFollowUp('what about his sister, she needs a carer in penicuik', last, () => true).kind, 'new');
  });

  it('"the best number for the family to ring" asks the number of those shown; "gp out of hours number" names whose number', () => {
    const asked = resolveFollowUp('what would be the best number for the family to ring to find out more', last, never);
    assert.ok(asked.kind === 'detail' && asked.field === 'phone', JSON.stringify(asked));
    assert.notEqual(resolveFollowUp('gp out of hours number', last, never).kind, 'detail');
  });

  it('"ther no.", "wats there no", "ther numbr" ask their phone number; "is there no one in penicuik" does not', () => {
    const always = (): boolean => true;
    for (const text of ['ther no.', 'wats there no.', 'ther numbr', 'their no?', 'thier num', 'num', 'num?', 'and num']) {
      const out = resolveFollowUp(text, last, always);
      assert.equal(out.kind === 'detail' ? out.field : out.kind, 'phone', text);
    }
    assert.notEqual(resolveFollowUp('is there no one in penicuik', last, never).kind, 'detail');
    // "24hr?" asks the hours; "n e" is "any" and "n" before "after" is "and".
    const hours = resolveFollowUp('24hr?', last, always);
    assert.equal(hours.kind === 'detail' ? hours.field : hours.kind, 'hours');
    assert.equal(resolveFollowUp('n after 10', last, always).kind, 'rewrite');
    // ("n e" is "any": "n e day care for him" asks on, as "any day care for him" does.)
    assert.equal(resolveFollowUp('n e day care for him', last, always).kind, resolveFollowUp('any day care for him', last, always).kind);
    // "when does it end" asks when a thing ends, not a service's hours; "when are they open" does.
    const ends = resolveFollowUp('and when does it end', last, always);
    assert.notEqual(ends.kind === 'detail' ? ends.field : ends.kind, 'hours');
    const open = resolveFollowUp('when are they open', last, always);
    assert.equal(open.kind === 'detail' ? open.field : open.kind, 'hours');
  });

  it('"here" in "which do we fund here" is where the staff member is, not a topic word', () => {
    assert.deepEqual(topicWords('which do we actually fund here'), ['fund']);
    assert.deepEqual(topicWords('is there a carers centre here'), ['carers', 'centre']);
  });

  it('a detail asked first, then "can he text it?", is that detail even when the rest would be answered on its own', () => {
    const always = (): boolean => true;
    const out = resolveFollowUp('contact number? can he text it, hes shy on the phone', last, always);
    assert.equal(out.kind === 'detail' ? out.field : out.kind, 'phone');
    assert.notEqual(resolveFollowUp('contact number? can he get a dementia day centre place in bonnyrigg', last, always).kind, 'detail');
  });

  it('someone else close to the person, with a need of their own, is a new question; one who wants the same is not', () => {
    assert.deepEqual(resolveFollowUp('her neighbour is 67 and wants something cheap and sociable, walking groups maybe', last, never), { kind: 'new' });
    assert.deepEqual(resolveFollowUp('what about his mum, 72, lonely, likes a blether, any groups for older folk', last, never), { kind: 'new' });
    // (A word ending in "-er" is no comparison: "her daughter for respite" wants nothing like what was shown.)
    assert.deepEqual(resolveFollowUp('his sister wants a carers group for her daughter for respite', last, never), { kind: 'new' });
    for (const text of ['her pal in penicuik wants to go too, will they pick her up', 'his neighbour wants something similar but in gorebridge']) {
      assert.notDeepEqual(resolveFollowUp(text, last, never), { kind: 'new' }, text);
    }
  });

  it('reads pronouns, lead-ins, places, ordinals and service names', () => {
    assert.deepEqual(resolveFollowUp('their phone?', last, never), { kind: 'detail', field: 'phone' });
    assert.deepEqual(resolveFollowUp("the second one's number", last, never), { kind: 'detail', field: 'phone', index: 2 });
    assert.deepEqual(resolveFollowUp('Riverside email?', last, never), { kind: 'detail', field: 'email', index: 2 });
    assert.deepEqual(resolveFollowUp('freephone no?', last, never), { kind: 'detail', field: 'phone' });
    assert.deepEqual(resolveFollowUp('who do i speak to there', last, never), { kind: 'detail', field: 'phone' });
    assert.notDeepEqual(resolveFollowUp('who should she talk to about her debts', last, never), { kind: 'detail', field: 'phone' });
    assert.deepEqual(resolveFollowUp('at night?', last, never), { kind: 'detail', field: 'hours' });
    // "n" and "&" open a follow-up as "and" does; "what happens after tonight then" asks the next steps.
    assert.deepEqual(resolveFollowUp('n what about overnight', last, never), { kind: 'detail', field: 'hours', words: ['overnight'] });
    assert.deepEqual(resolveFollowUp('& at weekends?', last, never), { kind: 'detail', field: 'hours' });
    // ("n has dementia, can she have a pa" starts with a client's initial.)
    assert.equal(resolveFollowUp('n has dementia, can she have a pa', last, () => true).kind, 'new');
    // ("n PAs for kids" and "n carers?" ask on, as "and" would.)
    for (const text of ['n PAs for kids', 'n carers?']) assert.notEqual(resolveFollowUp(text, last, () => true).kind, 'new', text);
    const next = resolveFollowUp('what happens after tonight then', last, never);
    assert.equal(next.kind === 'detail' ? next.field : next.kind, 'refer');
    // A landline is something the person needs, not a number to ring.
    const landline = resolveFollowUp('does he need a landline for it', last, never);
    assert.ok(!(landline.kind === 'detail' && landline.field === 'phone'));
    assert.deepEqual(resolveFollowUp('anything in Loanhead?', last, never), { kind: 'rewrite', question: 'debt advice in Loanhead', place: 'Loanhead' });
    assert.deepEqual(resolveFollowUp('open the first', last, never), { kind: 'open', index: 1 });
  });

  it('reads law, referral and timescale words typed in a hurry as the words meant', () => {
    const passage = { at: '2026-03-02T10:00:00Z', question: 'do carers pay for respite', answer: 'passage' as const, passage: { id: 's#a', kind: 'sds' as const, docId: 's', title: 'Carers and charges' } };
    for (const text of ['what legislaton covers that', 'which regulaton is that', 'legislaton for that?']) assert.equal(resolveFollowUp(text, passage, () => true).kind, 'reference', text);
    assert.equal(slotsIn('the meduim term ones').timescale, 'medium');
    assert.equal(slotsIn('shrot term?').timescale, 'short');
    assert.equal(slotsIn('longr term').timescale, 'longer');
    assert.equal(slotsIn('and the stuff further down the line').timescale, 'longer');
    // ("anything further out, like gorebridge" is a place further away.)
    assert.equal(slotsIn('is there anything further out, like gorebridge').timescale, undefined);
    // "this term" at school, "fixed term" contracts: no timescale of the plan.
    assert.equal(slotsIn('is she off this term').timescale, undefined);
    assert.equal(slotsIn('fixed term contract?').timescale, undefined);
    assert.deepEqual(parsePlanQuery('shrot term actions under aim 1'), { aim: 1, outcome: undefined, timescale: 'short', commitments: false, topic: '' });
  });

  it('"and number 6?" asks for that one of what the last question counted: a standard, an option, an aim', () => {
    const standards = { at: '2026-03-02T10:00:00Z', question: 'how many standards are in the framework', answer: 'passage' as const, passage: { id: 's#a', kind: 'sds' as const, docId: 's', title: 'The framework of standards' } };
    for (const text of ['and number 6?', 'n number 6 is about?', 'number 6']) assert.deepEqual(resolveFollowUp(text, standards, () => true), { kind: 'rewrite', question: 'standard 6', replaced: true, topic: 'standard 6' }, text);
    const options = { ...standards, question: 'what are the sds options' };
    const second = resolveFollowUp('and number 2?', options, () => true);
    assert.match(second.kind === 'rewrite' ? second.question : second.kind, /^(?:what is )?option 2$/);
    // Asked in full ("what does number 2 mean exactly"), the same; and when the passage shown lists the
    // options, "Option 2 – …" is that option, whose own article says more.
    for (const text of ['what does number 2 mean exactly', 'whats number 2 about', 'explain number 2']) {
      const out = resolveFollowUp(text, options, () => true);
      assert.match(out.kind === 'rewrite' ? out.question : out.kind, /^(?:what is )?option 2$/, text);
    }
    const listed = resolveFollowUp('what does number 2 mean', { ...options, listItems: ['Option 1 – a direct payment', 'Option 2 – the person chooses'] }, () => true);
    assert.match(listed.kind === 'rewrite' ? listed.question : listed.kind, /^(?:what is )?option 2$/);
    // (A list of other things keeps its own second item.)
    const item = resolveFollowUp('what does number 2 mean', { ...standards, listItems: ['Be safe', 'Be heard'] }, () => true);
    assert.match(item.kind === 'rewrite' ? item.question : item.kind, /Be heard/);
    // ("what is No.11" names the No11 hub; a number after a question that counted nothing is no item.)
    const hub = resolveFollowUp('what is No.11', { ...standards, question: 'medium term aims under aim 1' }, () => true);
    assert.doesNotMatch(hub.kind === 'rewrite' ? hub.question : hub.kind, /\baim 11\b/);
    // After services, "number 2" is no option or standard.
    const services = { at: '2026-03-02T10:00:00Z', question: 'what options are there for day care in penicuik', answer: 'services' as const, services: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }] };
    const second2 = resolveFollowUp('number 2', services, () => false);
    assert.doesNotMatch(second2.kind === 'rewrite' ? second2.question : second2.kind, /option 2/);
    const payment = { ...standards, question: 'what is a direct payment', passage: { ...standards.passage, title: 'Direct payments' } };
    assert.notDeepEqual(resolveFollowUp('number 6', payment, () => true), { kind: 'rewrite', question: 'standard 6', replaced: true, topic: 'standard 6' });
  });

  it('keeps a negation with the word it negates: "if she doesn\'t pick one" is not "pick"', () => {
    assert.deepEqual(topicWords('and if she doesnt pick one?'), ['doesnt', 'pick']);
    assert.deepEqual(topicWords("and if she doesn't pick one?"), ['doesnt', 'pick']);
    assert.deepEqual(topicWords('and if she doesn’t pick one?'), ['doesnt', 'pick']);
    assert.deepEqual(topicWords('what if it wasnt approved?'), ['wasnt', 'approved']);
    assert.deepEqual(topicWords('what if he cant decide'), ['cannot', 'decide']);
    // "does that matter" asks whether the fact counts; the fact is the topic.
    assert.deepEqual(topicWords('he lives with her, does that matter'), ['lives']);
    assert.deepEqual(topicWords('what if they pick option 2'), ['pick']);
    const options = { at: '2026-03-02T10:00:00Z', question: 'what are the four options', answer: 'passage' as const };
    const read = resolveFollowUp('and if she doesnt pick one?', options, never);
    assert.ok(read.kind === 'rewrite' && /doesnt pick/.test(read.question), JSON.stringify(read));
  });

  it('keeps a figure question\'s own words, adding the last topic, rather than the last question\'s frame', () => {
    const shown = { at: '2026-03-02T10:00:00Z', question: 'what are the eligibility bands', answer: 'passage' as const, passage: { id: 'p#1', kind: 'sds' as const, docId: 'p', title: 'Eligibility bands' } };
    const out = resolveFollowUp('how many people are in those bands', shown, never);
    assert.equal(out.kind, 'rewrite');
    assert.match(out.kind === 'rewrite' ? out.question : '', /^how many people are in those bands eligibility$/);
    // With no words of its own, "how many are there?" asks the figure of the last topic, not the rest of the passage.
    assert.deepEqual(resolveFollowUp('how many are there', { ...shown, question: 'are the sds standards law' }, never), { kind: 'rewrite', question: 'how many are there sds standards law', topic: 'sds standards law' });
    // A group of people alone ("over 75s?", "the under 18s") asks the last question of them, however well it
    // stands alone; a question about people ("older people services") is its own.
    for (const text of ['over 75s?', 'the under 18s', 'older folk?']) {
      const group = resolveFollowUp(text, { ...shown, question: 'population growth figures' }, () => true);
      assert.ok(group.kind === 'rewrite' && group.question.startsWith('population growth figures '), `${text}: ${JSON.stringify(group)}`);
    }
    assert.equal(resolveFollowUp('older people services in dalkeith', { ...shown, question: 'population growth figures' }, () => true).kind, 'new');
    // "Any figures to back that up?" asks the figures of the last topic; "back up" is no topic.
    assert.deepEqual(resolveFollowUp('any figures to back that up?', { ...shown, question: 'what did we commit to on unpaid carers' }, never), { kind: 'rewrite', question: 'any figures commit unpaid carers', topic: 'commit unpaid carers' });
    // "and in office hrs?" after services for out of hours asks for the same need in the working day.
    const night = { at: '2026-03-02T10:00:00Z', question: 'emergency sw number out of hours pls', answer: 'services' as const, services: [{ id: 'a', name: 'Night Line' }] };
    assert.deepEqual(resolveFollowUp('and in office hrs?', night, never), { kind: 'rewrite', question: 'emergency sw number pls office hours', topic: 'office hours', kinds: ['service'] });
    // So does the number for the working day, asked by name ("the normal weekday number?"); a number of its own is not.
    assert.deepEqual(resolveFollowUp('and the normal weekday number?', night, never), { kind: 'rewrite', question: 'emergency sw number pls office hours', topic: 'office hours', kinds: ['service'] });
    for (const text of ['and the housing number?', 'and their usual number?']) {
      const read = resolveFollowUp(text, night, never);
      assert.ok(read.kind !== 'rewrite' || read.topic !== 'office hours', text);
    }
    // "does that apply to carers?" asks whether a rule covers them, not how to apply for a service.
    assert.notEqual(resolveFollowUp('does that apply to carers', { ...shown, question: 'what reasons count' }, () => true).kind, 'detail-search');
    // "figures?" alone asks the same; "figures on housing" has a topic of its own.
    assert.deepEqual(resolveFollowUp('figures?', { ...shown, question: 'what did we commit to on unpaid carers' }, never), { kind: 'rewrite', question: 'figures commit unpaid carers', topic: 'commit unpaid carers' });
    assert.notDeepEqual(resolveFollowUp('figures on housing', { ...shown, question: 'what did we commit to on unpaid carers' }, () => true), { kind: 'rewrite', question: 'figures on housing commit unpaid carers', topic: 'commit unpaid carers' });
    // After services, "how long does it last" asks about the service shown, as before.
    assert.notEqual(resolveFollowUp('how long does it last', last, never).kind, 'new');
  });

  it('"what about under 16s?" asks the last question of that age group in place of the one it named', () => {
    const shown = { at: '2026-03-02T10:00:00Z', question: 'who has to be offered an adult carer support plan', answer: 'passage' as const, passage: { id: 'p#1', kind: 'sds' as const, docId: 'p', title: 'Carer plans' } };
    assert.deepEqual(resolveFollowUp('what about under 16s', shown, never), { kind: 'rewrite', question: 'who has to be offered an under 16s carer support plan', replaced: true, topic: '16s' });
    const equivalent = resolveFollowUp("what's the equivalent for under 18s", shown, never);
    assert.equal(equivalent.kind === 'rewrite' ? equivalent.question : equivalent.kind, 'who has to be offered an under 18s carer support plan');
    // An age word in a thing's name is no group to swap.
    const named = resolveFollowUp('what about under 16s', { ...shown, question: 'what is adult support and protection' }, never);
    assert.ok(!(named.kind === 'rewrite' && named.question.startsWith('what is under 16s')), JSON.stringify(named));
    // A group the last question did not name, or words beyond the group, are added as before.
    const none = resolveFollowUp('what about under 16s', { ...shown, question: 'who has to be offered a carer support plan' }, never);
    assert.equal(none.kind === 'rewrite' ? none.question : none.kind, 'who has to be offered a carer support plan 16s');
    const more = resolveFollowUp('what about kids with autism', shown, never);
    assert.ok(more.kind === 'rewrite' && !more.question.includes('kids carer'), JSON.stringify(more));
  });

  it('"who isnt allowed one?" reads "one" as the thing the last question named with "a" or "an"', () => {
    const shown = { at: '2026-03-02T10:00:00Z', question: 'council has turned down a widget grant for my client, what now', answer: 'passage' as const, passage: { id: 'p#1', kind: 'sds' as const, docId: 'p', title: 'Widget grants' } };
    assert.deepEqual(resolveFollowUp('who isnt allowed one at all', shown, () => true), { kind: 'rewrite', question: 'who isnt allowed a widget grant at all', replaced: true, topic: 'widget grant' });
    assert.equal(namedWithArticle('whats an acsp'), 'an acsp');
    // A person named with "a" is not what "one" stands for, nor a time; a number or a pointer at an item is no "one" to read.
    assert.equal(namedWithArticle('a lady in her 80s needs a wee break'), 'a wee break');
    assert.equal(namedWithArticle('can a carer get a short break'), 'a short break');
    assert.equal(namedWithArticle('she gets 3 hours a week of care'), undefined);
    assert.equal(namedWithArticle('what happens to her dp'), undefined);
    for (const number of ['he has one leg and uses a wheelchair, can he get a blue badge', 'she needs one to one support', 'can she have one night a week away']) {
      const out = resolveFollowUp(number, shown, () => true);
      assert.ok(!(out.kind === 'rewrite' && out.question.includes('widget')), `${number}: ${JSON.stringify(out)}`);
    }
    const ordinal = resolveFollowUp('tell me about the second one', shown, () => true);
    assert.ok(!(ordinal.kind === 'rewrite' && ordinal.question.includes('widget')), JSON.stringify(ordinal));
    // After services "one" may be a service of their kind, asked of the directory as before.
    const services = resolveFollowUp('can she get one', { ...shown, passage: undefined, services: [{ id: 's1', name: 'Widget Club' }] }, () => true);
    assert.ok(!(services.kind === 'rewrite' && services.question.includes('widget grant')), JSON.stringify(services));
  });

  it('"what else sits under that outcome?" after a part of the plan asks for the plan\'s list of that outcome or aim', () => {
    const shown = { at: '2026-03-02T10:00:00Z', question: 'what does the plan say about widgets', answer: 'passage' as const, passage: { id: 'plan#w', kind: 'plan' as const, docId: 'plan', title: 'Widgets', aim: 2, outcome: '2.4' } };
    for (const ask of ['what else sits under that outcome', 'anything else under that outcome?', 'what else is in the same outcome', 'anything more under this outcome', 'tell me more about that outcome']) {
      assert.deepEqual(resolveFollowUp(ask, shown, () => true), { kind: 'rewrite', question: 'outcome 2.4', replaced: true }, ask);
    }
    for (const ask of ['anything else under that aim', 'more on that aim']) assert.deepEqual(resolveFollowUp(ask, shown, () => true), { kind: 'rewrite', question: 'aim 2', replaced: true }, ask);
    // Words of its own after it ask a topic of their own, not the whole list.
    const topic = resolveFollowUp('anything else in that outcome about dementia', shown, () => true);
    assert.ok(!(topic.kind === 'rewrite' && topic.question === 'outcome 2.4'), JSON.stringify(topic));
    // Without an outcome shown, there is no list to give.
    const noOutcome = resolveFollowUp('what else sits under that outcome', { ...shown, passage: { ...shown.passage, outcome: undefined } }, () => true);
    assert.ok(!(noOutcome.kind === 'rewrite' && /^outcome /.test(noOutcome.question)), JSON.stringify(noOutcome));
  });

  it('"anyone local who can help her with all that?" after guidance asks for services that help with what was shown', () => {
    const shown = { at: '2026-03-02T10:00:00Z', question: 'what does he have to sort out as an employer', answer: 'passage' as const, passage: { id: 'p#1', kind: 'sds' as const, docId: 'p', title: 'Being a PA employer' } };
    for (const ask of ['anyone local who can help him with all that', 'who can help her set it up independently', 'is there an organisation that could support them with it']) {
      assert.deepEqual(resolveFollowUp(ask, shown, never), { kind: 'rewrite', question: 'Being a PA employer what does he have to sort out as an employer', kinds: ['service'] }, ask);
    }
    // A duty ("who has to support her?") is asked of the guidance; help with something named is asked of
    // that; after services, help is asked of the services shown.
    assert.ok(!('kinds' in resolveFollowUp('who has to support her', shown, never)));
    assert.ok(!('kinds' in resolveFollowUp('who can help with the pension', shown, never)));
    assert.ok(!('kinds' in resolveFollowUp('who can help him with that', last, never)));
  });

  it('"which options can he still have then?" asks it of the passage shown, whole; "what else?" goes on', () => {
    const shown = { at: '2026-03-02T10:00:00Z', question: 'a direct payment is not suitable, what do we do', answer: 'passage' as const, passage: { id: 'p#1', kind: 'sds' as const, docId: 'p', title: 'If a direct payment is refused' } };
    for (const ask of ['which options can he still have then', 'so what can he still have', 'can he still get the other options']) assert.deepEqual(resolveFollowUp(ask, shown, never), { kind: 'more', whole: true }, ask);
    for (const ask of ['what else', 'any more?', 'is there more', 'what then']) assert.deepEqual(resolveFollowUp(ask, shown, never), { kind: 'more' }, ask);
  });

  it('"outcomes under the 2nd one?" after the plan\'s aims asks of that aim by its number; after another list, of the item', () => {
    const aims = { at: '2026-03-02T10:00:00Z', question: 'what are the 3 aims', answer: 'passage' as const, passage: { id: 'p#aims', kind: 'plan' as const, docId: 'p', title: 'Our Strategic Aims' }, listItems: ['People stay well', 'People get care at home', 'Rights are protected'] };
    assert.deepEqual(resolveFollowUp('outcomes under the 2nd one?', aims, never), { kind: 'rewrite', question: 'outcomes under aim 2', replaced: true });
    // (A list of one timescale's aims under an aim lists outcomes' parts, not the strategic aims.)
    const timescale = { ...aims, passage: { ...aims.passage, title: 'Medium term aims under Strategic Aim No.2' } };
    assert.notDeepEqual(resolveFollowUp('outcomes under the 2nd one?', timescale, never), { kind: 'rewrite', question: 'outcomes under aim 2', replaced: true });
    const other = { ...aims, passage: { ...aims.passage, title: 'Our values' } };
    assert.deepEqual(resolveFollowUp('outcomes under the 2nd one?', other, never), { kind: 'rewrite', question: 'outcomes under People get care at home', replaced: true });
  });

  it('"anything else in that timescale?" after a part of the plan lists that timescale\'s aims, under the aim named or shown', () => {
    const shown = { at: '2026-03-02T10:00:00Z', question: 'falls and frailty', answer: 'passage' as const, passage: { id: 'p#falls', kind: 'plan' as const, docId: 'p', title: 'Falls and frailty', aim: 1, timescale: 'longer' as const } };
    assert.deepEqual(resolveFollowUp('anything else in that timescale for aim 1', shown, never), { kind: 'rewrite', question: 'longer term aims under aim 1', replaced: true });
    assert.deepEqual(resolveFollowUp('others in the same time frame under aim 2?', shown, never), { kind: 'rewrite', question: 'longer term aims under aim 2', replaced: true });
    // Without a timescale shown, the words are asked on as before.
    const { timescale: _, ...untimed } = shown.passage;
    assert.deepEqual(resolveFollowUp('anything else in that timescale', { ...shown, passage: untimed }, never), { kind: 'rewrite', question: 'falls and frailty timescale', topic: 'timescale' });
    // Asked about the timescale itself, or a word, it is no list of aims.
    for (const ask of ['how long is that timescale', 'what does that term mean']) assert.notEqual((resolveFollowUp(ask, shown, never) as { question?: string }).question, 'longer term aims under aim 1', ask);
  });

  it('reads who refers, an appointment, a walk-in or having to pay as asking about the services shown', () => {
    const always = (): boolean => true;
    for (const [text, field] of [['can the family refer directly', 'refer'], ['where do i send the referral', 'refer'], ['does he need an appt or can he just walk in', 'refer'], ['will she have to pay', 'cost'], ['can i refer her or does she have to ring them herself', 'refer'], ['can a practice nurse refer or does it have to be the GP', 'refer']] as const) {
      const out = resolveFollowUp(text, last, always);
      assert.equal(out.kind === 'detail' ? out.field : out.kind, field, text);
    }
    // Whom a referral goes to is a topic of its own: a new question.
    for (const text of ['how do i refer someone to an ot', 'how do we refer to district nurses']) assert.deepEqual(resolveFollowUp(text, last, always), { kind: 'new' }, text);
    // What the detail is about, in the message's own words, comes with it; the asking words do not.
    assert.deepEqual(resolveFollowUp('does he need an appt or can he just walk in', last, always), { kind: 'detail', field: 'refer', words: ['walk'] });
    assert.deepEqual(resolveFollowUp('do they have to pay it back', last, always), { kind: 'detail', field: 'cost', words: ['back'] });
    assert.deepEqual(resolveFollowUp('whats their phone number', last, always), { kind: 'detail', field: 'phone' });
    // "set it up" is how to get it; "postcode" is the address; "can she ring it herself" who may use it.
    assert.deepEqual(resolveFollowUp('how do we get it set up', last, always), { kind: 'detail', field: 'refer' });
    assert.deepEqual(resolveFollowUp('whats the postcode', last, always), { kind: 'detail', field: 'address' });
    for (const text of ['where exactly is it', 'where r they', 'whereabouts is it', 'where abouts are they', 'wheres that']) assert.deepEqual(resolveFollowUp(text, last, always), { kind: 'detail', field: 'address' }, text);
    assert.deepEqual(resolveFollowUp('can mum ring it herself', last, always), { kind: 'detail', field: 'refer' });
    // "contact info?" asks for the contact details, not for a sentence with "information" in it.
    assert.deepEqual(resolveFollowUp('contact info?', last, always), { kind: 'detail', field: 'phone' });
    // "when can he ring them?" asks when they are open; "wheres the building?" where; "whats the process
    // to get one fitted?" and "what happens the morning after?" how to get help from them.
    for (const [text, field] of [['when can he ring them', 'hours'], ["when's best to call", 'hours'], ['wheres the building', 'address'], ['whats the process to get one fitted', 'refer'], ['what happens the morning after', 'refer']] as const) {
      const out = resolveFollowUp(text, last, always);
      assert.equal(out.kind === 'detail' ? out.field : out.kind, field, text);
    }
    // A detail asked in a few words, then a word on the person, is that detail; then a question of its
    // own is not (the rest would be lost).
    const never = (): boolean => false;
    const texted = resolveFollowUp('contact number? can he text it, hes shy on the phone', last, never);
    assert.equal(texted.kind === 'detail' ? texted.field : texted.kind, 'phone');
    assert.notEqual(resolveFollowUp('whats the number? also is there anything for dementia in bonnyrigg', last, never).kind, 'detail');
    assert.notEqual(resolveFollowUp('contact number? can he get a dementia day centre place in bonnyrigg', last, always).kind, 'detail');
    // "when should she call 999" is not asked of the services shown.
    const nines = resolveFollowUp('when should she call 999 instead', last, always);
    assert.notEqual(nines.kind === 'detail' ? nines.field : nines.kind, 'hours');
    // "is there money to pay for it?" asks for a fund or grant for the same need; "any money towards the
    // break?" for what it names.
    assert.deepEqual(resolveFollowUp('shes skint tho, is there money to pay for it', last, always), { kind: 'rewrite', question: `funds or grants for ${last.question}`, topic: 'fund grant', kinds: ['service'] });
    assert.deepEqual(resolveFollowUp('can she get any money towards the break', last, always), { kind: 'rewrite', question: 'funds or grants for break', topic: 'fund grant', kinds: ['service'] });
    for (const text of ['is there a money advice service for them', 'can she use her direct payment money for that', 'is there funding towards the cost of a care home']) {
      const out = resolveFollowUp(text, last, always);
      assert.ok(!(out.kind === 'rewrite' && out.question.startsWith('funds or grants')), text);
    }
    // "what would he acutally be doing on it?" asks what the first service shown involves.
    assert.deepEqual(resolveFollowUp('what would he acutally be doing on it', last, always), { kind: 'more', about: true });
    // "whats the upper age limit?", "is there a minimum age": who it is for.
    for (const text of ['whats the upper age limit', 'is there a minimum age', 'age criteria?', 'whats their criteria']) {
      const out = resolveFollowUp(text, last, always);
      assert.equal(out.kind === 'detail' ? out.field : out.kind, 'who', text);
    }
    // ("can she get an alarm fitted?" names a thing of its own: not how to get the one shown.)
    const alarm = resolveFollowUp('can she get an alarm fitted', last, always);
    assert.notEqual(alarm.kind === 'detail' ? alarm.field : alarm.kind, 'refer');
    // "where's that from?" after a passage asks where its figures come from: the passage whole, not an address.
    const passageShown = { at: '2026-03-02T10:00:00Z', question: 'carer figures', answer: 'passage' as const, passage: { id: 'p#1', kind: 'plan' as const, docId: 'p', title: 'Impact of caring' } };
    for (const text of ["where's that from", 'where do those figures come from', 'whats the source', 'which survey is that', "which survey's that from", 'source for that', "where's that figure from"]) assert.deepEqual(resolveFollowUp(text, passageShown, always), { kind: 'more', whole: true }, text);
    // "which outcome number is that under?" asks where the passage sits; "what parts is it split into?" asks its content.
    for (const text of ['which outcome number is that under', 'which aim does that sit under', 'what section is it in', 'which aim is that under in the plan']) assert.deepEqual(resolveFollowUp(text, passageShown, always), { kind: 'where' }, text);
    assert.notDeepEqual(resolveFollowUp('what parts is it split into', passageShown, always), { kind: 'where' });
    // "sorry i meant aim 3, short term" corrects the last question as "and aim 3, short term?" would.
    const aimList = { at: '2026-03-02T10:00:00Z', question: 'short term aims under aim 2', answer: 'plan_list' as const, items: [{ id: 'a', title: 'A' }] };
    // "Meant to ask – …" and "i mean, …" start a question of their own.
    for (const text of ['Meant to ask - is there a befriending service in Penicuik?', 'I mean, she is just not coping at home', 'i meant to ask about day care too']) assert.equal(resolveFollowUp(text, aimList, always).kind, 'new', text);
    assert.deepEqual(resolveFollowUp('sorry i meant aim 3, short term', aimList, always), { kind: 'rewrite', question: 'short term aims under aim 3' });
    // "what else can they help with?" asks more of the services shown; "anything else for her?" asks for others.
    assert.equal(resolveFollowUp('what else can they help with apart from debt', last, always).kind, 'detail');
    assert.equal(resolveFollowUp('anything else for her?', last, always).kind, 'others');
    // "and the other two?", "the rest?" after a passage ask for all of it (its list may have been cut short).
    for (const text of ['and the other two?', 'the rest?', 'what are the remaining ones']) assert.deepEqual(resolveFollowUp(text, passageShown, always), { kind: 'more', whole: true }, text);
    assert.notDeepEqual(resolveFollowUp('and the other two?', last, always), { kind: 'more', whole: true });
    // "how come?" and "why not?" ask the reason of what was shown.
    for (const text of ['how come?', 'why not?', 'why?']) assert.deepEqual(resolveFollowUp(text, last, always), { kind: 'more', whole: true }, text);
    // "whats it made up of?", "how is that broken down" after a passage ask for all of it: its parts.
    for (const text of ['whats it made up of', 'how is that broken down?', 'breakdown?']) assert.deepEqual(resolveFollowUp(text, passageShown, always), { kind: 'more', whole: true }, text);
    // "phone no", "tel no", "contact no": "no" is the number.
    for (const text of ['phone no pls', 'tel no?', 'contact no?']) assert.deepEqual(resolveFollowUp(text, last, always), { kind: 'detail', field: 'phone' }, text);
    // A pronoun and a rare word neither the last question nor what was shown says name a thing of its
    // own ("how do they get an ACSP?"), not a detail of what was shown; who it is for and when it is
    // open are asked with such a word ("can they help men?").
    const guidance = { at: '2026-03-02T10:00:00Z', question: 'does the carer get sds options', answer: 'passage' as const, passage: { id: 'p', kind: 'sds' as const, docId: 'd', title: 'Carers Act: key points' } };
    const rare = (w: string): boolean => !['acsp', 'men', 'saturdays'].includes(w);
    assert.deepEqual(resolveFollowUp('how do they get an ACSP', guidance, never, rare), { kind: 'rewrite', question: 'does the carer get sds options acsp', topic: 'acsp' });
    assert.equal(resolveFollowUp('how do they get an sds option', guidance, never, rare).kind, 'detail-search');
    assert.deepEqual(resolveFollowUp('can they help men?', last, always, rare), { kind: 'detail', field: 'who', words: ['men'] });
    assert.equal((resolveFollowUp('can he just turn up', last, always) as { field?: string }).field, 'refer');
    // "the day centre one, do they pick up?": the service shown it picks by name, alone; no pick, no narrowing.
    const two = { ...last, services: [{ id: 'a', name: 'Ageing Well Walking Groups' }, { id: 'b', name: 'Bradbury Day Centre' }] };
    assert.deepEqual(pickedByName('the day centre one, do they pick up from mayfield', two)?.services, [{ id: 'b', name: 'Bradbury Day Centre' }]);
    assert.deepEqual(pickedByName('and the walking one - is it free', two)?.services, [{ id: 'a', name: 'Ageing Well Walking Groups' }]);
    assert.equal(pickedByName('the swimming one, is it free', two), undefined);
    assert.equal(pickedByName('do they pick up from mayfield', two), undefined);
    // "need the urgent line" ("need" only says how it is asked), "which town is that", "how does applying work": details of those shown.
    assert.deepEqual(resolveFollowUp('need the urgent line', last, always), { kind: 'detail', field: 'phone' });
    assert.deepEqual(resolveFollowUp('which town is that', last, always), { kind: 'detail', field: 'address' });
    assert.deepEqual(resolveFollowUp('how does applying work', last, always), { kind: 'detail', field: 'refer' });
    // Who it is for, asked of people ("the age cut off for the kids") or by "until what age", is asked of the services shown.
    assert.equal((resolveFollowUp('whats the age cut off for the kids', last, always) as { field?: string }).field, 'who');
    assert.equal((resolveFollowUp('until what age', last, always) as { field?: string }).field, 'who');
    // After a passage, "until what age?" asks on from it, though alone it would find something.
    assert.deepEqual(resolveFollowUp('until what age', guidance, always), { kind: 'rewrite', question: 'does the carer get sds options age', topic: 'age' });
    // "what days?", "which days does the group run" ask their hours; "can she just show up" how to refer.
    for (const text of ['what days?', 'which days does the group run']) assert.equal((resolveFollowUp(text, last, always) as { field?: string }).field, 'hours', text);
    assert.equal((resolveFollowUp('can she just show up', last, always) as { field?: string }).field, 'refer');
    // "till what time" asks their hours.
    assert.deepEqual(resolveFollowUp('till what time', last, always), { kind: 'detail', field: 'hours' });
    // "whos it for", "who's that aimed at": who it is for.
    for (const text of ['whos it for', "who's that aimed at"]) assert.deepEqual(resolveFollowUp(text, last, always), { kind: 'detail', field: 'who' }, text);
    // Whether an age or a group is needed asks who it is for.
    for (const text of ['does she have to be over 65', 'is it only for older people', 'does he have to be older to get one']) {
      const out = resolveFollowUp(text, last, always);
      assert.equal(out.kind === 'detail' ? out.field : out.kind, 'who', text);
    }
    // "where else are the hubs": more of those shown, not other services; "can they get help anywhere
    // else?" is other services.
    assert.notEqual(resolveFollowUp('where else are the hubs', last, always).kind, 'others');
    assert.equal(resolveFollowUp('can they get help anywhere else', last, always).kind, 'others');
    assert.equal(resolveFollowUp('any other services for that', last, always).kind, 'others');
    // Where else the services shown run drop-ins, and which day they are in a place, are asked of them.
    assert.equal((resolveFollowUp('do they do drop-ins anywhere else', last, always) as { field?: string }).field, 'refer');
    assert.deepEqual(resolveFollowUp('which day is loanhead', last, always), { kind: 'detail', field: 'hours', words: ['loanhead'] });
    // A detail word mistyped is still that detail; a real word one letter from one is not.
    for (const [text, field] of [['adress?', 'address'], ['webiste?', 'website'], ['referal?', 'refer'], ['phne no', 'phone']] as const) assert.deepEqual(resolveFollowUp(text, last, always), { kind: 'detail', field }, text);
    assert.notEqual((resolveFollowUp('is she too prone to falls for it', last, always) as { field?: string }).field, 'phone');
    // "what day did it come into force" asks a date, not opening hours; "what if the carer doesn't turn
    // up" is not how to refer.
    assert.notEqual((resolveFollowUp('what day did it come into force', guidance, never) as { field?: string }).field, 'hours');
    assert.notEqual((resolveFollowUp('what if the carer doesnt turn up', last, always) as { field?: string }).field, 'refer');
    // A word no passage uses ("asap") is not a topic of its own.
    assert.deepEqual(resolveFollowUp('whats their number asap', guidance, never, rare, (w) => w !== 'asap'), { kind: 'detail-search', field: 'phone', question: 'does the carer get sds options' });
    // "what happens after that?" asks the next steps, which a record gives under how to refer.
    for (const text of ['what happens after that', 'what happens tomorow', 'what happens the day after', 'then what happens?']) {
      const out = resolveFollowUp(text, last, always);
      assert.equal(out.kind === 'detail' ? out.field : out.kind, 'refer', text);
    }
    // "what happens after she turns 18?" asks about something else, not the next steps of a referral.
    const later = resolveFollowUp('what happens after she turns 18', last, always);
    assert.notEqual(later.kind === 'detail' ? later.field : later.kind, 'refer');
    // Words of a need of its own are still a question of its own.
    assert.deepEqual(resolveFollowUp('how do i refer to a falls clinic', last, always), { kind: 'new' });
  });

  it('reads a question word with one everyday word ("who decides?") as asking on, and one that names a thing as its own', () => {
    const always = (): boolean => true;
    const passage = { at: '2026-03-02T10:00:00Z', question: 'can a dp pay her daughter', answer: 'passage' as const, passage: { id: 'p', title: 'Paying a relative', docId: 'd', kind: 'sds' as const } };
    assert.equal(resolveFollowUp('who decides?', passage, always).kind, 'rewrite');
    assert.equal(resolveFollowUp('who pays', passage, always).kind, 'rewrite');
    assert.deepEqual(resolveFollowUp('whats an isf', passage, always), { kind: 'new' });
    assert.notEqual(resolveFollowUp('since when?', passage, always).kind, 'new');
    assert.notEqual(resolveFollowUp('how come', passage, always).kind, 'new');
  });

  it('leaves whole questions alone, even ones with a place or a number in them', () => {
    const always = (): boolean => true;
    for (const text of ['what is the phone number for the Samaritans', 'what is option 3', 'where can carers get a break in Penicuik', 'and what are the four options?']) {
      assert.deepEqual(resolveFollowUp(text, last, always), { kind: 'new' }, text);
    }
    assert.deepEqual(resolveFollowUp('their number', undefined, never), { kind: 'new' }, 'nothing shown yet');
  });

  it('reads a message of asking words only ("then what happens?") as asking nothing of its own; a slot or a topic is something', () => {
    for (const text of ['then what happens', 'what happens next?', 'who decides?']) assert.equal(asksNothingOfItsOwn(text), true, text);
    for (const text of ['what is option 3', 'and in Penicuik?', 'whats an isf', 'any lunch clubs']) assert.equal(asksNothingOfItsOwn(text), false, text);
    // A typo of a long asking word is still one; a short word one letter off another is not.
    for (const text of ['what resons count', 'what are the condtions', 'who qualifes']) assert.equal(asksNothingOfItsOwn(text), true, text);
    for (const text of ['what about rent', 'who pats', 'who is the manager']) assert.equal(asksNothingOfItsOwn(text), false, text);
  });

  it('reads "their" after someone the message names as pointing at them, and "different client" as a new topic', () => {
    const always = (): boolean => true;
    const passage = { at: '2026-03-02T10:00:00Z', question: 'is there an sds act 2023', answer: 'passage' as const, passage: { id: 'p', title: 'The 2023 Act', docId: 'd', kind: 'sds' as const } };
    assert.deepEqual(resolveFollowUp('can someone change their option later on', passage, always), { kind: 'new' });
    assert.deepEqual(resolveFollowUp('do carers have to pay for their breaks', passage, always), { kind: 'new' });
    // Without someone of its own, "their" still points back.
    assert.notEqual(resolveFollowUp('can they change their option later on', passage, always).kind, 'new');
    for (const text of ['different client - a woman of 58 has been told she will pay for personal care, is that right?', 'separate case: a provider has offered to hold her budget, what is that called?', 'next client, can he get a direct payment?', "diff client, he's 17 and moving to adult services", "new pt, he's 45 and does nothing active - what can the gp refer him into", 'new one - client on option 3 wants to move to option 1, can she', 'random q: whats the pa rate', 'sep q - wot evidence is needed for a financial assessment', 'quick one - what % of people here have slow internet', 'totally diff - what are directions']) {
      assert.equal(startsNewTopic(text), true, text);
      assert.deepEqual(resolveFollowUp(text, passage, never), { kind: 'new' }, text);
    }
  });

  it('reads "separate one -" as a new topic; "the plan mentions X - what is it" asks about X, not what was shown', () => {
    assert.equal(startsNewTopic('separate one - how many third sector orgs does the hscp commission'), true);
    assert.equal(startsNewTopic('the other one - whats their number'), false);
    const always = (): boolean => true;
    const planShown: LastShown = { at: '2026-03-02T10:00:00Z', question: 'what does the plan commit to on carers', answer: 'passage', passage: { id: 'plan#carers', kind: 'plan', docId: 'plan', title: 'Carers' } };
    assert.deepEqual(resolveFollowUp('the plan mentions riverside lodge - what is it', planShown, always), { kind: 'new' });
    // (A thing shown, named again, is still asked on.)
    assert.notDeepEqual(resolveFollowUp('the carers bit - what is it', planShown, always), { kind: 'new' });
  });

  it('asks on from a message written like an email, greeting, thanks and sign-off aside', () => {
    const chat = conversation();
    chat.say('Hi, hope you are well. Is there anywhere for carers in Riverside? Kind regards, Fiona');
    const reply = chat.say("Thank you, that's really helpful. Could you let me have their phone number, please? Best wishes, F");
    assert.equal(reply.log.followUp, 'detail');
    assert.match(texts(reply).join(' '), /0131 496 0001/);
  });

  it('reads "new one" as a new topic only when a dash, a colon or a comma follows it', () => {
    assert.equal(startsNewTopic('new one?'), false);
    for (const text of ['new one - number for the carers centre', 'new one: number for the carers centre', 'quick one, what % of people here have slow internet', 'totally diff: what are directions']) assert.equal(startsNewTopic(text), true, text);
  });

  it('asks a message that says a new topic starts without those words', () => {
    assert.equal(withoutNewTopicWords('totally different q - number for riverside carers hub?'), 'number for riverside carers hub?');
    assert.equal(withoutNewTopicWords('unrelated: how much are the reserves'), 'how much are the reserves');
    assert.equal(withoutNewTopicWords('separately - what was primrose lodge again'), 'what was primrose lodge again');
    assert.equal(withoutNewTopicWords('another question'), 'another question');
    assert.equal(withoutNewTopicWords('what is option 2'), 'what is option 2');
    const chat = conversation();
    chat.say('how much are the reserves');
    const reply = chat.say('totally different question - riverside carers hub number?');
    assert.ok(!texts(reply).some((t) => t.startsWith('Following on')), texts(reply).join(' | '));
    assert.match(JSON.stringify(cards(reply)), /0131 496 0001/);
    // The safety check reads the whole message: "another client" may be all that names the person.
    const risky = conversation().say('another client took too many tablets, what do i do');
    assert.ok(Array.isArray(risky.log.risk) && risky.log.risk.length > 0, JSON.stringify(risky.log));
  });
});

describe('layers', () => {
  function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
    });
  }

  it('nothing outside src/teams/ imports botbuilder', () => {
    const offenders = sourceFiles(join(PROJECT_ROOT, 'src'))
      .filter((f) => !relative(join(PROJECT_ROOT, 'src'), f).startsWith('teams'))
      .filter((f) => /from ['"]botbuilder|require\(['"]botbuilder/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders.map((f) => relative(PROJECT_ROOT, f)), []);
  });

  it('dependencies point down: knowledge and search import nothing from the layers above them', () => {
    const src = join(PROJECT_ROOT, 'src');
    const folderOf = (file: string): string => relative(src, file).split(/[\\/]/)[0];
    const imports = (folder: string): Set<string> => {
      const found = new Set<string>();
      for (const file of sourceFiles(join(src, folder))) {
        for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
          const target = folderOf(join(file, '..', m[1]));
          if (target !== folder) found.add(target);
        }
      }
      return found;
    };
    assert.deepEqual([...imports('knowledge')].sort(), []);
    assert.deepEqual([...imports('search')].sort(), ['knowledge']);
    for (const above of ['answer', 'cards', 'conversation', 'signpost', 'teams']) {
      assert.ok(!imports('knowledge').has(above) && !imports('search').has(above), above);
    }
    assert.ok(!imports('conversation').has('teams'), 'the core knows nothing of the Teams edge');
  });
});

describe('a detail the directory does not hold (made-up knowledge)', () => {
  it('asked of a service by name, says the directory has none and offers the record, instead of answering as if it had', () => {
    const c = conversation();
    const missing = c.say('sunny lunch club phone number');
    assert.match(JSON.stringify(cards(missing)), /The service directory has no phone number for Sunny Lunch Club/);
    assert.equal(missing.confident, false);
    const held = conversation().say('riverside carers hub phone number');
    assert.match(JSON.stringify(cards(held)), /0131 496 0001/);
    assert.equal(held.confident, true);
    // Hours are asked of a record that has them only in its schedule: held.
    assert.equal(conversation().say('riverside carers hub opening hours').confident, true);
  });
});

describe('a number the knowledge does not have (made-up knowledge)', () => {
  it('"option 7" or "aim 9" is "not sure", saying which numbers there are; a number there is answered', () => {
    const option = conversation().say('what is option 7');
    assert.equal(option.confident, false);
    assert.match(JSON.stringify(cards(option)), /There is no option 7\. The SDS Act 2013 gives \d options, numbered 1 to \d/);
    const aim = conversation().say('short term aims under aim 9');
    assert.equal(aim.confident, false);
    assert.match(JSON.stringify(cards(aim)), /There is no aim 9\. The Strategic Plan 2025–2035 has \d strategic aims/);
    assert.match(headline(conversation().say('what is option 2')), /^Option 2/);
  });
});

describe('a standard or option named by its number (made-up knowledge)', () => {
  it('counts as naming the passages of that option, and no other', () => {
    const results = madeUpEngine().search('who holds the money under option 2', { limit: 10, explain: true }).results;
    const named = (r: (typeof results)[number]): number | undefined => r.features?.named;
    assert.ok(results.some((r) => r.passage.title.startsWith('Option 2') && named(r) === 1));
    assert.ok(results.filter((r) => !r.passage.title.startsWith('Option 2')).every((r) => named(r) === 0));
    assert.match(results[0].passage.title, /^Option 2.*Who holds the money/);
  });
});

describe('the same person, asked on (made-up knowledge)', () => {
  it('a question about "she" or "he" answered on its own from the same kind of source says it follows on; one without does not', () => {
    const c = conversation();
    c.say('what is option 2');
    const out = c.say('can she have a direct payment');
    assert.match(texts(out)[0] ?? '', /^Following on from your last question: “can she have a direct payment”/);
    assert.match(headline(out), /^Option 1/);
    // Nothing ties a question on another source to the last answer: no person, no shared topic.
    const plain = conversation();
    plain.say('what is option 2');
    const budget = plain.say('what is the annual budget for 2025/26');
    assert.match(headline(budget), /budget/i);
    assert.doesNotMatch(texts(budget)[0] ?? '', /^Following on/);
    assert.doesNotMatch(texts(conversation().say('can she have a direct payment'))[0] ?? '', /^Following on/);
  });
});

describe('a service named by its organisation\'s acronym (made-up knowledge)', () => {
  it('reads "ACE" as naming the organisation\'s services, in a message but not in a passage naming it in passing', () => {
    const engine = madeUpEngine();
    assert.deepEqual(engine.servicesNamedIn("whats ace's number").map((s) => s.id).sort(), ['ace-befriending', 'ace-shopping-help']);
    assert.deepEqual(engine.servicesNamedIn('whats ACE number').map((s) => s.id).sort(), ['ace-befriending', 'ace-shopping-help']);
    assert.deepEqual(engine.servicesNamedIn('volunteers from ACE visit', false), []);
    assert.deepEqual(engine.servicesNamedIn('whats the number'), []);
    // In lower case it is a name only where a name is used: "an ace day out" names nothing.
    assert.deepEqual(engine.servicesNamedIn('she had an ace day out'), []);
    assert.equal(engine.servicesNamedIn('can you ring ace for me').length, 2);
    // Capitalised by a phone or typed in capitals, it is still the name.
    assert.equal(engine.servicesNamedIn("Ace's number?").length, 2);
    assert.equal(engine.servicesNamedIn('number for ACE').length, 2);
  });

  it('after another service, "ACE\'s number" is a question of its own; after one of ACE\'s, it asks that one\'s number', () => {
    const c = conversation();
    c.say('Riverside Carers Hub');
    const other = c.say("whats ace's number so i can pass it on");
    assert.notEqual(other.log.followUp, 'detail');
    assert.match(JSON.stringify(cards(other)), /0131 496 0011/);
    const same = conversation();
    same.say('shopping help for older people');
    const asked = same.say("ACE's number?");
    assert.equal(asked.log.event, 'follow-up');
    assert.match(texts(asked)[0], /^\*\*(?:Shopping help at home|ACE Befriending)\*\* — .*0131 496 0011/);
  });
});
