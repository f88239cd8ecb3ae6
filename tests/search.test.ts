import assert from 'node:assert/strict';
import { bestWindow, highlight, moreItemsIn } from '../src/search/snippet';
import { answerTypeFor, askedPart, askedParts, asksDeadline, kindPriorFor, sourceNamedIn, withoutPurposeTold } from '../src/search/searchEngine';
import { stem } from '../src/search/stem';
import { asksWhatItIs, foldText, isStopWord, tokenize } from '../src/search/text';
import { spellNamedNumbers } from '../src/search/queryAnalysis';
import { buildLunrIndex } from '../src/search/lunrSetup';
import { madeUpArticle, madeUpEngine, madeUpEngineWith } from './fixtures/madeUpKnowledge';
import { searchEngine } from './helpers';

function top(question: string): { kind: string; title: string; text: string } {
  const [first] = searchEngine().search(question).results;
  assert.ok(first, `no result for "${question}"`);
  return { kind: first.passage.kind, title: first.passage.title, text: first.passage.text };
}

describe('folding text', () => {
  it('folds plain ASCII as the full Unicode folding does, and still folds curly quotes, dashes and accents', () => {
    const full = (text: string): string => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\u2018\u2019\u02bc`´]/g, "'").replace(/[\u2013\u2014]/g, '-');
    for (const text of ['Can`t STOP Mr O`Neil', 'Option 2 - 96,600 (73%) & more', '', 'TAB\there\nline']) assert.equal(foldText(text), full(text), text);
    assert.equal(foldText('Café – it’s “fine”'), "cafe - it's “fine”");
  });

  it('"wats out there", "totally": the asking and the emphasis, not topics', () => {
    const words = tokenize('carer totally burnt out - wats out there').filter((t) => !isStopWord(t));
    assert.deepEqual(words, ['carer', 'burnt', 'out']);
    assert.deepEqual(tokenize('wot'), ['what']);
    // Chat short forms: "pop figure", "workforce figs"; "pop in" is a visit.
    assert.deepEqual(tokenize('pop figs'), ['population', 'figures']);
    assert.deepEqual(tokenize('vol groups'), ['voluntary', 'groups']);
    assert.deepEqual(tokenize('fin plan'), ['financial', 'plan']);
    assert.deepEqual(tokenize('help w dps'), ['help', 'with', 'dps']);
    assert.deepEqual(tokenize('can she pop in'), ['can', 'she', 'pop', 'in']);
    assert.deepEqual(tokenize('can you pop me the number'), ['can', 'you', 'pop', 'me', 'the', 'number']);
    assert.ok(tokenize('time out of hours').includes('out'), 'an "out" not before "there" stays');
  });
});

describe('services named (made-up knowledge)', () => {
  it("names a service by its proper name however many passages mention it, but not by a name that is everyday words", () => {
    const sections = ['Forms', 'Visits', 'Costs', 'Rights', 'Reviews'].map((h) => `## ${h}\n\nRiverside Carers Hub can help with ${h.toLowerCase()}; so can shopping help at home.\n`).join('\n');
    const engine = madeUpEngineWith([madeUpArticle('sds-hub-help', 'Help with a support plan', sections)]);
    assert.deepEqual(engine.servicesNamedIn('free help from Riverside Carers Hub').map((s) => s.id), ['riverside-carers-hub']);
    // Said in lower case it is still the name: what counts is how the service writes it.
    assert.deepEqual(engine.servicesNamedIn('number for riverside carers hub').map((s) => s.id), ['riverside-carers-hub']);
    // "Shopping help at home" is everyday words: used across the knowledge, they name a topic.
    assert.deepEqual(engine.servicesNamedIn('shopping help at home for her'), []);
    assert.deepEqual(madeUpEngine().servicesNamedIn('shopping help at home for her').map((s) => s.id), ['ace-shopping-help']);
  });

  it('does not name a service by a proper name made only of words many passages use ("Community Money Help")', () => {
    const sections = Array.from({ length: 16 }, (_, i) => `## Part ${i + 1}\n\nCommunity Money Help is one way to get help with money in the community.\n`).join('\n');
    const engine = madeUpEngineWith([madeUpArticle('sds-money-parts', 'Money in parts', sections)]);
    assert.deepEqual(engine.servicesNamedIn('community money help for her'), []);
  });
});

