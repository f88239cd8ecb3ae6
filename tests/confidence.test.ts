import assert from 'node:assert/strict';
import { composeAnswer } from '../src/answer/composeAnswer';
import { countedThing } from '../src/search/searchEngine';
import { asksAmount, asksLiveFigure, asksWait } from '../src/search/figureAsks';
import { contentTokens, tokenize } from '../src/search/text';
import { answers, foldForScoring, rankOf } from '../src/eval/scoring';
import { madeUpEngine, madeUpEngineWith } from './fixtures/madeUpKnowledge';
import { searchEngine } from './helpers';

describe('years asked (made-up knowledge)', () => {
  it('holds a financial year only as a financial year, and a span of years only as that span', () => {
    const engine = madeUpEngine();
    // The made-up budget is for 2025/26.
    assert.equal(engine.search('annual budget for 2025/26').nearScope, undefined);
    assert.equal(engine.search('annual budget for 2025/2026').nearScope, undefined);
    assert.deepEqual(engine.search('annual budget for 2024/25').nearScope?.years, ['2024/25']);
    // The hub moved in 2024: a calendar year, which says nothing of the financial year 2024/25.
    assert.equal(engine.search('carers groups in 2024').nearScope, undefined);
    assert.deepEqual(engine.search('carers groups in 2024/25').nearScope?.years, ['2024/25']);
    // A span is not held because each of its years is named somewhere.
    assert.deepEqual(engine.search('carers groups from 2019-2024').nearScope?.years, ['2019-2024']);
  });

  it('joins a short form spelled out letter by letter by voice typing ("s d s", "a c t o"), and only a known one', () => {
    assert.deepEqual(tokenize('whats the s d s principles'), ['whats', 'the', 'sds', 'principles']);
    assert.deepEqual(tokenize('people on a c t o'), ['people', 'on', 'a', 'cto']);
    assert.deepEqual(tokenize('can the p a be her son'), ['can', 'the', 'pa', 'be', 'her', 'son']);
    // Letters that make no short form are left as typed: "plan a b" is not "ab".
    assert.deepEqual(tokenize('plan a b or c'), ['plan', 'a', 'b', 'or', 'c']);
    assert.deepEqual(tokenize('if u c her'), ['if', 'u', 'c', 'her']);
    // "n e" is "any", typed as it sounds.
    assert.deepEqual(tokenize('n e day care'), ['any', 'day', 'care']);
    // "re" is "about": no topic of its own.
    assert.deepEqual(contentTokens('what does the plan say re sds'), ['plan', 'say', 'sds']);
    assert.deepEqual(tokenize('do we hav localities'), ['do', 'we', 'have', 'localities']);
    assert.deepEqual(tokenize('cl has nowhere to sleep 2nite'), ['client', 'has', 'nowhere', 'to', 'sleep', 'tonight']);
  });

  it('reads a financial year however it is written ("25/26", "2025-26", "2025/2026"), and nothing else as one', () => {
    for (const written of ['25/26', '2025-26', '2025/2026', '2025 - 26']) assert.deepEqual(tokenize(`budget ${written}`), ['budget', '2025/26'], written);
    // Not a span of years, ages, "24/7" or a phone number.
    assert.deepEqual(tokenize('plan 2025-2035'), ['plan', '2025', '2035']);
    assert.deepEqual(tokenize('16-17 year olds'), ['16', '17', 'year', 'olds']);
    assert.deepEqual(tokenize('24/7 line 0131 496 0007'), ['24/7', 'line', '0131', '496', '0007']);
    assert.deepEqual(tokenize('seen on 10/11/2025'), ['seen', 'on', '10/11/2025']);
    assert.deepEqual(tokenize('16/17 year olds'), ['16/17', 'year', 'olds']);
    const engine = madeUpEngine();
    assert.equal(engine.search('annual budget for 25/26').nearScope, undefined);
    assert.deepEqual(engine.search('annual budget for 24/25').nearScope?.years, ['2024/25']);
    assert.equal(engine.search('annual budget for 25/26').results[0]?.passage.id, engine.search('annual budget for 2025/26').results[0]?.passage.id);
  });

  it('holds a span of years written short ("2025-35") where the document\'s title gives it whole', () => {
    // A plan's sections carry their own headings as titles; the span is in the document's title only.
    const engine = madeUpEngineWith([
      { kind: 'plan', id: 'span-plan', file: 'span.md', title: 'Span Plan 2025–2035', body: '## Carers\n\nCarers support is planned over ten years.\n', meta: { kind: 'plan', publisher: 'Made-up IJB', status: 'DRAFT', period: '2025–2035', sourceFile: 'span.txt' } },
    ]);
    assert.equal(engine.search('carers support planned for 2025-35').nearScope, undefined);
    assert.deepEqual(engine.search('carers support planned for 2020-23').nearScope?.years, ['2020-23']);
  });

  it('holds a year only beside the words asked about, when the passage has those words', () => {
    const engine = madeUpEngine();
    // The census passage dates new homes to 2011, far from its count of people: no 2011 census.
    assert.deepEqual(engine.search('people counted at the 2011 census').nearScope?.years, ['2011']);
    assert.equal(engine.search('new homes built since 2011').nearScope, undefined);
  });
});

