import assert from 'node:assert/strict';
import { composeAnswer } from '../src/answer/composeAnswer';
import { answerPlanQuery, parsePlanQuery, planOverview } from '../src/answer/planQuery';
import { cardsForAnswer, markDraftGaps } from '../src/cards/cardData';
import { commitmentSentences } from '../src/knowledge/planStructure';
import { cardProblems } from './cardValidation';
import { builtKnowledge, searchEngine } from './helpers';

describe('the plan as structure', () => {
  it('finds the three aims with their nine outcomes and timescales', () => {
    const { aims } = builtKnowledge().plan;
    assert.deepEqual(aims.map((a) => a.number), [1, 2, 3]);
    assert.deepEqual(aims.flatMap((a) => a.outcomes.map((o) => o.code)), ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3']);
    const two = aims[1].outcomes.map((o) => `${o.code}/${o.timescale}`);
    assert.deepEqual(two, ['2.1/short', '2.2/medium', '2.3/longer']);
    assert.match(aims[2].title, /human, social, and economic rights/);
  });

  it('links every outcome, priority and commitment to a real passage', () => {
    const { plan, passages } = builtKnowledge();
    const ids = new Set(passages.map((p) => p.id));
    const links = [...plan.aims.flatMap((a) => a.outcomes.map((o) => o.passageId)), ...plan.priorities.map((p) => p.passageId), ...plan.commitments.map((c) => c.passageId)];
    assert.ok(plan.priorities.length >= 10 && plan.commitments.length >= 10);
    for (const id of links) assert.ok(ids.has(id), `${id} is not a passage`);
  });

  it('reads "We will" commitments, but not "we will not"', () => {
    assert.deepEqual(commitmentSentences('We will support carers. Hard choices lie ahead. We will not be able to do more. Where we can, we will help.'), [
      'We will support carers.',
      'Where we can, we will help.',
    ]);
  });

  it('reads work under way as a commitment, with the sentence saying what it includes', () => {
    assert.deepEqual(commitmentSentences('Carers matter. Work is underway to support carers. This includes working with a carers centre. It was a hard year.'), [
      'Work is underway to support carers. This includes working with a carers centre.',
    ]);
    assert.deepEqual(commitmentSentences('We are working with partners on data. We aim to finish by autumn.'), ['We are working with partners on data.', 'We aim to finish by autumn.']);
    assert.deepEqual(commitmentSentences('Falls are common. We are taking a joined-up approach to falls. People told us what they want us to do.'), ['We are taking a joined-up approach to falls.']);
    assert.deepEqual(commitmentSentences('We have started this work on housing. We plan to review it in spring.'), ['We have started this work on housing.', 'We plan to review it in spring.']);
  });

  it('reads the partnership\'s or the IJB\'s "will" as a commitment, with the list of what it includes', () => {
    const text = 'Choice matters.\nMidlothian HSCP will support services to help people decide. In practical terms, this includes\n\n- training staff,\n- clear information.\n\nThe HSCP will be busy.';
    assert.deepEqual(commitmentSentences(text), ['Midlothian HSCP will support services to help people decide. In practical terms, this includes - training staff, - clear information.']);
  });

  it('parses structural questions and leaves ordinary ones alone', () => {
    // The plan's own names ("the IJB strategic plan", "Midlothian") say where, not what about.
    assert.equal(parsePlanQuery('what did we commit to on carers in the ijb strategic plan')?.topic, 'carers');
    assert.equal(parsePlanQuery('what has midlothian hscp actually committed to on falls')?.topic, 'falls');
    // "strat plan", "the new plan": names of the plan, not its topic.
    assert.equal(parsePlanQuery('what did we commit to on carers in the strat plan')?.topic, 'carers');
    assert.equal(parsePlanQuery('what have we committed to for unpaid carers in the new strategy')?.topic, 'unpaid carers');
    assert.equal(parsePlanQuery('what have we committed to on new services in the new plan')?.topic, 'new services');
    assert.deepEqual(parsePlanQuery('what are our short-term aims under aim 2'), { aim: 2, outcome: undefined, timescale: 'short', commitments: false, topic: '' });
    assert.equal(parsePlanQuery('what does outcome 3.2 say')?.outcome, '3.2');
    assert.deepEqual(parsePlanQuery('what have we committed to on carers')?.topic, 'carers');
    // Who is writing, told first, is no topic; "committing to" asks the commitments as "committed to" does.
    assert.equal(parsePlanQuery('manager at a carers org - what has the ijb committed to for unpaid carers')?.topic, 'unpaid carers');
    assert.equal(parsePlanQuery('what is the ijb plan committing to on housing')?.topic, 'housing');
    assert.equal(parsePlanQuery('where can an unpaid carer get a break'), undefined);
    assert.equal(parsePlanQuery('what are the four SDS options'), undefined);
    // "sit under" says where, not what about; a story may name the aim and end its sentence there.
    assert.deepEqual(parsePlanQuery('what outcomes sit under aim 1')?.topic, '');
    const story = parsePlanQuery("I'm writing a service plan that has to link to Strategic Aim 1. What outcomes sit under that aim?");
    assert.equal(story?.aim, 1);
    assert.equal(story?.topic, '');
    // The question after a story says what is committed to; the story's words are not the topic.
    const committed = parsePlanQuery("Writing a paper for the carers' strategy group and I need to quote the IJB. What has the strategic plan committed to for unpaid carers?");
    assert.equal(committed?.commitments, true);
    assert.equal(committed?.topic, 'unpaid carers');
  });

  it('names an aim with its statement in the heading of a list under it ("what is aim 3?")', () => {
    const { answer } = composeAnswer(searchEngine(), 'What is Strategic Aim 3, and what outcomes sit under it?');
    assert.equal(answer.type, 'plan_list');
    const aim = builtKnowledge().plan.aims[2];
    assert.equal(answer.type === 'plan_list' ? answer.heading : '', `Aims and outcomes under Strategic Aim No.3: ${aim.title}`);
  });

  it('lists the short-term aims under aim 2 with their priorities, each opening a passage', () => {
    const { answer } = composeAnswer(searchEngine(), 'what are our short-term aims under aim 2');
    assert.equal(answer.type, 'plan_list');
    if (answer.type !== 'plan_list') return;
    assert.ok(answer.items.length >= 2);
    assert.match(answer.items[0].title, /^2\.1 /);
    for (const item of answer.items) {
      assert.equal(item.aim, 2);
      assert.equal(item.timescale, 'short');
      assert.ok(searchEngine().passage(item.passageId));
    }
  });

  it('lists commitments on a topic, those naming it first', () => {
    const list = answerPlanQuery({ commitments: true, topic: 'carers' }, builtKnowledge().plan, searchEngine());
    assert.ok(list.items.length > 0);
    assert.match(list.items[0].extract, /carers/i);
    for (const item of list.items) assert.match(item.extract, /\bwe will\b|\bwe are committed\b|\bwe have asked\b|\bwork is under ?way\b|\bwe are working\b|\bwe aim to\b|\bwe are developing\b/i);
  });

  it('answers "what does outcome 3.2 say" with the outcome first', () => {
    const list = answerPlanQuery(parsePlanQuery('what does outcome 3.2 say') ?? { commitments: false, topic: '' }, builtKnowledge().plan, searchEngine());
    assert.match(list.items[0].title, /^3\.2 People's care and support adapts/);
  });

  it('has one overview passage per aim that lists its outcomes, so search can answer about a whole aim', () => {
    const top = searchEngine().search('what are the outcomes under strategic aim 2').results[0];
    for (const code of ['2.1', '2.2', '2.3']) assert.ok(top.passage.text.includes(code), `missing ${code}`);
  });

});

describe("managers' view", () => {
  const listFor = (text: string) => {
    const { answer } = composeAnswer(searchEngine(), text);
    assert.equal(answer.type, 'plan_list', text);
    return answer as Extract<typeof answer, { type: 'plan_list' }>;
  };

  it('opens on the three aims, each leading to its outcomes and its commitments', () => {
    const browse = planOverview(builtKnowledge().plan);
    assert.equal(browse.aims.length, 3);
    assert.match(browse.mission, /right support at the right time/);
    const text = JSON.stringify(cardsForAnswer(browse));
    for (const n of [1, 2, 3]) {
      assert.ok(text.includes(`"plan aim ${n}"`));
      assert.ok(text.includes(`"plan commitments aim ${n}"`));
    }
    assert.match(text, /plan facts and figures/);
  });

  it('walks an aim: outcomes with their priorities, then its commitments, each opening a passage', () => {
    const aim = listFor('plan aim 3');
    assert.deepEqual(aim.items.filter((i) => /^\d\.\d /.test(i.title)).map((i) => i.outcome), ['3.1', '3.2', '3.3']);
    assert.ok(aim.nav?.some((n) => n.text === 'plan commitments aim 3'));
    const commitments = listFor('plan commitments aim 3');
    assert.ok(commitments.items.length > 0);
    for (const item of commitments.items) {
      assert.equal(item.aim, 3);
      assert.ok(searchEngine().passage(item.passageId));
    }
  });

  it('lists facts and figures, searchable by topic, with their sections', () => {
    const population = listFor('plan figures population');
    const text = population.items.map((i) => i.extract).join(' ');
    assert.match(text, /96,600/);
    assert.match(text, /27% by 2036/);
    const carers = listFor('statistics on carers in the plan');
    assert.ok(carers.items.some((i) => /64%/.test(i.extract)), carers.items.map((i) => i.extract).join(' | '));
    // "unpaid carers": the carers' survey holds "carers" but not "unpaid", and its figures still count.
    const unpaid = listFor('statistics on unpaid carers in the plan');
    assert.ok(unpaid.items.some((i) => /64%/.test(i.extract)), unpaid.items.map((i) => i.extract).join(' | '));
  });

  it('shows draft gaps as not yet confirmed, never as numbers', () => {
    const budget = cardsForAnswer(composeAnswer(searchEngine(), 'what is the 2025/26 budget').answer);
    assert.match(JSON.stringify(budget), /not yet confirmed in the draft/);
    const people = markDraftGaps('we spoke to over XX people; our budget is £xxm\\*; TBC');
    assert.equal(people, 'we spoke to over XX (not yet confirmed in the draft) people; our budget is £xxm (not yet confirmed in the draft); TBC (not yet confirmed in the draft)');
  });

  it("draws valid cards under the size limit for every list in the managers' view", () => {
    for (const q of ['plan aim 1', 'plan aim 2', 'plan aim 3', 'plan commitments', 'plan facts and figures', 'what does outcome 3.2 say', 'medium term aims']) {
      for (const card of cardsForAnswer(composeAnswer(searchEngine(), q).answer)) assert.deepEqual(cardProblems(card), [], q);
    }
    for (const card of cardsForAnswer(planOverview(builtKnowledge().plan))) assert.deepEqual(cardProblems(card), [], 'plan browser');
  });
});