describe('confidence (made-up knowledge)', () => {
  it('does not hold "a woman" or "a man" told of one person against a service that never says it', () => {
    // An article that uses the words, so they are words the knowledge knows.
    const engine = madeUpEngineWith([madeUpArticle('sds-who-asks', 'Who may ask', '## A woman or a man\n\nA woman or a man may ask for an assessment.\n')]);
    const found = engine.search('lonely older woman in roslin, any lunch club', { explain: true });
    assert.equal(found.results[0]?.passage.id, 'service:sunny-lunch-club');
    // Every word that asks is covered: "woman" is who, not what.
    assert.equal(found.signals?.knownCoverage, 1);
    assert.equal(engine.search('older man wants a lunch club', { explain: true }).signals?.knownCoverage, 1);
    // Not described as the person of a case, "a woman" may be what is asked: a club for women.
    assert.ok((engine.search('lunch club for a woman', { explain: true }).signals?.knownCoverage ?? 1) < 1);
  });

  it('a story ending "whats out there" leaves its need to the story: how the person lives is not held against a service', () => {
    const engine = madeUpEngineWith([madeUpArticle('sds-living', 'Living alone', '## Living alone\n\nSomeone who lives alone may ask for an assessment.\n')]);
    // "lives" and "alone" are words the knowledge knows, and the lunch club's record never says them.
    assert.equal(engine.search('older man, lives alone, loves a lunch club, whats out there', { explain: true }).signals?.knownCoverage, 1);
    assert.equal(engine.search('older man, lives alone, lunch club - any ideas?', { explain: true }).signals?.knownCoverage, 1);
    // Asked of its own ("a lunch club near where he lives alone"), the same words count.
    assert.ok((engine.search('lunch club for someone who lives alone', { explain: true }).signals?.knownCoverage ?? 1) < 1);
  });

  it('when a story happened ("this month", "on a visit") and "what can I put in place" are not held against a service', () => {
    const engine = madeUpEngineWith([madeUpArticle('sds-timing', 'Timing', '## Timing\n\nA review happens each month or each week, after 2 falls, on a visit.\n')]);
    const covers = (q: string): number | undefined => engine.search(q, { explain: true }).signals?.knownCoverage;
    assert.equal(covers('older man, seen this month, wants a lunch club'), 1);
    assert.equal(covers('older man, seen this week, wants a lunch club'), 1);
    assert.equal(covers('older man wants a lunch club, what can i put in place'), 1);
    // How many times something happened is the story ("2 calls this week"); "2 a week" may be asked.
    assert.equal(covers('older man wants a lunch club, 2 calls this week'), 1);
    assert.ok((covers('older man wants a lunch club, 2 a week') ?? 1) < 1);
    // How often it meets may be what is asked: "every week" still counts.
    assert.ok((covers('older man wants a lunch club every week') ?? 1) < 1);
    // Seen "on a visit" is when; visits asked of the service count.
    assert.equal(covers('older man seen on a visit wants a lunch club'), 1);
    assert.ok((covers('older man wants a lunch club that visits') ?? 1) < 1);
  });

  it('reads a typo whose stem is short, or with a letter doubled, as the word meant and is sure of it', () => {
    const engine = madeUpEngineWith([
      madeUpArticle('sds-eligibility', 'Eligibility bands', '## Eligibility bands\n\nEligibility for support is judged in four bands.\n'),
      madeUpArticle('sds-delegate', 'Delegating tasks', '## Delegating\n\nA carer may delegate tasks to a personal assistant.\n'),
    ]);
    // "elegibility" stems to "eleg", one letter from "deleg": the whole word, one letter off, is "eligibility".
    for (const typo of ['elegibility bands', 'elligibility bands']) {
      const found = engine.search(typo, { explain: true });
      assert.match(found.results[0]?.passage.id ?? '', /^sds-eligibility/, typo);
      assert.equal(found.signals?.knownCoverage, 1, typo);
    }
    // A real word one letter longer than a known one is no typo of it: "shaving" is not "having".
    const having = madeUpEngineWith([madeUpArticle('sds-having', 'Having a say', '## Having a say\n\nHaving a say in your support matters.\n')]);
    assert.ok((having.search('shaving', { explain: true }).signals?.knownCoverage ?? 0) < 1);
  });

  it('does not hold what describes the person of a case ("a young guy") against guidance, but does against a service', () => {
    const engine = madeUpEngineWith([
      madeUpArticle('sds-gym', 'Paying for a gym', '## Gym\n\nA direct payment can pay for a gym membership.\n'),
      madeUpArticle('sds-young', 'Young people', '## Young people\n\nA young person may ask for an assessment.\n'),
    ]);
    const gym = engine.search('can a direct payment pay for a gym membership for a young guy', { explain: true });
    assert.match(gym.results[0]?.passage.id ?? '', /^sds-gym/);
    assert.equal(gym.signals?.knownCoverage, 1);
    // A service may be for young people or not: there "young" is part of what is asked.
    assert.ok((engine.search('lunch club for a young guy', { explain: true }).signals?.knownCoverage ?? 1) < 1);
  });
});

