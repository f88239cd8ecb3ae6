// Turns free text into "concepts": the meaningful words of a question, each with the other names
// it goes by (from the synonym table). Search scores coverage of concepts, not of raw words, so
// "DP for a PA" counts as fully answered by a passage about direct payments and personal assistants.
import { SynonymTable } from './synonyms';
import { isStopWord, tokenize, withinOneEdit } from './text';
import { COMMUNITIES } from '../knowledge/places';

/** Longer input than this adds nothing to a search and only costs time. */
export const MAX_QUERY_TOKENS = 32;
export const MAX_TOKEN_LENGTH = 30;

export interface Concept {
  /** The words as typed (normalised, stop words removed). */
  tokens: string[];
  /** Other ways to say the same thing, each a token sequence (stop words removed). */
  alternatives: string[][];
}

export interface AnalysedQuery {
  /** The question as given (trimmed to a sane length), for checks that read whole words. */
  text: string;
  /** All normalised tokens of the question (stop words kept), for phrase checks. */
  tokens: string[];
  concepts: Concept[];
}

/** Numbers said in words or as ordinals, for the things the knowledge numbers. */
const CARDINALS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
};
const NAMED_THING = '(standard|option|aim|opt)';
// Before the thing only an ordinal names one ("the four SDS options" counts them), and only with "the",
// "sds" or "strategic": "a second option" or "a 2nd option" is another choice, not Option 2.
const ORDINAL = `(${Object.keys(ORDINALS).join('|')}|\\d{1,2}(?:st|nd|rd|th))`;
// After the thing only a number does: "option two", "standard no. five" ("which option first" asks which
// comes first; "the aim ten years from now" is a span of time).
const THING_THEN_NUMBER = new RegExp(`\\b${NAMED_THING}\\s*(?:no\\.?\\s*|number\\s+)?(${Object.keys(CARDINALS).join('|')}|\\d{1,2})\\b(?!\\s*(?:years?|yrs?|months?|weeks?|days?|hours?|minutes?|mins?|per ?cent|%))`, 'gi');
const NUMBER_THEN_THING = new RegExp(`\\b(?:(the\\s+)${ORDINAL}|${ORDINAL}(?=\\s+(?:sds|strategic)\\b))\\s+(?:(?:sds|strategic)\\s+)?${NAMED_THING}s?\\b`, 'gi');

function numberOf(name: string): number | undefined {
  const lower = name.toLowerCase();
  return CARDINALS[lower] ?? ORDINALS[lower] ?? (/^\d{1,2}(?:st|nd|rd|th)?$/.test(lower) ? Number.parseInt(lower, 10) : undefined);
}

