// One tokeniser for both sides of the index. lunr's own tokeniser splits "96,600" and "2.1" badly
// and keeps apostrophes, so documents and queries are tokenised here and lunr only stems them.

/** Words that carry no meaning in a staff question. Unlike lunr's list it keeps "not", "no",
 * "will" and "own", which change what a question means in this field. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'again', 'all', 'also', 'am', 'an', 'and', 'any', 'anyone', 'anything', 'are', 'as', 'at',
  'be', 'been', 'being', 'but', 'by', 'can', 'cn', 'could', 'did', 'do', 'does', 'doing', 'dont', 'for',
  'from', 'get', 'gets', 'getting', 'got', 'had', 'has', 'have', 'he', 'her', 'hers', 'him', 'his',
  'how', 'i', 'if', 'im', 'in', 'into', 'is', 'it', 'its', 'ive', 'just', 'let', 'me', 'mine', 'my',
  'of', 'on', 'or', 'our', 'ours', 'please', 'she', 'should', 'so', 'some', 'someone', 'somebody',
  'tell', 'than', 'that', 'thats', 'the', 'their', 'theirs', 'them', 'then', 'there', 'these', 'they',
  'this', 'those', 'to', 'us', 'was', 'we', 'were', 'what', 'whats', 'when', 'where', 'wheres',
  'which', 'who', 'whom', 'whos', 'why', 'with', 'would', 'you', 'your', 'yours', 'client', 'clients',
  'mum', 'dad', 'gran', 'granny', 'grandad', 'hi', 'hello', 'thanks', 'thank', 'ok', 'okay', 'know',
  'want', 'wants', 'like', 'really', 'actually', 'currently', 'still', 'going', 'etc', 'eg', 'ie', 'under',
  'shes', 'hes', 'theyre', 'youre', 'theres', 'isnt', 'arent', 'doesnt', 'didnt', 'wont', 'im', 'ill', 'id',
  // Chat fillers: "who can get a dp anyway", "pls", "just wondering".
  'anyway', 'anyways', 'though', 'basically', 'pls', 'plz', 'cheers', 'btw', 'wondering', 'wondered',
  // Spoken fillers, as voice typing writes them: "um can a dp be used for…".
  'um', 'umm', 'erm', 'er', 'uh', 'uhm', 'hmm',
  // "whats def off limits", "defo", "definately": sure, not a topic.
  'definitely', 'definately', 'def', 'defo', 'deffo',
  // "carer totally burnt out": how strongly, not what.
  'totally', 'completely', 'absolutely', 'literally',
  // "had a few falls lately": how many and when, not what.
  'few', 'lately',
  // Text-speak for joining words: "gas n electric", "r they open", "can u".
  'n', 'u', 'r',
  // "what does the plan say re sds": about.
  're', 'regarding', 'wrt',
  // "when's it meant to be done", "how's that usually worked out", "what are they exactly": the asking, not the topic.
  'whens', 'hows', 'whys', 'meant', 'supposed', 'gonna', 'wanna', 'usually', 'normally', 'done', 'exactly', 'precisely',
  // "digital exclusion stats", "population figure": ask for figures (see answerTypeFor), not about a
  // topic named "stats" or "figure".
  'stats', 'stat', 'statistics', 'figure', 'figures',
  // "remind me what directions are": a courtesy, not a topic.
  'remind',
  // "tell me more about primrose lodge": asks for more of the thing, not about a word "more".
  'more',
]);

/** US → UK spellings for whole words; regular -ize/-yze endings are handled by rule below. */
const SPELLING: Readonly<Record<string, string>> = {
  // "can't" is "cannot": a title such as "Who cannot get a direct payment" answers "who cant get a dp".
  cant: 'cannot',
  center: 'centre', centers: 'centres', program: 'programme', programs: 'programmes',
  behavior: 'behaviour', behaviors: 'behaviours', counseling: 'counselling', counselor: 'counsellor',
  labor: 'labour', aging: 'ageing', color: 'colour', favor: 'favour', neighbor: 'neighbour',
  neighborhood: 'neighbourhood', neighborhoods: 'neighbourhoods', pediatric: 'paediatric',
  anemia: 'anaemia', diarrhea: 'diarrhoea', fiber: 'fibre', defense: 'defence',
  enroll: 'enrol', enrollment: 'enrolment', fulfill: 'fulfil', modeling: 'modelling', traveled: 'travelled',
  traveling: 'travelling', canceled: 'cancelled', canceling: 'cancelling', gray: 'grey', mom: 'mum',
  caregiver: 'carer', caregivers: 'carers',
  // Chat shorthand for words the knowledge spells out.
  '2nite': 'tonight', '2moro': 'tomorrow', '2morrow': 'tomorrow', cl: 'client', cls: 'clients',
  orgs: 'organisations', org: 'organisation', opts: 'options', info: 'information', regs: 'regulations', reg: 'regulation',
  appt: 'appointment', appts: 'appointments', hrs: 'hours', govt: 'government',
  wk: 'week', wks: 'weeks', mth: 'month', mths: 'months', til: 'until', till: 'until', tmrw: 'tomorrow', thru: 'through',
  // ("wd" is left alone: it is as often a ward, "wd 12".)
  wud: 'would', shd: 'should', cud: 'could', w: 'with', hav: 'have', hve: 'have', dnt: 'dont',
  figs: 'figures', fam: 'family', fams: 'families', vol: 'voluntary', fin: 'financial',
  // "wats out there", "wot if": the asking word as meant.
  wat: 'what', wats: 'whats', wot: 'what', wots: 'whats', wht: 'what', whts: 'whats',
};