describe('search', () => {
  it('finds SDS articles for plain questions', () => {
    assert.match(top('can a direct payment pay a family member').title, /family member/i);
    assert.match(top('what is an adult carer support plan').title, /adult carer support plan/i);
    assert.match(top('provider holds the budget option 2').title, /Option 2/);
  });

  it('names all four options for "what are the four SDS options"', () => {
    const { kind, text } = top('what are the four SDS options');
    assert.equal(kind, 'sds');
    for (const option of ['Option 1', 'Option 2', 'Option 3', 'Option 4']) assert.ok(text.includes(option), `missing ${option}`);
  });

  it('finds local services, with their phone numbers in the passage', () => {
    const breathing = top('breathing space phone number');
    assert.equal(breathing.kind, 'service');
    assert.match(breathing.title, /Breathing Space/);
    assert.match(breathing.text, /Phone: [\d ]+/);
    assert.match(top('pendant alarm for an older person').title, /Midcare/);
    assert.equal(top('where can an unpaid carer get a break').kind, 'service');
  });

  it('keeps in the running the passages best for a question made mostly of common words', () => {
    // Searched by its rarer words alone ("wife", "died"), the section on a fresh choice never came up.
    const top = searchEngine().search("mr t's wife has died and his needs have changed, do we have to offer the options again").results[0];
    assert.match(top?.passage.title ?? '', /A fresh choice when things change/);
  });

  it('puts the part headed with a section of the Act first when the question names it ("s9", "sec 6")', () => {
    assert.match(top('s9 info duties what must we explain').title, /section 9/);
    assert.match(top('does sec 6 help with choosing still apply').title, /section 6/);
  });

  it('puts a service named by its name or acronym first, before passages that list its number', () => {
    assert.match(top('VOCAL phone number').title, /^VOCAL Midlothian Carer Centre/);
    assert.match(top('what does LCiL do').title, /Lothian Centre for Inclusive Living/);
  });

  it('finds plan passages, keeping draft markers', () => {
    const budget = top("what's the 2025/26 budget?");
    assert.equal(budget.kind, 'plan');
    assert.match(budget.text, /£xxm|TBC/i);
  });

  it('expands abbreviations and synonyms from knowledge/synonyms.json', () => {
    const dp = searchEngine().search('DP family member').results[0];
    const spelled = searchEngine().search('direct payment family member').results[0];
    assert.equal(dp.passage.id, spelled.passage.id);
    assert.match(top('respite for carers').title + top('respite for carers').text, /short break/i);
    // "off limits" is what the guidance calls not allowed.
    assert.match(top('what is off limits for a direct payment').title, /Not allowed/);
    // A sister or a stepson is a family member for the PA rules.
    assert.match(top('su wants to pay his sister as his PA out of his DP, is that allowed').title, /family member/i);
    // A criminal record check is a PVG check; a breather is a short break.
    assert.match(top('does the helper need a criminal record check').title, /PVG/);
    assert.match(top('anywhere she can get a breather').title, /short breaks/i);
  });

  it('tolerates a typo in a longer word but ranks exact matches first', () => {
    assert.match(top('persnal assistant pvg').title, /PVG/);
  });

  it('reads a letter dropped, added or swapped in mid-word as the word meant, and is sure of it', () => {
    // lunr's own edit distance misses "helpine" for "helpline".
    for (const [typo, title] of [['dementia helpine', /Dementia Helpline/i], ['comunity alarm', /Midcare/], ['chnage sds option', /Changing SDS option/], ['what does the plan say about falls and fraility', /Falls and frailty/]] as const) {
      const response = searchEngine().search(typo);
      assert.match(response.results[0]?.passage.title ?? '', title, typo);
      assert.ok(response.confident, `${typo} should be answered`);
    }
    // Short words are not "corrected" into other words.
    assert.equal(searchEngine().search('trams').confident, false);
  });

  it('returns nothing, rather than everything, for empty or stop-word-only text', () => {
    for (const text of ['', '   ', 'what is the', '???', '+ - ~ ^ :']) {
      assert.deepEqual(searchEngine().search(text).results, [], `"${text}" should find nothing`);
    }
  });

  it('never throws on lunr operators, huge input, emoji or other scripts', () => {
    const inputs = ['option:', 'a~', 'x^', '+', '-', 'title:carers', 'carer~2', 'sds^10', '+carers -money', '*', 'direct*',
      '"unbalanced', 'x'.repeat(10_000), 'carer '.repeat(2000), '😀🙏🏽 respite', 'ما هي خيارات الدعم', '自我指导支持', '\u202ecarers\u202c', '\u0000\u0007'];
    for (const text of inputs) {
      assert.doesNotThrow(() => searchEngine().search(text), `threw on ${JSON.stringify(text.slice(0, 30))}`);
    }
  });
});

describe('a service named by words too common to search by (made-up knowledge)', () => {
  it('keeps the named service in the running, though only a rarer word of the question is searched', () => {
    const engine = madeUpEngine();
    assert.equal(engine.search('whats the community money help number, she lives in roslin').results[0]?.passage.id, 'service:community-money-help');
  });
});

describe('an Act named in the question (made-up knowledge)', () => {
  it('puts the passages headed with that Act first: "carers act in force date" is not the newer right to breaks', () => {
    const engine = madeUpEngine();
    assert.equal(engine.search('carers act in force date').results[0]?.passage.docId, 'sds-carers-law');
    assert.equal(engine.search('right to breaks in force date').results[0]?.passage.docId, 'sds-breaks-right');
  });
});

describe('a "when" question of a long record (made-up text)', () => {
  it('shows the sentence that names a day ("the last Wednesday of each month"), not one that only shares a word', () => {
    const filler = 'Carers across the area use it for many kinds of break, from an afternoon out to a week away, and staff help them plan what would help most. ';
    const record = `Small grants so carers can take a break, such as paying someone to sit with the person cared for. ${filler}${filler}Applications go to a panel. ${filler}The panel meets on the last Wednesday of each month. Apply through a practitioner.`;
    const snippet = madeUpEngine().snippetIn(record, 'when does the panel sit');
    assert.match(snippet, /^\*\*… The panel meets on the last Wednesday of each month\.\*\*/);
    assert.doesNotMatch(snippet, /sit with/);
  });

  it('asked when work will be done, shows the deadline ("by autumn 2025"), not the year something was found', () => {
    const text = [
      'In 2024/25 we reviewed the information we provide and found work to do on our documents.',
      'This includes both how we present information and how useful it is to the people who read it.',
      'Leaflets, letters and web pages were all looked at by a group of people who use our services.',
      'They told us that some of our letters use words that are hard to follow and some pages are out of date.',
      'Some of our printed materials are also hard to find in the places where people look for them.',
      'Work is underway on printed materials and the website.',
      'We aim to have this completed by autumn 2025.',
    ].join(' ');
    const engine = madeUpEngine();
    assert.match(engine.snippetIn(text, 'when will the information work be done'), /completed by autumn 2025/);
    assert.ok(asksDeadline(['when', 'is', 'it', 'due']) && asksDeadline(['when', 'will', 'that', 'be', 'finished']));
    // "how many …" wants a count: a window holding only years ("from 2012-2019") does not hold it.
    const workforce = [
      'We need a workforce with the right skills for the future, as the need for care grows and recruiting gets harder every year across the whole area.',
      'In 2021 there were 1,100 people employed in care services.',
      'We also want to support staff to stay well at work and to grow in their roles through training, good supervision from their managers and time to learn from each other.',
      'Our partners in the third sector and in independent care homes face the same pressures, and we will plan with them.',
      'Most of the care workforce were full-time employees, and the full-time workforce fell slightly from 2012-2019 while the part-time workforce grew.',
    ].join(' ');
    assert.match(engine.snippetIn(workforce, 'how many in the care workforce'), /1,100 people/);
    // A draft's "over XX people" holds the place of the count: that line is the answer to "how many".
    const real = searchEngine();
    const told = real.passage('midlothian-strategic-plan-2025-2035#what-people-told-us-1');
    assert.ok(told);
    assert.match(real.snippetIn(told.text, 'how many ppl took part'), /^\*\*[^*]*over XX/);
    assert.ok(!asksDeadline(['when', 'did', 'the', 'review', 'happen']) && !asksDeadline(['when', 'will', 'the', 'panel', 'meet', 'next']));
  });
});