// "sec 6", "section 9", "s.6": a section of an Act. A bare "s9" or "s5(5)" only in a question about the
// law: "s3" is a school year ("in s3", "an s5 pupil") and "Mrs S82" a person.
const SECTION_WORD = /(?<![\w'’])(?:sec|sect|section|s\.)\s*(\d{1,3})((?:\(\d{1,2}\))*)(?![\w])/gi;
const SECTION_BARE = /(?<![\w'’])(?<!\b(?:in|mrs?|ms|miss|dr)\s)s(\d{1,3})((?:\(\d{1,2}\))*)(?![\w])(?!\s+(?:pupils?|students?|class|classes|years?|boys?|girls?|kids?|child(?:ren)?|lads?|lass(?:es)?|exams?|prelims?))/gi;
const ABOUT_THE_LAW = /\b(?:act|acts|duty|duties|law|legal|legally|legislation|statutory|principles?|regulations?|regs|section|sds|under|says?|apply|applies)\b/i;

/** "standrad", "optoin": one edit from the word for a numbered thing, first and last letters kept. */
function namedThingMistyped(word: string): string {
  const lower = word.toLowerCase();
  if (lower === 'standard' || lower === 'option') return word;
  return ['standard', 'option'].find((t) => t[0] === lower[0] && t.at(-1) === lower.at(-1) && withinOneEdit(t, lower)) ?? word;
}

const fullName = (thing: string): string => (thing.toLowerCase() === 'opt' ? 'option' : thing);

/** Writes a standard, option or aim named by a number word or an ordinal the way the knowledge names
 * it ("Standard 12", "Option 3", "aim 3"), and a section of an Act as "section 9", so naming it counts
 * however it is said. */
export function spellNamedNumbers(text: string): string {
  let sections = text.replace(/[A-Za-z]{6,}/g, namedThingMistyped).replace(SECTION_WORD, (_whole, n: string, sub: string) => `section ${n}${sub}`);
  if (ABOUT_THE_LAW.test(sections)) sections = sections.replace(SECTION_BARE, (_whole, n: string, sub: string) => `section ${n}${sub}`);
  if (!/(?:standard|option|aim|opt)/i.test(sections)) return sections;
  return sections
    .replace(THING_THEN_NUMBER, (whole, thing: string, n: string) => {
      const value = numberOf(n);
      return value === undefined ? whole : `${fullName(thing)} ${value}`;
    })
    .replace(NUMBER_THEN_THING, (whole, the: string | undefined, afterThe: string | undefined, beforeKind: string | undefined, thing: string) => {
      const value = numberOf(afterThe ?? beforeKind ?? '');
      return value === undefined ? whole : `${the ?? ''}${fullName(thing)} ${value}`;
    });
}

export function analyseQuery(asked: string, synonyms: SynonymTable): AnalysedQuery {
  const text = spellNamedNumbers(asked);
  // No word in the knowledge is longer than MAX_TOKEN_LENGTH; a longer "word" can only be noise,
  // and lunr's fuzzy expansion of it would cost memory and time.
  const tokens = tokenize(text.slice(0, 2000))
    .filter((t) => t.length <= MAX_TOKEN_LENGTH)
    .slice(0, MAX_QUERY_TOKENS * 2);
  const spans = synonyms.match(tokens);
  const concepts: Concept[] = [];
  const style = [...styleSpans(tokens), ...askerSpans(tokens, text.slice(0, 2000)), ...introSpans(tokens, text.slice(0, 2000)), ...purposeFirstSpans(tokens, text.slice(0, 2000)), ...planAgeSpans(tokens), ...acceptableAskSpans(text, tokens)];
  let i = 0;
  while (i < tokens.length && concepts.length < MAX_QUERY_TOKENS) {
    const skip = style.find((s) => s.start === i);
    if (skip) {
      i = skip.end;
      continue;
    }
    const age = ageSpan(tokens, i);
    if (age) {
      // "a 10 yr old with autism" is a child: the answer is about children, not about a number or "old".
      concepts.push({ tokens: ['child'], alternatives: [['children']] });
      i = age.end;
      continue;
    }
    const span = spans.find((s) => s.start === i);
    if (span) {
      const own = tokens.slice(span.start, span.end).filter((t) => !isStopWord(t));
      const alternatives = dedupe(span.alternatives.map((a) => a.filter((t) => !isStopWord(t))).filter((a) => a.length > 0));
      if (own.length || alternatives.length) concepts.push({ tokens: own.length ? own : alternatives[0], alternatives });
      i = span.end;
      continue;
    }
    if (!isStopWord(tokens[i]) && !isAgeTold(tokens, i) && !isVagueThing(tokens, i)) concepts.push({ tokens: [tokens[i]], alternatives: [] });
    i++;
  }
  return { text: text.slice(0, 2000), tokens, concepts: mergeRepeats(concepts) };
}

/** "the self directed support thing", "the money things": a word for what is not known by name, after
 * the words that name it. */
function isVagueThing(tokens: string[], i: number): boolean {
  // ("the wrong thing", "the same things" say which: they stay.)
  return (tokens[i] === 'thing' || tokens[i] === 'things') && i > 0 && !isStopWord(tokens[i - 1]) && !/^(?:one|wrong|right|same|other|first|last|main|best|worst|only|whole|next|big|important|good|bad|real|proper|different|new|old|hard|difficult|easy|usual|normal)$/.test(tokens[i - 1]);
}

/** How an answer should be put ("explain the options in plain words"), not what it is about. */
const STYLE_PHRASES = ['in plain words', 'in plain english', 'in plain terms', 'in simple terms', 'in simple words', 'in laymans terms', 'in a nutshell', 'in a few words', 'in easy words'].map((p) => p.split(' '));
/** Whether a style said last ("plain english") is what is asked about: "about plain english", "written in
 * plain english", "will it be in plain english". */
function styleIsTopic(before: string, twoBefore: string): boolean {
  const written = /^(?:write|writes|writing|written|wrote|published|available)$/;
  return /^(?:about|on|of|for|re|regarding|use|using|into)$/.test(before) || written.test(before) || written.test(twoBefore) || (before === 'in' && /^(?:be|is|are|was|were|made|put|translated)$/.test(twoBefore));
}
const STYLE_TAILS = ['plain english', 'plain words', 'plain terms', 'simple terms', 'simple words', 'laymans terms', 'easy words', 'in a nutshell', 'quick version', 'short version', 'simple version', 'easy version', 'brief version'].map((p) => p.split(' '));
/** What may follow a style said last: thanks, or who it is for ("quick version for a family"). */
function onlyThanksOrAudience(rest: string[]): boolean {
  const thanks = (t: string): boolean => /^(?:pls|please|plz|thanks|ta)$/.test(t);
  const words = rest.filter((t) => !thanks(t));
  return words.length === 0 || (words[0] === 'for' && /^(?:(?:a|the|my|our|his|her|their) )?(?:family|families|client|clients|carer|carers|parent|parents|person|su|service user|mum|dad|son|daughter|wife|husband|student|students|new starts?)$/.test(words.slice(1).join(' ')));
}
const ASKS_FOR_TELLING = /^(?:explain|explaining|describe|remind|put|say|summarise|summarize|summary|tell|how)$/;
/** "the plain english version of the options": a version or explanation "of" something names its style
 * whatever the asking words ("what's", "got"). */
const STYLE_OF = ['plain english', 'plain words', 'plain language', 'simple', 'simpler', 'short', 'quick', 'easy']
  .flatMap((style) => ['version', 'explanation', 'summary', 'overview', 'rundown'].map((what) => `${style} ${what} of`))
  .map((p) => p.split(' '));

function styleSpans(tokens: string[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  tokens.forEach((_, at) => {
    const phrase = STYLE_PHRASES.find((p) => p.every((w, k) => tokens[at + k] === w));
    if (phrase && tokens.slice(0, at).some((t) => ASKS_FOR_TELLING.test(t))) out.push({ start: at, end: at + phrase.length });
    // ("the 4 sds options, plain english pls": said last, the style asked for.)
    const tail = STYLE_TAILS.find((p) => p.every((w, k) => tokens[at + k] === w));
    // ("what does the plan say about plain english": the topic.)
    // ("is the plan written in plain english": the topic; "option 2 in plain english" the style.)
    // (Only with a topic told before it: "what is plain english" asks about plain English.)
    if (tail && tokens.slice(0, at).some((t) => !isStopWord(t) && !/^(?:explain|tell|need|want|asking|asked)$/.test(t)) && !styleIsTopic(tokens[at - 1], tokens[at - 2] ?? '') && onlyThanksOrAudience(tokens.slice(at + tail.length))) out.push({ start: at, end: tokens.length });
    // ("is there a plain english version of the plan" asks whether one exists: that is the topic.)
    const framed = STYLE_OF.find((p) => p.every((w, k) => tokens[at + k] === w));
    if (framed && !(tokens[at - 2] === 'there' && (tokens[at - 1] === 'a' || tokens[at - 1] === 'an'))) out.push({ start: at, end: at + framed.length });
  });
  return out;
}

/** "he lives with her - problem?", "she's 17, is that ok?": whether what was told is acceptable, asked
 * last. The asking word is no topic when the message tells something else. */
const ACCEPTABLE_ASK = /(?:[-–—,:;]\s*|\b(?:is|would|will|does|could) (?:that|it|this) (?:be )?)(?:any |a |an )?(?:problem|issue|ok|okay|fine|matter|bother)\s*[?!.]*\s*$/i;

function acceptableAskSpans(text: string, tokens: string[]): Array<{ start: number; end: number }> {
  if (tokens.length < 3 || !ACCEPTABLE_ASK.test(text)) return [];
  const told = tokens.slice(0, -1).filter((t) => !isStopWord(t));
  return told.length ? [{ start: tokens.length - 1, end: tokens.length }] : [];
}

/** "the new plan", "our current strategy": there is one plan, so how new it is says nothing of what is
 * asked ("what are the strategic aims in the new plan" asks the aims, not something new). */
const PLAN_AGE = new Set(['new', 'newest', 'latest', 'current', 'updated', 'draft', 'recent']);
const PLAN_WORDS = new Set(['plan', 'strategic', 'strat', 'strategy']);

function planAgeSpans(tokens: string[]): Array<{ start: number; end: number }> {
  return tokens.flatMap((t, at) => {
    if (PLAN_AGE.has(t) && PLAN_WORDS.has(tokens[at + 1] ?? '')) return [{ start: at, end: at + 1 }];
    // ("the 2025-35 plan", "2025/35 strategy": the years a plan runs name which plan, and "35" is no 35%.)
    const range = /^20\d\d$/.test(t) && /^(?:20)?\d\d$/.test(tokens[at + 1] ?? '') ? 2 : /^20\d\d\/(?:20)?\d\d$/.test(t) ? 1 : 0;
    // (Asked when it starts or what years it covers, the years are what is asked about.)
    const asksWhen = tokens.some((w) => /^(?:when|date|dates|start|starts|begin|begins|kick|run|runs|till|until|end|ends|cover|covers|period|years|long)$/.test(w));
    return range && !asksWhen && PLAN_WORDS.has(tokens[at + range] ?? '') ? [{ start: at, end: at + range }] : [];
  });
}

/** Who asked ("a councillor asked me", "audit committee wants to know"): the asker frames the question
 * and is not what it is about. The words of the frame, and up to four before it naming the asker
 * (a place among them is kept), are left out. */
const ASKER_VERBS = [['asked'], ['asking'], ['asks'], ['wants', 'to', 'know'], ['want', 'to', 'know'], ['wanted', 'to', 'know'], ['would', 'like', 'to', 'know'], ['needs', 'to', 'know']];
const AFTER_ASKER = new Set(['me', 'us', 'if', 'whether', 'about']);
const PLACE_WORDS = new Set(COMMUNITIES.flatMap((c) => c.toLowerCase().split(/\s+/)));

function askerSpans(tokens: string[], text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let clauses: Set<number> | undefined;
  tokens.forEach((_, at) => {
    const verb = ASKER_VERBS.find((p) => p.every((w, k) => tokens[at + k] === w));
    // "asking for a break" asks for something: a need, not a frame.
    if (!verb || tokens[at + verb.length] === 'for') return;
    // The asker is named in the frame's own clause: "do we still do locality planning, board member
    // asking" keeps "locality planning".
    // (Read only when a frame is found: most messages name no asker.)
    clauses ??= clauseStarts(text, tokens.length);
    let start = at;
    // (A child's age before the frame, "mum of a disabled 8 yr old asked me", is who the question is
    // about: it is kept, like a place.)
    while (start > 0 && at - start < 4 && !PLACE_WORDS.has(tokens[start - 1]) && !isAgeEnd(tokens, start - 1) && !clauses.has(start)) start--;
    let end = at + verb.length;
    while (end < tokens.length && AFTER_ASKER.has(tokens[end])) end++;
    out.push({ start, end });
  });
  return out;
}

/** Who is writing, told first ("gp reception here - …", "manager at a carers org - …"): the writer's
 * role frames the question and is not what it asks. Only a short first clause that asks nothing, ending
 * in "here" after a role, or opening with a role and where it works. */
const ROLES = new Set(['gp', 'ot', 'sw', 'cpn', 'hv', 'pharmacist', 'receptionist', 'reception', 'manager', 'provider', 'officer', 'lead', 'volunteer', 'nurse', 'worker', 'coordinator', 'practitioner', 'physio', 'student', 'admin', 'advisor', 'adviser', 'liaison']);
const ASKING = new Set(['name', 'names', 'what', 'whats', 'where', 'wheres', 'who', 'whos', 'how', 'hows', 'when', 'which', 'why', 'is', 'are', 'there', 'theres', 'any', 'can', 'do', 'does', 'need', 'number', 'phone', 'contact']);

/** Whether a child's age ends at this token ("8 yr old", "14yo", "3 months old"; not "my old manager"). */
function isAgeEnd(tokens: string[], at: number): boolean {
  const t = tokens[at];
  return /^\d+yo$/.test(t) || (t === 'yo' && /^\d+$/.test(tokens[at - 1] ?? '')) || (t === 'old' && /^(?:\d+|yr|yrs|year|years|month|months|week|weeks)$/.test(tokens[at - 1] ?? ''));
}

function introSpans(tokens: string[], text: string): Array<{ start: number; end: number }> {
  const intro = introClause(text);
  // (Only when the clause's words are the message's first words as the whole message reads them.)
  return intro && intro.words.every((w, k) => tokens[k] === w) && asksEnough(tokens.slice(intro.words.length)) ? [{ start: 0, end: intro.words.length }] : [];
}

function introClause(text: string): { words: string[]; chars: number } | undefined {
  const boundary = /[,;:.!?()–—]|\s-+\s/.exec(text.slice(0, 80));
  // ("gp practice wellbeing worker - is that a thing here": what follows points back, so the clause is
  // what is asked about.)
  if (!boundary || boundary[0] === '?' || /^\W*(?:is|are|does|do|was|were|has|have)? ?(?:that|this|it|they|them|these|those)\b/i.test(text.slice(boundary.index + boundary[0].length))) return undefined;
  const words = tokenize(text.slice(0, boundary.index));
  if (words.length < 1 || words.length > 6 || words.some((t) => ASKING.has(t))) return undefined;
  const last = words[words.length - 1];
  // ("carers centre here, whats the number" names a place, not a writer: "here" needs a role too. A role
  // alone, "district nurse, how do we refer", may be what is asked about.)
  const isIntro = (last === 'here' && words.some((t) => ROLES.has(t))) || (ROLES.has(words[0]) && /^(?:at|from|in|with)$/.test(words[1] ?? ''));
  return isIntro ? { words, chars: boundary.index + boundary[0].length } : undefined;
}

/** What the writer is working on, told first ("I'm putting together slides for our away day and would
 * like to …", "we're drafting a paper on demand, and need …"): why the answer is wanted, not what is
 * asked. Only up to the clause's end, or to the "and" before what they want. */
const PURPOSE_FIRST = /^\s*(?:i'?m|i am|we'?re|we are)\s+(?:currently\s+|just\s+)?(?:putting together|pulling together|preparing|drafting|writing|working on|doing|updating|making)\s+(?:[\w'’-]+\s+){0,6}?(?:slides?|paper|papers|report|briefing|presentation|bid|newsletter|summary|poster|induction|background|communications plan|business case)\b[^.,;:!?]{0,80}?(?:\s+and\s+(?=(?:would|want|wanted|need|needed|i'?d|id|am|i)\b)|[.,;:!?])/i;

/** What the answer is for, said as a label first: "board paper: …", "briefing for a new councillor - …". */
const PURPOSE_LABEL = /^\s*(?:for (?:a|an|the|my|our) )?(?:board paper|paper|briefing|report|slides?|presentation|newsletter|case notes?|induction|team meeting)(?: (?:for|to) (?:a |an |the |my |our )?[a-z' ]{1,30}?)?\s*(?::|\s[-–—]+)\s+/i;

function purposeFirstSpans(tokens: string[], text: string): Array<{ start: number; end: number }> {
  const told = PURPOSE_FIRST.exec(text) ?? PURPOSE_LABEL.exec(text);
  if (!told) return [];
  const words = tokenize(told[0]);
  return words.length && words.every((w, k) => tokens[k] === w) && asksEnough(tokens.slice(words.length)) ? [{ start: 0, end: words.length }] : [];
}

/** The message less the writer's introduction told first, if any. */
export function withoutIntro(text: string): string {
  const intro = introClause(text);
  return intro && asksEnough(tokenize(text.slice(intro.chars))) ? text.slice(intro.chars).trim() : text;
}

/** Whether what follows an introduction asks something of its own: two words that carry meaning. */
function asksEnough(rest: string[]): boolean {
  return rest.filter((t) => !isStopWord(t)).length >= 2;
}

/** The token indices where a clause starts after a comma, semicolon, colon, stop, question or exclamation
 * mark, bracket or dash. (Tokens keep no punctuation; when the clauses' own tokens do not add up to the
 * whole, as when a long message is cut or an overlong word dropped, no boundary is claimed.) */
function clauseStarts(text: string, count: number): Set<number> {
  const clauses = text.split(/[,;:.!?()–—]|\s-+\s/);
  if (clauses.length < 2) return new Set();
  const starts = new Set<number>();
  let at = 0;
  for (const clause of clauses) {
    at += tokenize(clause).length;
    starts.add(at);
  }
  return at === count ? starts : new Set();
}

/** A child's age as staff write it ("10 yr old", "a 7 year old", "14yo", "aged 9"), or children as a
 * group ("under 16s", "under-18s"): where it ends. "A 2 year review" is no age: it needs "old" or "yo". */
function ageSpan(tokens: string[], i: number): { end: number } | undefined {
  // (Under 18 is a child in law; the groups staff name stop at 16 or 18. "Under 65s" are adults.)
  if (tokens[i] === 'under' && /^(?:1[0-8]|[5-9])s?$/.test(tokens[i + 1] ?? '')) return { end: i + 2 };
  const next = tokens[i + 1] ?? '';
  let years: number;
  let end: number;
  // ("10yo" alone is an age; "10yr" and "3yrs" only with "old": "the 10yr plan", "funding for 3yrs".)
  const joined = /^(\d{1,3})(yo|yr|yrs)$/.exec(tokens[i]);
  if (joined && (joined[2] === 'yo' || next === 'old')) [years, end] = [Number(joined[1]), i + 1];
  else if (tokens[i] === 'aged' && /^\d{1,3}$/.test(next)) [years, end] = [Number(next), i + 2];
  else if (/^\d{1,3}$/.test(tokens[i]) && (next === 'yo' || (/^(?:yr|yrs|year|years)$/.test(next) && tokens[i + 2] === 'old'))) [years, end] = [Number(tokens[i]), i + 2];
  else return undefined;
  // An adult's age is left as it was: "aged 65 and over" is how the plan's figures are put.
  if (years >= 16) return undefined;
  return { end: tokens[end] === 'old' ? end + 1 : end };
}

/** "she's 58", "he is 80", "turned 65": the person's age, not a figure to look for. */
function isAgeTold(tokens: string[], i: number): boolean {
  if (!/^\d{1,3}$/.test(tokens[i]) || Number(tokens[i]) >= 120) return false;
  const before = tokens[i - 1] ?? '';
  return /^(?:s?hes|im|turned|turning|turns)$/.test(before) || (before === 'is' && /^s?he$/.test(tokens[i - 2] ?? ''));
}

function dedupe(lists: string[][]): string[][] {
  const seen = new Set<string>();
  return lists.filter((l) => {
    const key = l.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Words for the people in a case: who the person is to whom, not what is asked about them. */
export const PERSON_WORDS = ['mum', 'mother', 'dad', 'father', 'daughter', 'son', 'wife', 'husband', 'partner', 'sister', 'brother', 'sibling', 'cousin', 'aunt', 'uncle',
  'niece', 'nephew', 'grandchild', 'granddaughter', 'grandson', 'grandmother', 'grandfather', 'gran', 'granny', 'grandad', 'law', 'client',
  'man', 'woman', 'lady', 'gentleman', 'fella', 'guy', 'neighbour'];
const PERSON = new Set(PERSON_WORDS);

function mergeRepeats(concepts: Concept[]): Concept[] {
  // Words said twice count once; so do the people of a case ("wife caring for husband"): two
  // relatives are one idea, a family member, not two.
  const seen = new Set<string>();
  let person: Concept | undefined;
  return concepts.filter((c) => {
    const key = c.tokens.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    if (c.tokens.length === 1 && PERSON.has(c.tokens[0])) {
      const alike = person?.alternatives.some((a) => a.join(' ') === key);
      person ??= c;
      if (alike) return false;
    }
    return true;
  });
}
