import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SynonymTable } from '../src/search/synonyms';
import { contentTokens, isStopWord, tokenize } from '../src/search/text';
import { SearchEngine, answerTypeFor } from '../src/search/searchEngine';
import { madeUpKnowledge } from './fixtures/madeUpKnowledge';
import { analyseQuery } from '../src/search/queryAnalysis';
import { stem } from '../src/search/stem';
import { builtKnowledge } from './helpers';

type Span = { start: number; end: number; alternatives: string[][] };

/** The matching rule spelled out plainly: rules longest first, every position in turn; a span is kept
 * unless its words are taken by an earlier rule; a rule matching the same span again adds its names. */
function referenceMatch(rules: Array<{ phrase: string[]; alternatives: string[][] }>, tokens: string[]): Span[] {
  const spans: Span[] = [];
  const taken = new Array<boolean>(tokens.length).fill(false);
  for (const rule of rules) {
    const n = rule.phrase.length;
    for (let i = 0; i + n <= tokens.length; i++) {
      if (!rule.phrase.every((t, k) => tokens[i + k] === t)) continue;
      const existing = spans.find((s) => s.start === i && s.end === i + n);
      if (existing) existing.alternatives.push(...rule.alternatives);
      else if (!taken.slice(i, i + n).some(Boolean)) spans.push({ start: i, end: i + n, alternatives: [...rule.alternatives] });
    }
    for (const s of spans) for (let k = s.start; k < s.end; k++) taken[k] = true;
  }
  return spans.sort((a, b) => a.start - b.start);
}

describe('synonym phrases', () => {
  const table = new SynonymTable(builtKnowledge().synonyms);
  const rules = (table as unknown as { rules: Array<{ phrase: string[]; alternatives: string[][] }> }).rules;
  const words = [...new Set(rules.flatMap((r) => r.phrase))];

  it('finds the same spans as the plain rule-by-rule reading, on random questions made of phrase words', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom('the', 'for', 'carer', 'a', 'of')), { maxLength: 14 }), (tokens) => {
        assert.deepEqual(table.match(tokens), referenceMatch(rules, tokens));
      }),
      { numRuns: 500, seed: 11 },
    );
  });

  it('finds the same spans on random small tables, where phrases overlap and repeat words', () => {
    const phrase = fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    const entry = fc.record({ terms: fc.array(phrase, { minLength: 1, maxLength: 3 }), to: fc.option(fc.array(phrase, { minLength: 1, maxLength: 2 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 10 }), (entries, tokens) => {
        const small = new SynonymTable(entries.map((e) => ({ ...e, note: 'a test entry' })));
        const smallRules = (small as unknown as { rules: Array<{ phrase: string[]; alternatives: string[][] }> }).rules;
        assert.deepEqual(small.match(tokens), referenceMatch(smallRules, tokens));
      }),
      { numRuns: 1000, seed: 5 },
    );
  });

  it('prefers the longer phrase and gives its other names', () => {
    const tokens = tokenize('self directed support for a short break');
    const spans = table.match(tokens);
    assert.ok(spans.length >= 1);
    assert.deepEqual(spans, referenceMatch(rules, tokens));
    assert.ok(spans.some((s) => s.end - s.start >= 2), JSON.stringify(spans));
  });
});