describe('why staff ask, told beside the question', () => {
  it('judges the question without the purpose told beside it', () => {
    assert.ok(askedParts('ijb values - need them for a slide for our team away day').includes('ijb values'));
    assert.ok(askedParts('putting the values on a poster, what are they, need it for the team meeting').some((p) => !/team meeting/.test(p)));
    assert.deepEqual(askedParts('what are the ijb values'), []);
    // "so i can pass it on" says what the answer is for, not what is asked.
    assert.ok(askedParts('whats vocals number so i can pass it on').includes('whats vocals number'));
    assert.ok(askedParts('email for the team so she can send it over').includes('email for the team'));
    // "for my case notes", "for the referral letter" said last is why; said first, the question follows.
    assert.ok(askedParts('full name and address of the carers centre for my case notes').includes('full name and address of the carers centre'));
    assert.ok(!askedParts('need something for a case note - older man isolated, what have we got').includes('need something'));
    assert.ok(askedParts('whats the contact number for that one, putting it in the record').includes('whats the contact number for that one'));
    // (A template or form for the letter is what is asked; "before" is no "for".)
    assert.equal(withoutPurposeTold('is there a template for the referral letter'), 'is there a template for the referral letter');
    assert.equal(withoutPurposeTold('what do i do before the referral letter'), 'what do i do before the referral letter');
    assert.equal(withoutPurposeTold('address for them pls for the referral letter'), 'address for them pls');
    // "want to pick this up with them", "going to ring them after lunch": only that the writer will get in touch.
    assert.equal(withoutPurposeTold('whats vocals number, want to pick this up with them'), 'whats vocals number');
    assert.equal(withoutPurposeTold('number for the dementia cafe - going to ring them after lunch'), 'number for the dementia cafe');
    // "doing a visit in 10 mins": when the answer is needed; "when doing a visit" is part of the question.
    assert.equal(withoutPurposeTold('remind me of the 4 sds options, doing a visit in 10 mins'), 'remind me of the 4 sds options');
    assert.equal(withoutPurposeTold('what should i check when doing a visit today'), 'what should i check when doing a visit today');
    // (What they will speak about is asked: "about respite" stays.)
    assert.equal(withoutPurposeTold('whats the number for vocal, i need to speak to someone about respite'), 'whats the number for vocal, i need to speak to someone about respite');
    // ("so she can give the carer a break" is what is asked, not why.)
    assert.deepEqual(askedParts('can we use her budget so she can give the carer a break'), []);
    assert.deepEqual(askedParts('can a pa be paid so she can stay at home'), []);
    // "got training tmrw", "have a panel on friday": when the answer is needed, not what is asked.
    assert.ok(askedParts('whats the 4 sds principles again got training tmrw').includes('whats the 4 sds principles again'));
    assert.ok(askedParts('eligibility bands, have a panel on friday').includes('eligibility bands'));
    // (Training asked about is what is asked.)
    assert.deepEqual(askedParts('any training on sds next week'), []);
    // (Inside the question, "if i have a panel on friday", "do we have training", it is what is asked.)
    assert.deepEqual(askedParts('what should i prepare if i have a panel on friday'), []);
    assert.deepEqual(askedParts('do we have training this week'), []);
    // "im putting a slide together", "i need to put them in a report": what the answer is for.
    assert.ok(askedParts('what are the three aims im putting a slide together').includes('what are the three aims'));
    assert.ok(askedParts('whats the sds principles again i need to put them in a report for tomorrow').includes('whats the sds principles again'));
    // "ive got a family this afternoon": when the answer is needed, not what is asked.
    assert.ok(askedParts('the four sds options in plain english ive got a family this afternoon and theyre overwhelmed').includes('the four sds options in plain english'));
    // ("need the figure for how many are retired" asks for the figure; a purpose told first, "im writing a
    // report on carers what does …", or one that leaves a word or none of the question, cuts nothing.)
    assert.deepEqual(askedParts('quick q - need the figure for how many ppl are retired now'), []);
    assert.deepEqual(askedParts('hello there im writing a report on carers what does the plan commit to'), []);
    assert.deepEqual(askedParts('whats the deadline for the board paper on carers'), []);
    assert.deepEqual(askedParts('how do we support a victim making a report to the police'), []);
    assert.deepEqual(askedParts('can my client have a review next week if her needs have changed'), []);
  });

  it('does not search for the purpose: its words do not carry a passage that shares them to the top', () => {
    const aims = madeUpArticle('plan-aims', 'Our aims', '## The three aims\n\nThe three aims are to stay well, to live well at home and to be safe.\n');
    const slides = madeUpArticle('plan-slides', 'Putting a show together', '## Slides\n\nWe are putting a slide show together for the public about the aims.\n');
    const engine = madeUpEngineWith([aims, slides]);
    assert.equal(engine.search('what are the three aims').results[0]?.passage.docId, 'plan-aims');
    assert.equal(engine.search('what are the three aims im putting a slide together').results[0]?.passage.docId, 'plan-aims');
  });
});