const IZE = /^([a-z]{3,})(i|y)z(e|es|ed|ing|ation|ations|er|ers)$/;

/** Number words become digits so "four options" meets "Option 4" and "4 options". "one" is left
 * alone: it is far more often a pronoun than a number. */
const NUMBER_WORDS: Readonly<Record<string, string>> = {
  two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', twenty: '20', first: '1st', second: '2nd', third: '3rd',
};

const NOT_ASCII = /[^\x00-\x7f]/;

export function foldText(text: string): string {
  // (Plain ASCII has nothing to decompose and no curly quotes or dashes: the passages are mostly that.)
  if (!NOT_ASCII.test(text)) return text.toLowerCase().replace(/`/g, "'");
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2013\u2014]/g, '-');
}

const normalised = new Map<string, string>();

/** Normalises one lower-case word to the spelling used in the index (memoised: the same few
 * thousand words come round again and again). */
export function normaliseWord(word: string): string {
  let out = normalised.get(word);
  if (out !== undefined) return out;
  out = SPELLING[word] ?? NUMBER_WORDS[word];
  if (!out) {
    const ize = IZE.exec(word);
    out = ize ? `${ize[1]}${ize[2]}s${ize[3]}` : word;
  }
  if (normalised.size < 50_000) normalised.set(word, out);
  return out;
}

// Numbers keep their inner separators so that "2.1", "96,600", "2025/26" and "0131" survive whole;
// a "%" becomes its own word so "percentage" questions can meet "73%".
const TOKEN = /\d+(?:[.,/:]\d+)+%?|[a-z0-9]+%?/g;

// A financial year is written many ways ("25/26", "2025-26", "2025/2026"): all read as "2025/26", the
// way the plan writes it. A dash counts only after a four-figure year ("16-17" may be ages).
// (Two figures with a slash are a date or ages when a third part or "year olds" follows: "10/11/2025",
// "16/17 year olds".)
const FINANCIAL_YEAR = /\b20([1-3]\d) ?[/-] ?(?:20)?([1-3]\d)\b(?![/.]\d)|(?<![\d/.])\b([1-3]\d)\/(?:20)?([1-3]\d)\b(?![/.]\d)(?! ?(?:years?|yrs?|yo)\b)/g;

function financialYear(written: string, a?: string, b?: string, c?: string, d?: string): string {
  const [first, second] = [a ?? c ?? '', b ?? d ?? ''];
  return Number(second) === Number(first) + 1 ? `20${first}/${second}` : written;
}

/** The text with each financial year written as the plan writes it ("25/26" → "2025/26"). */
export function withFinancialYears(text: string): string {
  return text.replace(FINANCIAL_YEAR, financialYear);
}

/** Short forms a phone's voice typing spells out letter by letter ("the s d s options", "a c t o"). (Not
 * "uc": "if u c her" is text-speak, not Universal Credit.) */
const SPELLED_OUT: ReadonlySet<string> = new Set(['sds', 'pa', 'pas', 'dp', 'dps', 'cto', 'ijb', 'isf', 'gp', 'gps', 'ot', 'asp', 'acsp', 'hscp', 'nhs', 'poa', 'esa', 'pip', 'mh', 'tsi', 'mva', 'hmrc', 'sw', 'su', 'ooh', 'cpn', 'ycs', 'ld']);

/** Joins letters spelled out one by one into the short form they make, the longest first. */
export function joinSpelledOut(tokens: string[]): string[] {
  for (let i = 0; i < tokens.length - 1; i++) {
    if (tokens[i].length !== 1 || tokens[i + 1].length !== 1) continue;
    let end = i;
    while (end < tokens.length && end - i < 5 && /^[a-z]$/.test(tokens[end])) end++;
    for (let to = end; to >= i + 2; to--) {
      const joined = tokens.slice(i, to).join('');
      if (SPELLED_OUT.has(joined)) {
        tokens.splice(i, to - i, joined);
        break;
      }
    }
  }
  return tokens;
}

/** Splits text into normalised lower-case tokens (no stemming, stop words kept). */
/** "n e day care": "any", typed as it sounds (in lower-case text). */
export function anyTypedAsItSounds(text: string): string {
  return text.replace(/\bn e(?= [a-z])/g, 'any');
}

export function tokenize(text: string): string[] {
  const folded = withFinancialYears(
    anyTypedAsItSounds(foldText(text))
      .replace(/([a-z])'([a-z])/g, '$1$2') // what's → whats, David's → davids
      .replace(/&/g, ' and ')
      // "what's out there for carers": what there is, not anything "out".
      .replace(/\bout there\b/g, 'there')
      // "what can I put in place": what can be done, not a place.
      .replace(/\b(?:put|putting|get|getting|set up|setting up) in place\b/g, 'do'),
  );
  const out: string[] = [];
  // (match, not matchAll: the same words without a match object each, a third of the time.)
  for (const word of folded.match(TOKEN) ?? []) {
    if (word.endsWith('%')) out.push(word.slice(0, -1), 'percent');
    else out.push(normaliseWord(word));
  }
  joinSpelledOut(out);
  // "opt 3" is option 3; "opt out" and "opt in" are not.
  for (let i = 0; i < out.length; i++) if (out[i] === 'opt' && out[i + 1] !== 'out' && out[i + 1] !== 'in') out[i] = 'option';
  // "pop figure", "pop growth" is the population; "pop in", "pop round" is a visit.
  for (let i = 0; i < out.length; i++) if (out[i] === 'pop' && /^(?:figure|figures|figs|growth|stats|statistics|data|projections?|of|size|change|increase|estimates?|rise|grow|growing)$/.test(out[i + 1] ?? '')) out[i] = 'population';
  return out;
}

/** Filler adverbs: typed a letter off ("actualy", "usualy") they are still filler, not a word one
 * letter from a topic ("actualy" is not "actual"). */
const FILLER_ADVERBS = ['actually', 'really', 'currently', 'basically', 'usually', 'normally', 'exactly', 'precisely'];

/** The filler adverb a word was typed for ("acutally" → "actually"), if any. */
export function fillerAdverbMeant(token: string): string | undefined {
  return token.length >= 6 && token.endsWith('y') ? FILLER_ADVERBS.find((a) => withinOneEdit(a, token)) : undefined;
}

export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token) || fillerAdverbMeant(token) !== undefined;
}

/** Tokens that carry meaning: the query-side counterpart of the index's stop-word filter. */
export function contentTokens(text: string): string[] {
  return tokenize(text).filter((t) => !isStopWord(t));
}

/** At most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A timescale typed in a hurry, "shrot term", "meduim-term", "longr term", read as meant: the word
 * before "term" one edit from a timescale. */
export function timescaleTyposCorrected(lower: string): string {
  return lower.replace(/\b([a-z]{4,7})(?=[\s-]*terms?\b)/g, (word) => ['short', 'medium', 'long', 'longer'].find((t) => withinOneEdit(t, word)) ?? word);
}

const POINTERS = /\b(?:it|its|that|this|they|them|those|these|there|he|she|his|her|their|your|my|our)\b/;
/** Not a thing: "what is happening", "whats a good lunch club", "what are the options available". */
const NOT_A_THING = /\b(?:happening|wrong|going|good|best|available|new|next|latest|up|on)\b/;
const THING = '([a-z0-9-]+(?: [a-z0-9-]+){0,2})';
const WHAT_IT_IS = new RegExp(
  `^(?:(?:can|could) you |pls |please |just |so )?(?:remind me )?(?:what (?:exactly |actually )?(?:is|are|r|s) (?:an? )?${THING}|whats (?:an? )?${THING}|what ${THING} (?:is|are|means?)|what does (?:an? )?${THING} mean|define ${THING}|meaning of ${THING})(?: actually| exactly| again| then| anyway| tho| though)?$`,
);
/** "what are directions?", "whats an isf", "remind me what directions are", "what does isf mean": asks
 * what a thing is, which the sentence defining it answers (usually the first to name it). "What's the
 * number" asks a detail, and "what is that" points back: neither is a definition. */
export function asksWhatItIs(text: string): boolean {
  if (text.length > 80) return false;
  const lower = text.toLowerCase().replace(/[’']/g, '').replace(/[?!.\s]+$/, '').trim();
  const m = WHAT_IT_IS.exec(lower);
  const named = m?.slice(1).find((g) => g !== undefined);
  return named !== undefined && !/^the\b/.test(named) && !POINTERS.test(named) && !NOT_A_THING.test(named);
}