describe('question analysis', () => {
  const empty = new SynonymTable([]);
  const words = (text: string): string[] => analyseQuery(text, empty).concepts.flatMap((c) => c.tokens);

  it("leaves out a person's age told as \"she's 58\", \"he is 80\" or \"turned 65\", and keeps other numbers", () => {
    assert.deepEqual(words("does she pay for personal care, she's 58"), ['pay', 'personal', 'care']);
    assert.deepEqual(words('he is 80 and wants a lunch club'), ['lunch', 'club']);
    assert.ok(!words('carer turned 65 last month').includes('65'));
    assert.ok(words('what did 58% say about travel').includes('58'));
    assert.ok(words('aim 2 short term').includes('2'));
  });

  it('reads a child\'s age ("10 yr old", "14yo", "aged 9") as a child, and leaves adults\' ages and spans of time as they were', () => {
    assert.deepEqual(words('does sds apply to a 10 yr old with autism'), ['sds', 'apply', 'child', 'autism']);
    assert.deepEqual(words('14yo young carer support'), ['child', 'young', 'carer', 'support']);
    assert.deepEqual(words('respite for a boy aged 9'), ['respite', 'boy', 'child']);
    assert.ok(words('people aged 65 and over').includes('65'));
    assert.ok(words('80 year old man lonely').includes('80'));
    assert.ok(!words('a 2 year review of her budget').includes('child'));
    // Joined, "yr" is an age only with "old": "the 10yr plan" is a span of time.
    assert.ok(!words('is the 10yr plan out yet').includes('child'));
    assert.ok(words('10yr old boy').includes('child'));
    // Children as a group: "under 16s", "under-18s"; "under 65s" are adults.
    assert.deepEqual(words('what about under 16s'), ['child']);
    assert.ok(words('support for under-18s').includes('child'));
    assert.ok(!words('charging for under 65s').includes('child'));
  });

  it('leaves out the years a plan runs ("the 2025-35 plan") unless when it runs is asked', () => {
    assert.deepEqual(words('what are the aims in the 2025-35 plan'), ['aims', 'plan']);
    assert.deepEqual(words('aims of the 2025/35 strategy'), ['aims', 'strategy']);
    assert.ok(words('when does the 2025-35 plan start').includes('2025'));
    assert.ok(words('what was spent in 2023-24').some((w) => w.startsWith('2023')));
  });

  it('leaves out how new the plan is ("the new plan", "our current strategy"), and keeps "new" elsewhere', () => {
    assert.deepEqual(words('what are the strategic aims in the new plan'), ['strategic', 'aims', 'plan']);
    assert.deepEqual(words('when does the latest strat plan start'), ['strat', 'plan', 'start']);
    assert.ok(words('new carers right to breaks').includes('new'));
  });

  it('leaves out how an answer should be put ("explain … in plain words"), but not plain English as a topic', () => {
    assert.deepEqual(words('can you explain the 4 sds options in plain words'), ['explain', '4', 'sds', 'options']);
    assert.deepEqual(words('remind me of the options in simple terms'), ['options']);
    assert.deepEqual(words('what does the plan say about plain english'), ['plan', 'say', 'plain', 'english']);
    // Said last, with nothing after but thanks, the style too ("… plain english pls").
    assert.deepEqual(words('fam asking what the 4 sds options are, plain english pls'), ['4', 'sds', 'options']);
    // So is a short version, and whom it is for ("quick version for a family").
    assert.deepEqual(words('4 sds options quick version for a family'), ['4', 'sds', 'options']);
    assert.deepEqual(words('is there a quick version for a family'), ['quick', 'version', 'family']);
    assert.deepEqual(words('sds options quick version for a family with a wee one'), ['sds', 'options', 'quick', 'version', 'family', 'wee', 'one']);
    assert.deepEqual(words('is the plan written in plain english'), ['plan', 'written', 'plain', 'english']);
    assert.deepEqual(words('when will all our info be in plain english'), ['will', 'information', 'plain', 'english']);
    assert.deepEqual(words('and option 2 in plain english'), ['option', '2']);
    assert.deepEqual(words('what is plain english'), ['plain', 'english']);
    // Whether what was told is acceptable, asked last, is no topic; a problem named is.
    assert.deepEqual(words('he lives with her - problem?'), ['lives']);
    assert.deepEqual(words('he lives with her, does that matter'), ['lives']);
    assert.deepEqual(words('is that a problem'), ['problem']);
    assert.deepEqual(words('any group for his hearing problem'), ['group', 'hearing', 'problem']);
    // A version or explanation "of" something names its style, whatever the asking words.
    assert.deepEqual(words('whats the plain english version of the sds options'), ['sds', 'options']);
    assert.deepEqual(words('got a quick summary of the carers act'), ['carers', 'act']);
    assert.deepEqual(words('is there an easy read version of the plan'), ['easy', 'read', 'version', 'plan']);
    assert.deepEqual(words('is there a plain english version of the plan'), ['plain', 'english', 'version', 'plan']);
    assert.ok(words('anyway who cant get a dp').every((w) => w !== 'anyway'));
    // A spoken filler as voice typing writes it says nothing.
    assert.deepEqual(words('um can a dp pay for a holiday erm'), ['dp', 'pay', 'holiday']);
    assert.deepEqual(words('tell me more about primrose lodge'), ['primrose', 'lodge']);
    assert.deepEqual(words('population figure for penicuik'), ['population', 'penicuik']);
  });

  it('counts the people of a case as one idea when they are other words for each other ("wife caring for husband")', () => {
    const family = new SynonymTable([{ terms: ['family member', 'wife', 'husband', 'daughter'], note: 'a test entry' }]);
    const concepts = (text: string): string[] => analyseQuery(text, family).concepts.map((c) => c.tokens.join(' '));
    assert.deepEqual(concepts('wife caring for husband, how does she get a carer plan'), ['wife', 'caring', 'carer', 'plan']);
    // Two different ideas that happen to be in one synonym entry elsewhere are not merged unless they are people.
    const loose = new SynonymTable([{ terms: ['vision', 'mission'], note: 'a test entry' }]);
    assert.deepEqual(analyseQuery('our vision and mission', loose).concepts.map((c) => c.tokens.join(' ')), ['vision', 'mission']);
  });

  it('leaves out who asked ("a councillor asked me", "audit committee wants to know"), keeping a place and what is asked for', () => {
    assert.deepEqual(words('a councillor asked me how fast midlothian is growing'), ['fast', 'midlothian', 'growing']);
    assert.deepEqual(words('audit committee wants to know how progress is monitored'), ['progress', 'monitored']);
    assert.deepEqual(words('pathhead community council asked if we plan by locality'), ['pathhead', 'plan', 'locality']);
    // Asking for something is a need, not a frame.
    assert.deepEqual(words('carers are asking for a break'), ['carers', 'asking', 'break']);
    // The asker is named in the frame's own clause: the question before the comma is kept.
    assert.deepEqual(words('do we still do locality planning, board member asking'), ['locality', 'planning']);
    // A child's age before the frame is who the question is about.
    assert.deepEqual(words('mum of a disabled 8 yr old asked me if sds is for adults'), ['disabled', 'child', 'sds', 'adults']);
    // (Only an age: "my old manager asked me" names the asker.)
    assert.deepEqual(words('my old manager asked me about directions'), ['directions']);
  });

  it('leaves out what the writer is working on, told first ("I\'m putting together slides … and would like"), not a report that is the topic', () => {
    const asked = words("I'm putting together slides for our team away day next month and would like to open with the vision and values from the plan. Could you remind me what they are?");
    for (const w of ['slides', 'team', 'away', 'month']) assert.ok(!asked.includes(w), `${w}: ${asked.join(' ')}`);
    assert.ok(asked.includes('vision') && asked.includes('values'), asked.join(' '));
    assert.ok(!words("we're drafting a paper on demand, what was the population at the census").includes('drafting'));
    // A label first, "board paper:", "briefing for a new councillor -", says what it is for.
    assert.deepEqual(words('board paper: what are the strategic aims'), ['strategic', 'aims']);
    assert.deepEqual(words('briefing for a new councillor - population of midlothian'), ['population', 'midlothian']);
    // (Told with nothing else asked, the report is what is asked about.)
    assert.ok(words('im writing a report on carers').includes('report'));
  });

  it('leaves out "thing" after the words that name it ("the sds thing"), not when it says which ("the wrong thing")', () => {
    assert.deepEqual(words('is the self directed support thing just for adults'), ['self', 'directed', 'support', 'adults']);
    assert.deepEqual(words('dp used for the wrong thing'), ['dp', 'used', 'wrong', 'thing']);
  });

  it('leaves out who is writing, told first ("gp reception here - …", "manager at a carers org - …"), but not a first clause that asks, names a place or names only a role', () => {
    assert.deepEqual(words('gp reception here - any carers breaks'), ['carers', 'breaks']);
    // (A role alone may be what is asked about.)
    assert.deepEqual(words('district nurse, how do we refer'), ['district', 'nurse', 'refer']);
    assert.deepEqual(words('manager at a carers org - what is in the plan for carers'), ['plan', 'carers']);
    assert.deepEqual(words('carers centre here, whats the number'), ['carers', 'centre', 'here', 'number']);
    assert.deepEqual(words('name of the ijb chief officer? need it for a letter'), ['name', 'ijb', 'chief', 'officer', 'need', 'letter']);
    assert.deepEqual(words('gp practice wellbeing worker - is that a thing here'), ['gp', 'practice', 'wellbeing', 'worker', 'thing', 'here']);
    assert.deepEqual(words('any respite for a nurse, she is a carer too'), ['respite', 'nurse', 'carer', 'too']);
  });
});