describe('a thing named by its number (made-up knowledge)', () => {
  it('puts the outcome a question names first, before its aim\'s overview', () => {
    const engine = madeUpEngine();
    assert.equal(engine.search('what is outcome 1.2 about in plain words').results[0]?.passage.outcome, '1.2');
    assert.equal(engine.search('what is aim 2 about').results[0]?.passage.aim, 2);
    // An aim named at a sentence's end is still an aim; "1.2" after "aim" is an outcome.
    assert.equal(engine.search('tell me about aim 9.').numberMissing?.asked, 'aim 9');
    assert.equal(engine.search('what does aim 1.2 say').numberMissing, undefined);
  });

  it('reads a number said in words or as an ordinal as naming it ("option two", "the 3rd option", "12th sds standard", "s9")', () => {
    assert.equal(spellNamedNumbers('what is option two'), 'what is option 2');
    assert.equal(spellNamedNumbers('whats the 12th sds standard'), 'whats the standard 12');
    // Mistyped, by one letter, first and last kept: still the thing named.
    assert.equal(spellNamedNumbers('whats the 12th sds standrad'), 'whats the standard 12');
    assert.equal(spellNamedNumbers('optoin 2 pls'), 'option 2 pls');
    assert.equal(spellNamedNumbers('the 12th sds standards'), 'the standard 12');
    assert.equal(spellNamedNumbers('the third option'), 'the option 3');
    assert.equal(spellNamedNumbers('could he go for opt 4'), 'could he go for option 4');
    assert.equal(spellNamedNumbers('what does the second strategic aim say'), 'what does the aim 2 say');
    // Counted, not named: "the four options", "three strategic aims"; "a second option" is another choice.
    for (const q of ['what are the four SDS options', 'list our three strategic aims', 'is there a second option for him', 'aim 2.3 progress']) assert.equal(spellNamedNumbers(q), q);
    assert.equal(madeUpEngine().search('what is aim two about').results[0]?.passage.aim, 2);
    // A section of an Act, however it is shortened; a person's initial and age are not one.
    assert.equal(spellNamedNumbers('s9 info duties'), 'section 9 info duties');
    assert.equal(spellNamedNumbers('does sec 6 apply'), 'does section 6 apply');
    assert.equal(spellNamedNumbers('principle s1(3)'), 'principle section 1(3)');
    for (const q of ['mrs s 82 lives alone', 'Mrs S82 lives alone', "she's 12", 'its 9am', 'my son is in s3 and a young carer, what support is there', 's5 pupil with autism, can the family get sds']) assert.equal(spellNamedNumbers(q), q);
    // An ordinal after the thing, a span of time, or "a 2nd option" names none.
    for (const q of ['which option first', 'the aim ten years from now', 'is there a 2nd option for him']) assert.equal(spellNamedNumbers(q), q);
  });
});

describe('kind of source the wording leans to', () => {
  it('reads "who can help" and "who supports" as asking for a service', () => {
    const prior = (text: string) => kindPriorFor(text.split(' '));
    assert.equal(prior('who can help a client set up employing a pa').service, 1);
    assert.equal(prior('who supports young carers').service, 1);
    assert.equal(prior('what does the act say about employing a pa').service, undefined);
  });
});

describe('a source named as where to look', () => {
  const named = (text: string) => sourceNamedIn(text.split(' '));
  it('reads "the strategic plan", "strat plan", "in the plan" and "what does the plan say" as naming the plan', () => {
    assert.equal(named('what does the strat plan say about sds'), 'plan');
    assert.equal(named('what does the strategic plan say about sds'), 'plan');
    assert.equal(named('carers figures in the plan'), 'plan');
    assert.equal(named('what does the plan say about falls'), 'plan');
    assert.equal(named('whats the plan saying about highbank'), 'plan');
  });
  it('does not take a care plan, an adult carer support plan or a person\'s own plan for the strategic plan', () => {
    assert.equal(named('who writes the care plan'), undefined);
    assert.equal(named('whats an adult carer support plan'), undefined);
    assert.equal(named('what needs to be in the plan for option 1'), undefined);
    assert.equal(named('the plan says 10 hours but she needs more'), undefined);
    assert.equal(named('can she use it for holidays if its in the plan'), undefined);
  });
  it('gives the named source\'s passages the feature and no others (made-up knowledge)', () => {
    const results = madeUpEngine().search('what does the strategic plan say about short breaks for carers', { limit: 10, explain: true }).results;
    assert.ok(results.some((r) => r.passage.kind === 'plan'), 'the made-up plan answers');
    assert.ok(results.some((r) => r.passage.kind !== 'plan'), 'the made-up services answer too');
    for (const r of results) assert.equal(r.features?.source, r.passage.kind === 'plan' ? 1 : 0, r.passage.id);
  });
});