describe('prices, waits and live figures (made-up knowledge)', () => {
  it('is not sure of a price the best record does not give, and sure of one it does or that is free', () => {
    const engine = madeUpEngine();
    assert.equal(engine.search('how much does the sunny lunch club cost').figureMissing, 'amount');
    assert.equal(engine.search('how much does the sunny lunch club cost').confident, false);
    assert.equal(engine.search('how much does penicuik money help charge').figureMissing, undefined);
    assert.equal(engine.search('how much was spent from the reserves').figureMissing, undefined);
  });

  it('is not sure of a wait the best passage gives no length of time for', () => {
    const engine = madeUpEngine();
    assert.equal(engine.search('how long is the wait for the hilltop rehab team').figureMissing, undefined);
    assert.equal(engine.search('how long is the waiting list for riverside carers hub').figureMissing, 'wait');
    // Saying a waiting list is long is not asking how long it is.
    assert.notEqual(engine.search('waiting list is long, does riverside carers hub do short breaks').figureMissing, 'wait');
  });

  it('never holds a figure as it stands now, but holds the published one', () => {
    const engine = madeUpEngine();
    assert.equal(engine.search('how many places at the riverside carers group right now').figureMissing, 'live');
    assert.equal(engine.search('how many places at the riverside carers group').figureMissing, undefined);
    assert.equal(engine.search('reserves figures at the moment').figureMissing, 'live');
    const { answer } = composeAnswer(engine, 'how many places at the riverside carers group right now');
    assert.equal(answer.type, 'not_sure');
    assert.match(answer.type === 'not_sure' ? (answer.hint ?? '') : '', /as published, not today's figures/);
  });

  it('does not take an age or the later groups of a phone number for a count', () => {
    const engine = madeUpEngine();
    // "under 18" stands beside "young people", and "7788" beside "advisers": neither counts them.
    assert.equal(engine.search('how many young people does penicuik money help see').figureMissing, 'figure');
    assert.equal(engine.search('how many advisers does penicuik money help have').figureMissing, 'figure');
    assert.equal(engine.search('how many places at the riverside carers group').figureMissing, undefined);
  });

  it('reads what kind of figure a question asks for', () => {
    assert.equal(asksAmount(tokenize('how much does a day at the centre cost')), true);
    assert.equal(asksAmount(tokenize('weekly fees for a care home bed')), true);
    assert.equal(asksAmount(tokenize('how much help can she get')), false);
    assert.equal(asksAmount(tokenize('help with the cost of living crisis for carers')), false);
    assert.equal(asksAmount(tokenize('how much time should i spend on an sds assessment')), false);
    assert.equal(asksLiveFigure(tokenize('phone numbers for social work today')), false);
    assert.equal(asksWait(tokenize('waiting time for a first appointment')), true);
    assert.equal(asksWait(tokenize('waiting list is long, any other options')), false);
    assert.equal(asksLiveFigure(tokenize('delayed discharge numbers last month')), true);
    assert.equal(asksLiveFigure(tokenize('how many staff did we have in 2021, recruitment is hard at the moment')), false);
    assert.equal(asksLiveFigure(tokenize('who chairs the board at the moment')), false);
    assert.equal(asksLiveFigure(tokenize('whats the hourly rate for a pa at the moment')), false);
  });
});

describe('out-of-scope topics in a story (made-up knowledge)', () => {
  it('reads a topic sentence by sentence, and lets a question answered on its own outweigh one told only in the story', () => {
    const engine = madeUpEngine();
    assert.equal(engine.search('whats the weather forecast for dalkeith tomorrow').outOfScope?.topic, 'weather and nights out');
    assert.equal(engine.search('any good spots for a night out in dalkeith').outOfScope?.topic, 'weather and nights out');
    // A term does not run across a sentence's end.
    assert.equal(engine.search('her carer did not come on saturday night. out of hours number for riverside carers hub?').outOfScope, undefined);
    // Told in the story only, and the question is answered on its own.
    const story = engine.search('the weather is awful and she is stuck in with her husband. what short breaks does riverside carers hub offer carers?');
    assert.equal(story.outOfScope, undefined);
    assert.equal(story.confident, true);
    // Named in the question itself, it stands.
    assert.equal(engine.search('carers group at riverside. is the weather going to be dry for it?').outOfScope?.topic, 'weather and nights out');
  });
});

describe('an email asked for (made-up knowledge)', () => {
  it('is not sure of an email the best passage does not give, and sure of one it does', () => {
    const engine = madeUpEngine();
    const none = engine.search('email for the carers advice line');
    assert.equal(none.results[0]?.passage.id, 'service:riverside-carers-hub');
    assert.equal(none.confident, false);
    assert.equal(engine.search('carers advice line number').confident, true);
    assert.equal(engine.search('email address for debt advice in bonnyrigg').confident, true);
  });
});

describe('names a passage goes by (made-up knowledge)', () => {
  it('counts a one-word name from the passage questions as a word the knowledge uses', () => {
    const engine = madeUpEngine();
    const r = engine.search('rch phone number');
    assert.equal(r.results[0]?.passage.id, 'service:riverside-carers-hub');
    assert.equal(r.signals?.knownShare, 1);
    assert.equal(r.confident, true);
  });
});

describe('confidence', () => {
  it('is confident on ordinary questions about the knowledge', () => {
    // "traffic light list" is SDS spending, not traffic news.
    for (const q of ['what are the four SDS options', 'samaritans phone number', 'short breaks for unpaid carers', 'population of Midlothian', 'what is a traffic light list for dp spending']) {
      assert.equal(searchEngine().search(q).confident, true, q);
    }
  });

  it('does not hold the setting of a case story against the passage that answers it', () => {
    const engine = searchEngine();
    const q = 'Saw Mrs K, 88, this morning in Penicuik. She lives alone with dementia and is exhausted. Can her nephew be paid as her PA from the direct payment?';
    assert.equal(engine.search(q).confident, true);
    // The same setting before a question the knowledge does not answer leaves it unanswered.
    assert.equal(engine.search('Mrs K, 88, lives alone in Penicuik and is worried. Is it going to rain there tomorrow?').confident, false);
  });

  it('judges a question after thanks or a greeting on the question', () => {
    const engine = searchEngine();
    for (const q of ['lovely ta. samaritans number again?', 'cheers, can a DP pay for a cleaner']) assert.equal(engine.search(q).confident, true, q);
    assert.equal(engine.search('thanks, is it going to rain tomorrow').confident, false);
  });

  it('is not sure of a phone number the best passage does not hold, and reads freephone numbers in twos and threes', () => {
    const engine = searchEngine();
    assert.equal(engine.search('phone number for newbyres care village').confident, false);
    for (const q of ['breathing space phone number', 'Age Scotland helpline number', 'whats the number for the age scotland helpline']) assert.equal(engine.search(q).confident, true, q);
  });

  it('is not sure of a figure asked per a unit that the best passage gives for something else', () => {
    const engine = searchEngine();
    for (const q of ['midlothian suicide rate per 100k', 'how many care at home hours delivered in midlothian per week']) assert.equal(engine.search(q).confident, false, q);
    // A unit in its own clause ("National Living Wage (21+): £11.44 an hour") is still in the figure's sentence.
    for (const q of ['community alarm charge per week', 'how much do midlothian full time workers earn per week', 'what is the national living wage per hour']) assert.equal(engine.search(q).confident, true, q);
  });

  it('is not sure about a town in another area, typed right or one letter out', () => {
    for (const q of ['lunch club for older people in Musselburgh', 'day centre for over 65s in hadington']) assert.equal(searchEngine().search(q).confident, false, q);
  });

  it('is not sure about topics the knowledge does not cover, and says where to go', () => {
    for (const q of ['my laptop password has expired', 'write me a letter to the council about her care', 'where is the flu jab clinic in loanhead', 'can her son get legal aid to apply for welfare guardianship', 'how do i share my screen in a teams call', 'is it going to rain in Penicuik', 'how many days annual leave do I get', "how's the traffic on the bypass", 'how much is attendance allowance', 'who is the frist minister']) {
      const { answer } = composeAnswer(searchEngine(), q);
      assert.equal(answer.type, 'not_sure', q);
      if (answer.type === 'not_sure') assert.ok(answer.hint, `no pointer for "${q}"`);
    }
    // A laptop bought with a direct payment is no IT fault; one that won't start is.
    assert.equal(searchEngine().search('can a direct payment pay for a laptop').outOfScope, undefined);
    assert.equal(searchEngine().search('my work laptop wont start').outOfScope?.topic, 'IT support');
  });

  it('is not sure about another area that the best passages name only in a list of areas', () => {
    const engine = searchEngine();
    assert.ok(engine.search('what are the west lothian partnership strategic priorities').nearScope);
    // Named next to the question's own words, it is what the passage is about.
    assert.equal(engine.search('a&e at the royal infirmary of edinburgh budget').nearScope, undefined);
    // A record that gives its number for East Lothian's out-of-hours calls holds that, not East Lothian's carers.
    assert.deepEqual(engine.search('carers of east lothian phone number').nearScope?.areas, ['East Lothian']);
    assert.equal(engine.search('east lothian out of hours social work number').nearScope, undefined);
    // Asking whether something read in East Lothian's plan is real asks about the thing, not East Lothian.
    const real = engine.search('east lothian plan mentions a social care sds act 2023, does that exist?');
    assert.equal(real.results[0]?.passage.docId, 'sds-2023-act-question');
    assert.equal(real.confident, true);
    // "Is that right?" about another area's service, with nothing read elsewhere, still asks about that area.
    assert.deepEqual(engine.search('east lothian carers centre number - is that right?').nearScope?.areas, ['East Lothian']);
  });

  it('is not sure when a count or percentage is asked that the best passage does not give', () => {
    const engine = searchEngine();
    assert.equal(engine.search('how many care homes are in midlothian').confident, false);
    for (const q of ['what percentage of people have internet at home', 'how many people live in midlothian', 'how many social care staff work in midlothian']) {
      assert.equal(engine.search(q).confident, true, q);
    }
    // A figure beside "care" is not a count of beds; a typo of the thing counted still finds it.
    assert.equal(engine.search('how many care home beds are there in midlothian in total').confident, false);
    // A change ("increased by 0.9 years") or a percentage is no level in years; it answers a question about change.
    assert.equal(engine.search('life expectancy for men in midlothian in years').figureMissing, 'figure');
    assert.equal(engine.search('how much has the gap in healthy life expectancy grown').confident, true);
    assert.equal(engine.search('how many social work referals did midlothian get in 2022').confident, true);
  });

  it('reads what a count asks for as the first plural after "how many"', () => {
    const counted = (q: string) => countedThing(q.split(' '));
    assert.equal(counted('how many care home beds are there'), 'beds');
    assert.equal(counted('how many registered charities operate mainly in midlothian'), 'charities');
    assert.equal(counted('what percentage of carers are young carers'), 'carers');
    // People in general, or no plural, say too little of what is counted.
    assert.equal(counted('how many people live in midlothian'), undefined);
    assert.equal(counted('how many staff work here'), undefined);
  });

  it('reads a typo of an out-of-scope word as that word, but never a word the knowledge uses', () => {
    const engine = searchEngine();
    assert.ok(engine.search('any good resturants in dalkeith').outOfScope);
    assert.ok(engine.search('what is 12 times 8').outOfScope);
    assert.equal(engine.search('my wife needs help with personal care at home').outOfScope, undefined);
    // Staff's own registration and workplace policies are not in the knowledge; "dose" typed for "does" is no medicine.
    assert.ok(engine.search('sssc registration fee for social workers').outOfScope);
    assert.ok(engine.search('whats the hybrid working policy').outOfScope);
    assert.equal(engine.search('what dose the plan say about falls').outOfScope, undefined);
  });

  it("says which of East Lothian's objectives it holds when asked one it does not", () => {
    const engine = searchEngine();
    const other = engine.search('what does east lothian strategic objective 3 say');
    assert.equal(other.confident, false);
    assert.equal(other.numberMissing?.onlySome, true);
    assert.equal(engine.search('east lothian strategic objective 1 on sds').numberMissing, undefined);
  });

  it('does not hold who the question is about or the time of day against it', () => {
    assert.equal(searchEngine().search('befriending service for an isolated older man').signals?.knownShare, 1);
    assert.equal(searchEngine().search('fella needs a lunch club at 11am').signals?.knownShare, 1);
    assert.equal(searchEngine().search('a guy feeling suicidal at 2am who can he call').signals?.knownShare, 1);
  });

  it('is not sure when most of the question is in words the knowledge never uses', () => {
    const response = searchEngine().search('quantum chromodynamics lattice gauge midlothian');
    assert.equal(response.confident, false);
  });
});

describe('evaluation scoring', () => {
  it('folds case and punctuation as the practice set README says', () => {
    assert.equal(foldForScoring("St David's Centre: 96,600 (27%)!"), 'st david s centre 96,600 27%');
  });

  it('counts a result as an answer only when every phrase is there, and ranks from 1', () => {
    const q = { question: 'x', kind: 'plan', must_mention: ['2.1', '2.3'] };
    assert.equal(answers(q, { title: 'Aim 2', text: 'outcomes 2.1 and 2.2' }), false);
    assert.equal(answers(q, { title: 'Aim 2', text: 'outcomes 2.1 and 2.3' }), true);
    assert.equal(rankOf(q, [{ title: 'a', text: 'none' }, { title: 'b', text: '2.1 2.3' }]), 2);
    assert.equal(answers({ question: 'x', kind: 'service', any_of: [['VOCAL'], ['116 123']] }, { title: 'Samaritans', text: 'call 116 123' }), true);
    assert.equal(answers(q, { title: '', text: `2.1 2.3 ${'x'.repeat(3000)}` }), false, 'over 2,500 characters does not count');
  });
});

describe('a detail asked of a named service (made-up knowledge)', () => {
  it('is "not sure" when the service holds no opening hours or cost, however the question asks for them', () => {
    const engine = madeUpEngine();
    assert.equal(engine.search('what time does the sunny lunch club open').detailMissing?.detail, 'opening hours');
    assert.equal(engine.search('how much is a day at sunny lunch club').detailMissing?.detail, 'cost');
    assert.equal(engine.search('sunny lunch club in roslin').detailMissing, undefined);
    // "Out of hours" names a time to phone, not opening hours asked for.
    assert.equal(engine.search('penicuik money help opening hours').detailMissing?.detail, 'opening hours');
    assert.equal(engine.search('penicuik money help number out of hours').detailMissing, undefined);
  });
});