describe('stems', () => {
  it('keeps apart the senses the knowledge keeps apart: "directions" are not "direct" payments, "localities" not "local", "life expectancy" not "expected", "values" not "Best Value"', () => {
    assert.notEqual(stem('directions'), stem('direct'));
    assert.equal(stem('direction'), stem('directions'));
    assert.notEqual(stem('localities'), stem('local'));
    assert.notEqual(stem('expectancy'), stem('expected'));
    assert.notEqual(stem('values'), stem('value'));
    assert.equal(stem('valued'), stem('value'));
    assert.equal(stem('payments'), stem('payment'));
  });
});

describe('words', () => {
  it('reads "can\'t" and "cant" as "cannot", a word that carries meaning, not a stop word', () => {
    assert.deepEqual(tokenize("who can't get one"), ['who', 'cannot', 'get', 'one']);
    assert.deepEqual(tokenize('cant'), tokenize('cannot'));
  });

  it('reads a filler adverb typed a letter off ("actualy", "acutally", "usualy") as filler, not a topic word', () => {
    assert.deepEqual(contentTokens('so what are we actualy doing for carers'), ['carers']);
    for (const word of ['acutally', 'usualy', 'normaly', 'currenty']) assert.ok(isStopWord(word), word);
    // (The words themselves, and words a letter from them that are not adverbs, stay.)
    for (const word of ['actual', 'usual', 'real', 'normal', 'exact']) assert.ok(!isStopWord(word), word);
    // "whats def off limits", "definately": sure, not a topic.
    assert.deepEqual(contentTokens('whats def off limits'), ['off', 'limits']);
    assert.deepEqual(contentTokens('what would definately get knocked back'), ['knocked', 'back']);
  });

  it('reads chat shorthand ("orgs", "opt", "info", "regs") as the word the knowledge spells out', () => {
    assert.deepEqual(tokenize('voluntary orgs'), ['voluntary', 'organisations']);
    assert.deepEqual(tokenize('opt 3'), ['option', '3']);
    assert.deepEqual(tokenize('can she opt out'), ['can', 'she', 'opt', 'out']);
    assert.deepEqual(tokenize('accessible info'), ['accessible', 'information']);
    assert.deepEqual(tokenize('which regs, and her appt hrs'), ['which', 'regulations', 'and', 'her', 'appointment', 'hours']);
    assert.deepEqual(tokenize('no money til next wk'), ['no', 'money', 'until', 'next', 'week']);
    assert.deepEqual(tokenize('shd it be easier'), ['should', 'it', 'be', 'easier']);
    assert.deepEqual(tokenize('discharged from wd 12'), ['discharged', 'from', 'wd', '12']);
    // Text-speak joining words ("gas n electric", "r they open") are joining words.
    for (const word of ['n', 'u', 'r']) assert.equal(isStopWord(word), true, word);
  });

  it('reads "when\'s", "how\'s", "meant to be done" as the asking, not as topic words no passage holds', () => {
    for (const word of ['whens', 'hows', 'whys', 'meant', 'supposed', 'done', 'usually', 'exactly']) assert.equal(isStopWord(word), true, word);
    assert.equal(isStopWord('accessible'), false);
  });

  it('reads "stats" as asking for figures, not as a topic word no passage holds', () => {
    assert.deepEqual(contentTokens('digital exclusion stats'), ['digital', 'exclusion']);
    assert.equal(answerTypeFor(tokenize('digital exclusion stats')), 'figure');
  });
});

describe('other names in a text (made-up table)', () => {
  it('gives the other names of a phrase in a message, for reading a record in its own words', () => {
    const engine = new SearchEngine({ ...madeUpKnowledge(), synonyms: [{ terms: ['repaid', 'pay it back'], note: 'made up' }] });
    assert.deepEqual(engine.otherNamesIn('do they have to pay it back'), ['repaid']);
    assert.deepEqual(engine.otherNamesIn('where are they'), []);
  });
});