describe('kind of answer asked for', () => {
  it('counts a time of year ("each spring", "until February or March") as a date a passage gives', () => {
    const engine = madeUpEngine();
    assert.equal(engine.holdsAnswer('made-up-plan#our-reserve-budget', 'date'), true);
    assert.equal(engine.holdsAnswer('made-up-plan#our-reserve-budget', 'phone'), false);
  });

  it('reads "has that gone up?" and "has it grown?" as asking for a figure, and "how do we increase uptake" as not', () => {
    assert.equal(answerTypeFor(['has', 'that', 'gone', 'up']), 'figure');
    assert.equal(answerTypeFor(['has', 'it', 'grown']), 'figure');
    assert.equal(answerTypeFor(['did', 'they', 'go', 'down']), 'figure');
    assert.equal(answerTypeFor(['how', 'do', 'we', 'increase', 'uptake']), undefined);
    assert.equal(answerTypeFor('what period does the workforce plan cover'.split(' ')), 'date');
    assert.equal(answerTypeFor('which years does that plan run'.split(' ')), 'date');
  });

  it('reads "whens it due", "and when is it due" and "by when" as asking for a date, and a "when" that sets a condition as not', () => {
    assert.equal(answerTypeFor('whens the accessible info work due'.split(' ')), 'date');
    assert.equal(answerTypeFor('and when is it due'.split(' ')), 'date');
    assert.equal(answerTypeFor('finished by when'.split(' ')), 'date');
    assert.equal(answerTypeFor('what happens when she turns 18'.split(' ')), undefined);
    assert.equal(answerTypeFor('and whens it due'.split(' ')), 'date');
    assert.equal(answerTypeFor('so when she turns 18 what happens'.split(' ')), undefined);
    assert.equal(answerTypeFor('who helps when carers are exhausted'.split(' ')), undefined);
  });

  it('reads "does he need a phone line?" as a line to have, not a number to ring', () => {
    assert.notEqual(answerTypeFor('does he need a phone line in the house'.split(' ')), 'phone');
    assert.notEqual(answerTypeFor('she needs a working telephone line for the alarm'.split(' ')), 'phone');
    assert.equal(answerTypeFor('whats the phone line for carers'.split(' ')), 'phone');
    assert.equal(answerTypeFor('do they have a phone line'.split(' ')), 'phone');
  });

  it('reads a number that names a thing ("the ssi number", "standard number") as not a phone number', () => {
    const words = (text: string): string[] => text.split(' ');
    assert.equal(answerTypeFor(words('what are the dp regs called and the ssi number')), undefined);
    assert.equal(answerTypeFor(words('risk enablement standard number')), undefined);
    assert.equal(answerTypeFor(words('vocal number')), 'phone');
    assert.equal(answerTypeFor(words('standard 3 contact number')), 'phone');
    // Numbers of a thing are how many of it; numbers of a service are to ring.
    assert.equal(answerTypeFor(words('social care workforce numbers')), 'figure');
    assert.equal(answerTypeFor(words('whats their numbers')), undefined);
    assert.equal(answerTypeFor(words('crisis team contact numbers')), 'phone');
  });
});

describe('snippets', () => {
  it('prefer the sentence that starts with the asked words to one that names them in passing', () => {
    const text = [
      'We learn from places that work well, e.g., Hill House. We plan new homes for older people.',
      'Our teams meet every month to review progress. Staff training continues this year.',
      'The board agreed a new budget in March after a long consultation with partners and the public. Reports go to the board four times a year, with a yearly summary for the public.',
      'A survey of carers found most want more evening support. We will report on this next spring in the annual performance report.',
      'Hill House in Roslin is a home for four tenants with a short breaks flat next door.',
      'It is staffed day and night by a trained team. The tenants chose the decor themselves.',
    ].join('\n');
    assert.match(bestWindow(text, new Set(['hill', 'house'].map(stem))), /^… Hill House in Roslin is a home for four tenants/);
  });

  it('between windows holding as much of the question, show the one beside what the conversation was about', () => {
    const text = [
      'Being online matters more every year for people living in Scotland, for banking, shopping and booking appointments with a doctor or a nurse.',
      'Most homes in the county have a broadband line, and libraries lend tablets to people who have none.',
      'Library staff run drop-in sessions every week for anyone who wants help getting started with a tablet or a phone.',
      'Volunteers from local groups help at the sessions, and a helpline takes calls from people who cannot get to a library at all, with a home visit offered where it is needed.',
      'Council staff have been trained to spot people who struggle online and to offer another way to get the same service, on paper or in person at a local office.',
      'The average broadband speed in the county is 80 Mbps, below the average for Scotland.',
    ].join('\n');
    const asked = new Set(['scotland'].map(stem));
    // On its own, the first sentence naming Scotland is shown.
    assert.match(bestWindow(text, asked), /^Being online matters/);
    // After a question about broadband speed, "and vs Scotland?" wants the speed line.
    assert.match(bestWindow(text, asked, undefined, undefined, false, new Set(['broadband', 'speed'].map(stem))), /^… The average broadband speed/);
    // Asked what a thing is, the conversation does not move the defining sentence.
    assert.match(bestWindow(text, asked, undefined, undefined, true, new Set(['broadband', 'speed'].map(stem))), /^Being online matters/);
  });

  it('asked what a thing is, show the first sentence leading with it, not the one naming it most', () => {
    const text = [
      'The board sends written instructions to its partners each spring, after the budget is agreed and the plans for each service are set out in full for the year ahead.',
      'Orders are binding and tell each partner what to deliver.',
      'Each partner then agrees with its own staff and unions how the work will be shared out across the localities, and which teams will lead on each part of it over the year.',
      'The public can comment on a draft at open meetings held in every locality, and the comments are summarised for the board before it signs anything off.',
      'Orders are reviewed twice a year, new orders can replace old orders at any time, and a list of orders is published.',
      'The board publishes a yearly report with figures for each locality and notes on what changed since the year before.',
    ].join('\n');
    const stems = new Set(['orders'].map(stem));
    assert.match(bestWindow(text, stems, undefined, undefined, true), /^… Orders are binding/);
    // Asked something else about them, the sentence saying most about them wins.
    assert.match(bestWindow(text, stems), /^… Orders are reviewed twice a year/);
  });

  it('keep a sentence that turns the window round ("Instead, …"), whole, while short', () => {
    const text = [
      'The law asks each area to have at least two districts, though the figures for such small districts are often too few to publish.',
      'There is no natural split into two or more parts here and too few people live here to plan services that way.',
      'Being one of the smallest areas in the country, with small villages that share their shops, schools, halls and surgeries, the board does not think this would be a meaningful approach for us.',
      'Instead, we work with the planning partnership and our 12 villages to see what works well and plan what to improve.',
      'Our partners in the voluntary sector know each village well and share what they hear.',
    ].join('\n\n');
    const shown = bestWindow(text, new Set(['natural', 'split'].map(stem)));
    assert.match(shown, /Instead, we work with the planning partnership and our 12 villages to see what works well and plan what to improve\./);
    assert.doesNotMatch(shown, /voluntary sector/);
  });

  it('show a passage short enough to show whole without cutting its last sentence', () => {
    const text = [
      'This plan was written by the board after a long consultation with people who use services, carers, staff and partners across the area.',
      'It describes how we will work with communities and the services who provide care and support, and how we will agree what matters most to people.',
      'It also sets out what we will spend, what we will stop doing, and how people can tell us when things are not working.',
      'This plan runs from 2025 until 2035, but we will review and update it every three years.',
    ].join('\n\n');
    assert.ok(text.length > 420 && text.length <= 560);
    assert.match(bestWindow(text, new Set(['plan', 'written'].map(stem))), /every three years\.$/);
  });

  it('grow a short window by the sentence after it, which explains the words asked', () => {
    const text = [
      'Our budget comes from the council and the health board, and the board agrees it each spring after the partners have set their own.',
      'Some services are run by the health board on our behalf across the whole region, and we pay a share of their cost each year.',
      'Hospital services for unplanned care are managed by the health board.',
      'The budget for them is set aside by the health board.',
      'These services are emergency care, cardiology, diabetes and general medicine.',
      'They are delivered at three hospitals in the city, and the share is worked out from the size of our population.',
      'The figures for next year are not yet confirmed, and the board will publish them once the partners have agreed their budgets.',
    ].join(' ');
    assert.ok(text.length > 560);
    assert.match(bestWindow(text, new Set(['set', 'asid'].map(stem))), /set aside by the health board\. These services are emergency care/);
  });

  it('show the window with the most question words, not the first lines, with the sentence that holds most of them in bold', () => {
    const background = Array.from({ length: 8 }, (_, i) => `Background sentence number ${i + 1} says something else at some length.`).join(' ');
    const text = `The plan covers many things. ${background} Unpaid carers can get a short break from caring. It ends in 2035.`;
    const stems = new Set(['carer', 'break'].map(stem));
    assert.match(bestWindow(text, stems), /^… Unpaid carers can get a short break/);
    assert.equal(highlight('Some help exists. Unpaid carers can get a break. It ends in 2035.', stems), 'Some help exists. **Unpaid carers can get a break.** It ends in 2035.');
    // A list line is bold without its dash, and words written together stay together.
    assert.equal(highlight('The duties:\n- get Employers\' Liability Insurance for a carer;\n- pay a wage.', stems), 'The duties:\n- **get Employers\' Liability Insurance for a carer;**\n- pay a wage.');
    assert.equal(highlight('Nothing here matches.', stems), 'Nothing here matches.');
  });

  it('keep a list whole with its lead-in, whether the window found the lead-in or an item', () => {
    const background = Array.from({ length: 8 }, (_, i) => `Background sentence number ${i + 1} says something else at some length.`).join(' ');
    const text = `Some background first. ${background} Throughout SDS, people are entitled to:\n\n- information they can use;\n- independent advocacy;\n- mediation;\n- to complain.\n\nStaff should help.`;
    const fromLeadIn = bestWindow(text, new Set(['entitled'].map(stem)));
    assert.match(fromLeadIn, /people are entitled to:\n- information they can use;\n- independent advocacy;\n- mediation;\n- to complain\./);
    const fromItem = bestWindow(text, new Set(['mediation'].map(stem)));
    assert.match(fromItem, /^… Throughout SDS, people are entitled to:\n- information/);
    assert.match(fromItem, /- to complain\./);
  });

  it('say how many items of a long list are left out', () => {
    const text = `The reasons are:\n${Array.from({ length: 11 }, (_, i) => `- reason ${i + 1} about carers and what the council must then do about it`).join('\n')}`;
    const window = bestWindow(text, new Set(['reason', 'carer'].map(stem)));
    assert.match(window, /^The reasons are:\n- reason 1 about carers and what/);
    assert.match(window, /\n… and 3 more items$/);
    assert.equal(moreItemsIn(window), 3);
  });

  it('show a short passage whole, wherever the question words are', () => {
    const text = 'The plan covers many things. It talks about budgets. Unpaid carers can get a short break from caring. It ends in 2035.';
    assert.equal(bestWindow(text, new Set(['carer'].map(stem))), text);
  });

  it('keep decimals, abbreviations and a many-sentence list item whole', () => {
    const filler = Array.from({ length: 8 }, (_, i) => `Filler sentence ${i + 1} talks about something unrelated for a while.`).join(' ');
    const text = `${filler} There are two kinds of fund:\n- The first fund (c. £6.2m) was spent. It is now empty.\n- The second fund is 2.2% of the total.\n\n${filler}`;
    const window = bestWindow(text, new Set(['fund'].map(stem)));
    assert.match(window, /There are two kinds of fund:\n- The first fund \(c\. £6\.2m\) was spent\. It is now empty\.\n- The second fund is 2\.2% of the total\./);
    const decimal = bestWindow(`${filler} In 2023, 2.2% of residents claimed Universal Credit. ${filler}`, new Set(['universal', 'credit'].map(stem)));
    assert.match(decimal, /In 2023, 2\.2% of residents claimed Universal Credit\./);
  });

  it('take the sentence before a list as its lead-in, colon or not', () => {
    const filler = Array.from({ length: 8 }, (_, i) => `Filler sentence ${i + 1} talks about something unrelated for a while.`).join(' ');
    const window = bestWindow(`${filler} There are two types of reserve.\n- General reserves are built from surpluses.\n- Earmarked reserves are carried forward.`, new Set(['reserve'].map(stem)));
    assert.match(window, /There are two types of reserve\.\n- General reserves are built from surpluses\.\n- Earmarked reserves are carried forward\./);
  });

  it('take a list whose lead-in, with no colon, comes right after the window found', () => {
    const filler = Array.from({ length: 8 }, (_, i) => `Filler sentence ${i + 1} talks about something unrelated for a while.`).join(' ');
    const long = (what: string): string => `${what} and it goes on for a good while so that this sentence alone runs to well over a hundred characters.`;
    const text = `${filler} ${long('We are building a framework for value')} ${long('It helps us improve')} ${long('It is shared with partners')} It will cover 3 key areas\n- leadership\n- resources\n- fairness`;
    const window = bestWindow(text, new Set(['framework', 'value'].map(stem)));
    assert.match(window, /It will cover 3 key areas\n- leadership\n- resources\n- fairness$/);
  });

  it('show a sentence once, even when the passage repeats it', () => {
    const window = bestWindow('Carers can get a break. Carers can get a break. Ask VOCAL.', new Set(['carer'].map(stem)));
    assert.equal(window.match(/Carers can get a break/g)?.length, 1);
  });
});

describe('the part of a message that asks', () => {
  it('is the last sentence with a question mark, two words or more, or else the last of four words or more', () => {
    assert.equal(askedPart('ijb values? need them for a slide'), 'ijb values?');
    assert.equal(askedPart('Mr D lives alone. Can his daughter be paid?'), 'Can his daughter be paid?');
    assert.equal(askedPart('carers. break'), undefined);
    assert.equal(askedPart('one sentence only?'), undefined);
  });

  it('knows a question asking what a thing is from one asking a detail or pointing back', () => {
    for (const q of ['what are directions?', 'remind me what directions are', 'whats an isf', 'what does ISF mean', 'what is option 2', 'what exactly are directions', 'whats a young carer statement actually', 'what r directions exactly']) assert.equal(asksWhatItIs(q), true, q);
    for (const q of ['whats the number', 'what is that', 'what are they', 'what are the conditions', 'who runs it', 'what is her budget', 'what are your hours', 'whats a good lunch club', 'what is happening']) {
      assert.equal(asksWhatItIs(q), false, q);
    }
  });

  it('is read with the sentence before when it only asks whom to turn to', () => {
    assert.equal(askedPart('daughter wants an alarm put in. who do i go to'), 'daughter wants an alarm put in. who do i go to');
    assert.equal(askedPart('Her son wants a break. Who should I speak to?'), 'Her son wants a break. Who should I speak to?');
    // A word of its own ("apply") is still the question.
    assert.equal(askedPart('Her daughter wants an alarm put in. How does she apply?'), 'How does she apply?');
  });

  it('in one sentence, is the last clause opening with a question word, when confidence is judged', () => {
    assert.deepEqual(askedParts('doing a slide for new starters tmrw, whats the ijb vision'), ['whats the ijb vision']);
    assert.deepEqual(askedParts('lady in penicuik - is there a lunch club near her'), ['is there a lunch club near her']);
    // A clause with one word of its own says too little to be judged alone.
    assert.deepEqual(askedParts('trak keeps freezing, who do i contact'), []);
    // Ranking reads clauses as the whole message: the story chooses what is in the running.
    assert.equal(askedPart('doing a slide for new starters tmrw, whats the ijb vision'), undefined);
  });
});

describe('a story before the question (made-up knowledge)', () => {
  it('puts first the passage that answers the question sentence, when the story carried another above it', () => {
    const engine = madeUpEngine();
    const story = 'An older man came home after a long hospital stay, the rehabilitation team visits him and discharge went well. Is there a lunch club?';
    const ids = engine.search(story, { limit: 3 }).results.map((r) => r.passage.id);
    assert.equal(ids[0], 'service:sunny-lunch-club');
    assert.ok(ids.includes('service:hilltop-rehab-team'), 'the story still chooses what is in the running');
    // "that" opening a clause of the question ("a lunch club that would suit him") points nowhere.
    const relative = engine.search('An older man came home after a long hospital stay, the rehabilitation team visits him and discharge went well. Is there a lunch club that would suit him?', { limit: 1 }).results[0];
    assert.equal(relative?.passage.id, 'service:sunny-lunch-club');
    // A question pointing back into the story ("planning for that") is asked by the whole message.
    const pointing = engine.search('He came out of hospital after a long stay and needs rehabilitation at home. Who can help with that?', { limit: 1 }).results[0];
    assert.equal(pointing?.passage.id, 'service:hilltop-rehab-team');
  });
});

describe('lunr stems (made-up passages)', () => {
  it('keeps "directions" apart from "direct" payments in the index, as the ranker does', () => {
    const doc = (id: string, body: string) => ({ id, title: [], headings: [], questions: [], codes: [], body: body.split(' ') });
    const index = buildLunrIndex([doc('directions', 'the board sends directions to its partners'), doc('payments', 'a direct payment pays for support')]);
    assert.deepEqual(index.search('directions').map((r) => r.ref), ['directions']);
    assert.deepEqual(index.search('direct').map((r) => r.ref), ['payments']);
  });
});
