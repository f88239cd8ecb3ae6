// The one search the bot, the CLI and the evaluation share: text in, ranked passages out.
// lunr's index finds candidates (exact, fuzzy and prefix clauses built with lunr's Query API, never
// the query-string parser, which throws on ":" "~" "^" and lone "+"/"-"), scored as index.query
// scores them but over flat arrays (postingsScorer.ts); a re-ranker then orders them by how much of
// the question each passage covers, phrase matches, titles and kind.
import lunr from 'lunr';
import type { BuiltKnowledge, BuiltRisk } from './builtKnowledge';
import { COMMUNITIES, communitiesIn, OTHER_AREAS, otherAreasIn, placeFit } from '../knowledge/places';
import type { PlanStructure } from '../knowledge/planStructure';
import type { EmergencyRoutes } from '../knowledge/emergencyRoutes';
import type { SignpostingOptions } from '../knowledge/signpostingOptions';
import type { Passage, PassageKind, ServiceRecord } from '../knowledge/types';
import { showableService } from '../knowledge/publicText';
import { organisationShortName } from '../knowledge/servicePassage';
import { EMAIL_IN_WORDS, holdsDetail, type RecordDetail } from '../knowledge/recordDetails';
import { analyseQuery, PERSON_WORDS, type AnalysedQuery, type Concept } from './queryAnalysis';
import { sentences, snippetFor } from './snippet';
import { stem } from './stem';
import { PostingsScorer, type ScoredRef } from './postingsScorer';
import { questionStemsOf } from './passageQuestionStems';
import { OutOfScopeDetector, type OutOfScopeEntry } from './outOfScope';
import { SynonymTable } from './synonyms';
import type { IndexField } from './lunrSetup';
import { asksWhatItIs, contentTokens, isStopWord, tokenize, withFinancialYears, withinOneEdit } from './text';
import { socialOpening } from './socialWords';
import { asksAmount, asksLiveFigure, asksWait, holdsAmount, holdsDuration } from './figureAsks';

export interface SearchResult {
  passage: Passage;
  score: number;
  /** Share of the question's meaningful words this passage covers (0–1, weighted by rarity). */
  coverage: number;
  /** The best window of the passage, query words in **bold**. */
  snippet: string;
  /** The ranking features, when asked for with `explain` (for tuning and debugging). */
  features?: RankingFeatures;
}

/** Snippets cost more than the search itself and most results never show one: make them on demand. */
function withLazySnippet(result: Omit<SearchResult, 'snippet'>, stems: ReadonlySet<string>, wants?: RegExp, concepts?: ReadonlyArray<ReadonlySet<string>>, defines = false, beside?: ReadonlySet<string>): SearchResult {
  let snippet: string | undefined;
  return Object.defineProperty({ ...result }, 'snippet', {
    enumerable: true,
    get: () => (snippet ??= snippetFor(result.passage.text, stems, wants, concepts, defines, beside)),
  }) as SearchResult;
}

export interface SearchResponse {
  query: string;
  results: SearchResult[];
  /** Stems of the question's words and synonyms, for highlighting elsewhere. */
  stems: string[];
  confident: boolean;
  /** What the confidence decision was based on. */
  signals?: ConfidenceSignals;
  /** A curated topic the knowledge does not cover, when the question is about one. */
  outOfScope?: OutOfScopeEntry;
  /** Near the knowledge but not in it: another council area, or a year no passage found holds. */
  nearScope?: { areas: string[]; years: string[] };
  /** Asked for a figure the best passage does not give: a count or percentage next to the question's
   * words (`figure`), a price or sum (`amount`), a length of wait (`wait`), or a figure as it stands
   * now (`live`), which the published knowledge never holds. */
  figureMissing?: 'figure' | 'amount' | 'wait' | 'live';
  /** Asked for a detail (phone, email, hours, cost, address) of a service it names whose record has none. */
  detailMissing?: { detail: string; serviceIds: string[] };
  /** Named an aim, outcome, SDS standard or option by a number the knowledge does not have ("aim 4"). */
  /** `onlySome`: the thing may well exist, but the knowledge holds only some of its kind (East Lothian's objectives). */
  numberMissing?: { asked: string; held: string; onlySome?: true };
}

export interface ConfidenceSignals {
  /** Share of the question's concepts that the knowledge knows at all. */
  knownShare: number;
  /** Share of those known concepts (weighted by rarity) that the best passage has. */
  knownCoverage: number;
}

export interface SearchOptions {
  limit?: number;
  /** Only these kinds of passage (for lists drawn from one source, e.g. plan commitments). */
  kinds?: PassageKind[];
  /** Return each result's ranking features. */
  explain?: boolean;
  /** Only passages this accepts: a follow-up looks first inside the document or services just shown. */
  within?: (passage: Passage) => boolean;
  /** Words the conversation was about (the last question, for a follow-up): among windows of a passage
   * that hold as much of the question, the snippet shows the one beside them. */
  beside?: string;
}

interface PassageFeatures {
  all: Set<string>;
  titleish: Set<string>;
  /** Title, headings and alternative questions, in order, for whole-phrase matches. */
  titleSequence: string[];
  sequence: string[];
  /** The passage's own text, without inherited titles and headings. */
  body: Set<string>;
  /** Adjacent word pairs of title and text, for phrase matches. */
  pairs: Set<string>;
  /** Near-duplicate passages share this. */
  dedupeKey: string;
  /** Which kinds of answer (a date, a figure, a phone number) the text holds. */
  answers: Record<AnswerType, boolean>;
  /** Details a question may ask for that the text gives or not: an email address, an amount of money
   * (or that there is nothing to pay), a length of time. Read once, at start-up. */
  gives: { email: boolean; amount: boolean; duration: boolean };
  /** The questions the passage answers, as bit masks: for each stem, which questions (the first 31)
   * have it; and each question's own rarity weight. Bits keep the per-query work to a few lookups. */
  questions: { masks: Map<string, number>; weights: number[] };
  /** The passage's words and its questions' words: what confidence counts as covered. */
  answerable: Set<string>;
  /** Its title and its own heading: a standard or option named by number is one of these ("Option 2:
   * individual service fund: Who holds the money", "Standard 1 – Independent Support …"). */
  heads: string[];
}

export interface RankingFeatures {
  /** lunr's score relative to the best candidate's. */
  lunr: number;
  /** Share of the question's concepts the passage has, weighted by rarity. */
  coverage: number;
  /** The same, for the title, headings and alternative questions only. */
  titleCoverage: number;
  /** Share of the question's word pairs that stand side by side in the passage. */
  phrase: number;
  /** The question's meaningful words, in order, are a phrase of the title or an alternative question. */
  titlePhrase: number;
  /** The wording leans towards this kind of source. */
  kind: number;
  /** The question names this passage's source as where to look ("in the strategic plan"). */
  source: number;
  /** The question wants a date, a figure or a phone number and the passage has one. */
  answerType: number;
  /** Share of the question's concepts in the passage's own text (not inherited headings). */
  bodyCoverage: number;
  /** Share of the question's numbers (years, codes, figures) found in the passage. */
  numbers: number;
  /** When the question names a community: 1 for a service there, less for Midlothian-wide, regional
   * and national ones, 0 for a service based elsewhere; other passages sit in the middle. */
  place: number;
  /** How closely the question matches one of the questions the passage answers (F1 of the two
   * questions' meaningful words, weighted by rarity): "can her son be paid" finds the section whose
   * questions say so, though the section says "family member". */
  question: number;
  /** The East Lothian document when East Lothian is asked about (1), or when it is not (-1). */
  otherArea: number;
  /** The question names this passage's thing: a service ("VOCAL phone number", "what does LCiL do"),
   * or an SDS standard or option by its number ("standard 1"): 1 for its own record or section. */
  named: number;
}

/** Weights chosen by `npm run fit:ranking` on the four tuning question sets (760 in scope). */
export const RANKING_WEIGHTS: RankingFeatures = {
  lunr: 0.48,
  coverage: 1.17,
  titleCoverage: 0,
  phrase: 1.24,
  titlePhrase: 0.36,
  kind: 0.3,
  // Flat from 0.25 to 1.5 on the tuning questions; 1 lets "what does the strategic plan say about SDS"
  // find the plan's section before an SDS article quoting the plan (tuning follow-ups +4 over 0.5).
  source: 1,
  answerType: 0.78,
  bodyCoverage: 0.15,
  numbers: 0,
  // The tuning sets name few places, so the fit leaves this weight where it was; kept so a named
  // community still prefers its own services.
  place: 0.64,
  // The fit goes as high as 3 with the same cross-validated hit@1 (0.876-0.878 for 1.5 to 3); above
  // 1.5 a question sharing two of three words outranks a passage that has all three.
  question: 1.5,
  otherArea: 0.68,
  named: 0.5,
};

export function combine(features: RankingFeatures, weights: RankingFeatures = RANKING_WEIGHTS): number {
  let score = 0;
  for (const key of Object.keys(weights) as Array<keyof RankingFeatures>) score += weights[key] * features[key];
  return score;
}

const CANDIDATES = 40;
/** Candidates added from a search by every word, common ones too, for a question made mostly of common words. */
const MOSTLY_COMMON_CANDIDATES = 20;
/** Who a question is about ("his daughter-in-law says…", "mum is moving…") is mostly context, not
 * the topic: such words weigh less, so a section on the topic outranks the one on paying relatives. */
const PERSON_STEMS = new Set(PERSON_WORDS.map(stem));
// (0.5 before; hit@1 on the tuning questions is flat from 0.2 to 0.35, 4 to 5 higher than at 0.5, with
// 2 to 3 more follow-ups: "daughter caring for her dad" was read as the article on paying relatives.)
const PERSON_WEIGHT = 0.3;
/** A time of day as staff type it: "3am", "9pm". */
const CLOCK_TIME = /^\d{1,2}(?:[.:]\d{2})?(?:am|pm)$/;

/** Where a misspelt word is looked up. */
interface TypoTables {
  /** Each known stem with one letter dropped → the stem (the commonest, when several share it): a
   * typo with a letter missing, extra or wrong is one lookup away (lunr's own fuzzy matching misses
   * a dropped letter in mid-word: "helpine" never finds "helpline"). */
  oneLetterOff: Map<string, string>;
  /** The same for the words as the knowledge writes them ("consultation" → stem "consult"). */
  rawOneLetterOff: Map<string, string>;
  /** Those words themselves → their stems: "elligibility" with its doubled letter dropped is "eligibility". */
  rawStems: Map<string, string>;
}

/** A question's concepts for matching passage questions, its stems numbered once per question so
 * each passage looks each stem up once. */
interface QuestionQuery {
  /** Each distinct stem, and its rarity weight. */
  stems: string[];
  stemWeights: number[];
  /** Per concept, its weight and its forms as positions in `stems`. */
  concepts: Array<{ weight: number; forms: number[][] }>;
  total: number;
}
const AGE_AFTER = /^(yr|yrs|year|years|yo|month|months|week|weeks)$/;
const COMMON_SHARE = 0.1;
/** Only aim and outcome words and numbers can match the codes field; other words skip it. */
const CODE_TOKEN = /^(\d.*|aim|outcome|short|medium|longer|term)$/;
const TEXT_FIELDS: IndexField[] = ['title', 'headings', 'questions', 'body'];
const ALL_FIELDS: IndexField[] = [...TEXT_FIELDS, 'codes'];

interface LunrTokenSetApi {
  TokenSet: { fromFuzzyString(word: string, distance: number): { intersect(other: unknown): { toArray(): string[] } } };
}

export class SearchEngine {
  private readonly synonyms: SynonymTable;
  private readonly outOfScope: OutOfScopeDetector;
  private readonly byId = new Map<string, Passage>();
  private readonly features = new Map<string, PassageFeatures>();
  /** The plan's aims and outcomes and the SDS standards and options the knowledge holds, by number. */
  private readonly numbered = new Map<NumberedThing, Set<string>>(NUMBERED.map((n) => [n.thing, new Set<string>()]));
  private readonly eastLothianObjectives = new Set<string>();
  private readonly docFreq = new Map<string, number>();
  /** By passage, the words that are a name for it on their own ("mva"), which its text may never use. */
  private readonly nameAliases = new Map<string, Set<string>>();
  private readonly servicesById = new Map<string, ServiceRecord>();
  /** Each document's passages, in order: its opening first. */
  private readonly byDoc = new Map<string, Passage[]>();
  /** Stem of a word that names a service → the services it names (see servicesNamedIn). */
  private readonly nameWords = new Map<string, string[]>();
  /** Stem of a service's acronym ("vocal", "lcil") → the services it is the acronym of. */
  private readonly acronyms = new Map<string, Array<{ serviceId: string; asName: { test: (text: string) => boolean } }>>();
  private readonly scorer: PostingsScorer;
  /** Each service passage's names as token runs: its name, an acronym it goes by, its short keywords. */
  private readonly serviceNames: Array<{ id: string; names: string[][] }> = [];
  /** Every word pair in any passage: most of a question's pairs ("what is") are in none. */
  private readonly allPairs = new Set<string>();
  /** The typo tables, made on first need (see typoTables). */
  private typos?: TypoTables;
  private readonly correctionCache = new Map<string, string | null>();
  private readonly figureQuestionCache = new Map<string, Array<Set<string>>>();

  constructor(private readonly knowledge: BuiltKnowledge) {
    this.scorer = new PostingsScorer(knowledge.index);
    const pendingQuestionWeights: Array<[string, Array<Set<string>>]> = [];
    this.synonyms = new SynonymTable(knowledge.synonyms);
    this.outOfScope = new OutOfScopeDetector(knowledge.outOfScope, (t) => this.docFreq.has(stem(t)));
    for (const s of knowledge.services) this.servicesById.set(s.id, s);
    // Per-passage stem sets for the re-ranker, computed once at start-up.
    for (const p of knowledge.passages) {
      if (p.aim !== undefined) this.numbered.get('aim')?.add(String(p.aim));
      if (p.outcome !== undefined) this.numbered.get('outcome')?.add(p.outcome);
      if (p.docId.startsWith('east-lothian')) for (const m of [p.title, ...p.headings].join(' ').matchAll(/\bStrategic Objective (\d+)\b/g)) this.eastLothianObjectives.add(m[1]);
      if (p.kind === 'sds') {
        const heads = [p.title, ...p.headings].join(' ');
        for (const m of heads.matchAll(/\bStandard (\d+)\b/g)) this.numbered.get('standard')?.add(m[1]);
        for (const m of heads.matchAll(/\bOption (\d)\b/g)) this.numbered.get('option')?.add(m[1]);
      }
      this.byId.set(p.id, p);
      const inDoc = this.byDoc.get(p.docId);
      if (inDoc) inDoc.push(p);
      else this.byDoc.set(p.docId, [p]);
      const titleSequence = tokenize([p.title, ...p.headings, p.docTitle].join(' | ')).map(stem);
      const titleish = new Set(titleSequence);
      const textStems = tokenize(p.text).map(stem);
      const sequence = [...tokenize(p.title).map(stem), ...textStems];
      const body = new Set(textStems);
      const all = new Set([...titleish, ...sequence]);
      const pairs = new Set<string>();
      for (let i = 0; i + 1 < sequence.length; i++) pairs.add(`${sequence[i]} ${sequence[i + 1]}`);
      const dedupeKey = p.text.slice(0, 200).toLowerCase().replace(/\W+/g, ' ');
      const answers = { date: ANSWER_PATTERNS.date.test(p.text), figure: ANSWER_PATTERNS.figure.test(p.text), phone: ANSWER_PATTERNS.phone.test(p.text) };
      const gives = { email: EMAIL_IN_WORDS.test(p.text), amount: holdsAmount(`${p.title} ${p.text}`), duration: holdsDuration(`${p.title} ${p.text}`) };
      const questionStems = (knowledge.questionStems?.[p.id] ?? questionStemsOf(p, this.synonyms)).map((q) => new Set(q));
      const answerable = new Set([...all, ...questionStems.flatMap((q) => [...q])]);
      // A passage question of one word is a name the passage goes by ("mva", "waeml").
      const aliases = questionStems.filter((q) => q.size === 1).flatMap((q) => [...q]);
      if (aliases.length) this.nameAliases.set(p.id, new Set(aliases));
      const masks = new Map<string, number>();
      questionStems.forEach((q, i) => q.forEach((s) => masks.set(s, (masks.get(s) ?? 0) | (1 << i))));
      this.features.set(p.id, { all, titleish, titleSequence, sequence, body, pairs, dedupeKey, answers, gives, questions: { masks, weights: [] }, answerable, heads: [p.title, p.headings.at(-1) ?? ''] });
      pendingQuestionWeights.push([p.id, questionStems]);
      for (const s of all) this.docFreq.set(s, (this.docFreq.get(s) ?? 0) + 1);
      for (const pair of pairs) this.allPairs.add(pair);
    }
    // The typo tables are a sixth of start-up and only a misspelt word needs them: made once the
    // engine is up, or by the first question that needs them if it comes sooner.
    setImmediate(() => this.typoTables()).unref();
    // A name used across the knowledge ("self-directed support") names a topic, not this service.
    const runCount = (run: string[]): number => {
      let n = 0;
      // (A passage without every word of the run cannot hold it: a set lookup spares most scans.)
      for (const f of this.features.values()) if (run.every((w) => f.all.has(w)) && containsRun(f.sequence, run) && ++n > 3) break;
      return n;
    };
    for (const p of knowledge.passages) {
      if (p.kind !== 'service') continue;
      const aliases = serviceAliases(p, knowledge.services);
      const names = aliases
        .map((n) => ({ ...n, run: n.run.map(stem) }))
        // (A proper name of three words or more with a word few passages use, "Lothian Centre for
        // Inclusive Living", names its service however often the knowledge mentions it; "Adult Social
        // Work", all everyday words, does not.)
        .filter((n) => n.acronym || (n.proper && n.run.length >= 3 && n.run.some((w) => (this.docFreq.get(w) ?? 0) <= PROPER_NAME_RARE)) || runCount(n.run) <= 3)
        .map((n) => n.run);
      if (names.length) this.serviceNames.push({ id: p.id, names });
      // An acronym names its service ("VOCAL's number", "is LCiL any use"), as a one-word name does;
      // one the knowledge uses for much else ("NHS", "SDS") does not. Written in lower case it may be a
      // word ("very vocal about it", "outcome map"): then only as a name is used — "vocals number",
      // "ring lcil", "mhars phone".
      // (Two capitals at least: "(council)" is no acronym.)
      for (const written of aliases.flatMap((a) => (a.written && /^[A-Za-z]+$/.test(a.written) && /[A-Z].*[A-Z]/.test(a.written) ? [a.written] : []))) {
        const key = stem(written.toLowerCase());
        if (!p.serviceId || (this.docFreq.get(key) ?? 0) > ACRONYM_MAX_PASSAGES) continue;
        const lower = written.toLowerCase();
        // (Written as the organisation writes it, or in capitals, it is the name in any context.)
        const asWritten = new RegExp(`\\b(?:${written}|${written.toUpperCase()})\\b`);
        const inContext = new RegExp(`\\b(?:ring|call|phone|contact|email|text|refer (?:\\w+ )?to|try|at|from|with|for|about|of) ${lower}\\b|\\b${lower}(?:['’]?s)?\\s+(?:number|phone|no|tel|address|email|website|site|hours|referral|office|line|details|contact|team|service|centre)\\b|\\b${lower}['’]s\\b`, 'i');
        const asName = { test: (text: string): boolean => asWritten.test(text) || inContext.test(text) };
        // The acronym of an organisation names its other services too ("VOCAL's number" after Wee Breaks).
        const sameOrganisation = knowledge.services.filter((o) => o.id === p.serviceId || organisationShortName(o.organization) === written);
        this.acronyms.set(key, [...(this.acronyms.get(key) ?? []), ...sameOrganisation.map((o) => ({ serviceId: o.id, asName }))]);
      }
    }
    // Words that name a service: the first word of its name or an acronym in it ("Samaritans",
    // "Highbank", "MHARS"), in no other service's name and few passages, and not a place. A later
    // word of a name ("Freephone", "Dementia") is an everyday word.
    const places = new Set(COMMUNITIES.flatMap((c) => tokenize(c)).map(stem));
    const nameOwners = new Map<string, Set<string>>();
    for (const service of knowledge.services) {
      const leading = [service.name.split(/\s/)[0], ...[...service.name.matchAll(/\b[A-Z][A-Za-z@]*[A-Z]\b/g)].map((m) => m[0])].join(' ');
      for (const word of contentTokens(leading)) {
        const s = stem(word);
        if (word.length < 4 || places.has(s)) continue;
        nameOwners.set(s, (nameOwners.get(s) ?? new Set()).add(service.id));
      }
    }
    for (const [s, owners] of nameOwners) if (owners.size === 1 && (this.docFreq.get(s) ?? 0) <= NAME_WORD_MAX_PASSAGES) this.nameWords.set(s, [...owners]);
    // Question weights need every passage's words counted first.
    for (const [id, stems] of pendingQuestionWeights) {
      const f = this.features.get(id);
      if (f) f.questions.weights = stems.map((q) => [...q].reduce((sum, s) => sum + this.idf(s), 0));
    }
  }

  get passageCount(): number {
    return this.knowledge.passages.length;
  }

  passage(id: string): Passage | undefined {
    return this.byId.get(id);
  }

  /** A document's opening passage (an SDS article's summary and introduction). */
  firstPassageOf(docId: string): Passage | undefined {
    return this.byDoc.get(docId)?.[0];
  }

  /** The kind of answer a question asks for ("how many" a figure, "when" a date), if it names one. */
  answerTypeWanted(text: string): AnswerType | undefined {
    return answerTypeFor(analyseQuery(text, this.synonyms).tokens);
  }

  /** Whether a passage holds that kind of answer (a figure, a date, a phone number). */
  holdsAnswer(passageId: string, type: AnswerType): boolean {
    return this.features.get(passageId)?.answers[type] ?? false;
  }

  /** Services a message names by a word of their name that few passages use
   * ("Samaritans", "Highbank", "MHARS") that no other service's name has; places and everyday words do not count.
   * `byAcronymToo`: an organisation's acronym names its services ("VOCAL's number"); whether an answer
   * names a service shown is read without them. */
  servicesNamedIn(text: string, byAcronymToo = true): ServiceRecord[] {
    const sequence = tokenize(text).map(stem);
    const byAcronym = (s: string): string[] => (byAcronymToo ? (this.acronyms.get(s) ?? []) : []).filter((a) => a.asName.test(text)).map((a) => a.serviceId);
    const named = new Set(sequence.flatMap((s) => [...(this.nameWords.get(s) ?? []), ...byAcronym(s)]));
    // Or by its name as words in a row, a closing "service", "team" or "centre" left out ("emergency
    // social work number" names the Emergency Social Work Service).
    for (const { id, names } of this.serviceNames) {
      const serviceId = this.byId.get(id)?.serviceId;
      if (serviceId && names.some((run) => run.length >= 2 && containsRun(sequence, withoutGenericTail(run)))) named.add(serviceId);
    }
    return [...named].map((id) => this.servicesById.get(id)).filter((s): s is ServiceRecord => s !== undefined);
  }

  /** The window of `text` that answers `question`, its words in bold, as a result's snippet is made
   * (for text shown in place of the indexed passage, such as a record with curators' notes taken out). */
  snippetIn(text: string, question: string): string {
    const analysed = analyseQuery(question, this.synonyms);
    const wantedType = answerTypeFor(analysed.tokens);
    const concepts = analysed.concepts.map((c) => new Set([...c.tokens, ...c.alternatives.flat()].map(stem)));
    return snippetFor(text, new Set(queryStems(analysed)), snippetWants(wantedType, analysed.tokens)(text), concepts, asksWhatItIs(question));
  }

  /** The one-word other names the synonym table gives for phrases in a text ("pay it back": repay,
   * repaid). Longer names would add their everyday words ("pay", "the") one by one. */
  otherNamesIn(text: string): string[] {
    return this.synonyms
      .match(tokenize(text))
      .flatMap((span) => span.alternatives.filter((a) => a.length === 1).map((a) => a[0]))
      .filter((w) => !isStopWord(w));
  }

  /** How many passages hold a word (by its stem). */
  passagesWithWord(word: string): number {
    return this.docFreq.get(stem(word.toLowerCase())) ?? 0;
  }

  /** A document's passages, in order. */
  passagesOf(docId: string): readonly Passage[] {
    return this.byDoc.get(docId) ?? [];
  }

  /** How many passages a document has. */
  passagesIn(docId: string): number {
    return this.byDoc.get(docId)?.length ?? 0;
  }

  service(id: string): ServiceRecord | undefined {
    return this.servicesById.get(id);
  }

  get services(): readonly ServiceRecord[] {
    return this.knowledge.services;
  }

  get plan(): PlanStructure {
    return this.knowledge.plan;
  }

  get emergencyRoutes(): EmergencyRoutes {
    return this.knowledge.emergencyRoutes;
  }

  get risk(): BuiltRisk {
    return this.knowledge.risk;
  }

  get signposting(): SignpostingOptions {
    return this.knowledge.signposting;
  }

  search(text: string, options: SearchOptions = {}): SearchResponse {
    const limit = options.limit ?? 10;
    const query = typeof text === 'string' ? text : '';
    // Why staff ask ("… im putting a slide together") is not what they ask: it is not searched for.
    const analysed = analyseQuery(withoutPurpose(query), this.synonyms);
    const stems = queryStems(analysed);
    const offTopic = this.offTopicIn(query, analysed.tokens);
    if (analysed.concepts.length === 0) return { query, results: [], stems: [], confident: false, ...(offTopic ? { outOfScope: offTopic.entry } : {}) };

    const { kinds, within } = options;
    const accept =
      kinds || within
        ? (ref: string) => {
            const p = this.byId.get(ref);
            return p !== undefined && (!kinds || kinds.includes(p.kind)) && (!within || within(p));
          }
        : undefined;
    const candidates = this.scorer.top((q) => addClauses(q, analysed.concepts, this.vocabulary), CANDIDATES, accept);
    // A question with at least as many common words as rare ones ("care home fees for a couple") is
    // searched above by its rarer words; the passages best for all its words join the running too, so
    // none is lost for want of a rare word. (Their lunr score, from another query, is not compared: it
    // counts as none.)
    const tokens = analysed.concepts.flatMap((c) => c.tokens);
    const common = tokens.filter((t) => this.vocabulary.common(t)).length;
    const inRunning = new Set(candidates.map((c) => c.ref));
    if (common > 0 && common < tokens.length && common >= tokens.length - common) {
      for (const c of this.scorer.top((q) => addClauses(q, analysed.concepts, this.vocabulary, true), MOSTLY_COMMON_CANDIDATES, accept)) {
        if (!inRunning.has(c.ref)) candidates.push({ ...c, score: 0 });
        inRunning.add(c.ref);
      }
    }
    // A service the question names by its name is always in the running: its name's words may all be
    // too common to search by ("care information scotland number" searches "number" alone).
    const named = this.servicesNamedBy(analysed.tokens.map(stem));
    for (const [id, names] of named) {
      if (!inRunning.has(id) && (!accept || accept(id))) candidates.push({ ref: id, score: 0, matchedTerms: names.flat() });
    }
    const scored = this.rerank(analysed, candidates, new Set(named.keys()), options.explain);
    const stemSet = new Set(stems);
    // Each of the question's ideas, with its other wordings: a snippet counts ideas, not synonyms.
    const conceptSets = analysed.concepts.map((c) => new Set([...c.tokens, ...c.alternatives.flat()].map(stem)));
    const wantedType = answerTypeFor(analysed.tokens);
    // "when will it be done?", "when is it due?": the date set as a deadline ("by autumn 2025"), not the
    // year something was found ("in 2024/25 we reviewed …"), is what the snippet should show.
    const wantedIn = snippetWants(wantedType, analysed.tokens);
    const collapsed = collapseNearDuplicates(scored, (p) => this.features.get(p.id)?.dedupeKey ?? p.id);
    // The part that asks, read once: it orders a story's best few (a sentence, not a clause of one)
    // and is judged for confidence below.
    const asked = askedParts(query).map((part) => analyseQuery(part, this.synonyms));
    if (asked[0] && askedPart(query)) this.askedFirst(asked[0], collapsed);
    const defines = asksWhatItIs(query);
    const beside = options.beside ? new Set(queryStems(analyseQuery(options.beside, this.synonyms)).filter((s) => !stemSet.has(s))) : undefined;
    const results = collapsed
      .slice(0, limit)
      .map((r) => withLazySnippet(r, stemSet, wantedIn(r.passage.text), conceptSets, defines, beside));
    const signals = this.confidenceSignals(analysed, results[0]);
    // A story before the question ("Mr D, 82, lives alone in Gorebridge … can his daughter be paid?")
    // has many words no one passage holds: the question itself is judged on its own too.
    // "… she'd rather be paid than have agency staff in. Is that even possible?" asks about the
    // sentence before it, so that pair is judged too.
    const askedSure = asked.some((part) => isConfident(this.confidenceSignals(part, results[0])));
    // A year is held beside the question's own words: a word in more than a tenth of the passages
    // ("midlothian", "plan") sits beside every year and says nothing of which one is asked.
    const telling = (t: string): boolean => !isStopWord(t) && !/\d/.test(t) && (this.docFreq.get(stem(t)) ?? 0) <= this.passageCount / 10;
    const nearScope = nearScopeOf(analysed, results.slice(0, 3).map((r) => r.passage), (t) => this.docFreq.has(stem(t)), telling, (t) => this.correctedStem(t));
    const figureMissing = results.length > 0 ? this.missingFigure(analysed, results[0].passage) : undefined;
    // "phone number for Newbyres care village": a number asked for, and the best passage holds none.
    const phoneMissing = results.length > 0 && PHONE_ASKED.test(` ${analysed.tokens.join(' ')} `) && !this.holdsAnswer(results[0].passage.id, 'phone');
    // "email for the direct payments team": an email address asked for, and the best passage gives none.
    const emailMissing = results.length > 0 && EMAIL_ASKED.test(` ${analysed.tokens.join(' ')} `) && this.features.get(results[0].passage.id)?.gives.email === false;
    const detailMissing = results.length > 0 ? this.detailNotHeld(analysed) : undefined;
    const numberMissing = this.numberNotHeld(analysed.text);
    // "set up online repeat prescriptions for her, made me wonder - what % have internet at home": an
    // out-of-scope topic told only in the story does not outweigh a question answered on its own.
    const outOfScope = offTopic && !(offTopic.inStoryOnly && askedSure) ? offTopic.entry : undefined;
    return {
      query,
      results,
      stems,
      confident: !outOfScope && !nearScope && !figureMissing && !phoneMissing && !emailMissing && !detailMissing && !numberMissing && (isConfident(signals) || askedSure),
      signals,
      ...(outOfScope ? { outOfScope } : {}),
      ...(nearScope ? { nearScope } : {}),
      ...(figureMissing ? { figureMissing } : {}),
      ...(detailMissing ? { detailMissing } : {}),
      ...(numberMissing ? { numberMissing } : {}),
    };
  }

  /**
   * A story before the question ("lives on her own, fallen twice … can she get a pendant alarm?"): the
   * story's words may carry a passage to the top that does not answer the question sentence. When
   * one of the next few answers that sentence on its own, clearly better, it goes first. Only the
   * order of the best few changes: the story still chooses which passages are in the running.
   */
  private askedFirst(analysed: AnalysedQuery, ranked: Array<Pick<SearchResult, 'passage'>>): void {
    // "What does the framework say about planning for that?": a question pointing back into the story
    // is asked by the whole message.
    if (ranked.length < 2 || POINTS_INTO_STORY.test(analysed.text)) return;
    const topCovers = this.confidenceSignals(analysed, ranked[0]).knownCoverage;
    let best: { at: number; covers: number } | undefined;
    for (let at = 1; at < Math.min(ranked.length, ASKED_FIRST.among); at++) {
      const signals = this.confidenceSignals(analysed, ranked[at]);
      if (isConfident(signals) && signals.knownCoverage > topCovers + ASKED_FIRST.margin && signals.knownCoverage > (best?.covers ?? 0)) best = { at, covers: signals.knownCoverage };
    }
    if (best) ranked.unshift(...ranked.splice(best.at, 1));
  }

  private idf(s: string): number {
    const df = this.docFreq.get(s) ?? 0;
    return Math.log(1 + this.knowledge.passages.length / (1 + df));
  }

  /** The services whose names stand word for word in a question, by passage id, with those names. */
  private servicesNamedBy(stemSeq: string[]): Map<string, string[][]> {
    return new Map(this.serviceNames.filter((s) => s.names.some((n) => containsRun(stemSeq, n))).map((s) => [s.id, s.names]));
  }

  private rerank(analysed: AnalysedQuery, candidates: ScoredRef[], namedServices: ReadonlySet<string>, explain = false): Array<Omit<SearchResult, 'snippet'>> {
    if (candidates.length === 0) return [];
    const top = candidates[0].score || 1;
    const kindPrior = kindPriorFor(analysed.tokens);
    const sourceNamed = sourceNamedIn(analysed.tokens);
    const wants = answerTypeFor(analysed.tokens);
    const conceptStems = analysed.concepts.map((c) => {
      const own = c.tokens.map(stem);
      return { own, alternatives: [...c.alternatives.map((a) => a.map(stem)), ...this.swappedForms(c.tokens)], fuzzy: own.some((t) => !this.docFreq.has(t)) };
    });
    const weights = conceptStems.map((c) => Math.max(...c.own.map((s) => this.idf(s)), 0.5) * (c.own.every((s) => PERSON_STEMS.has(s)) ? PERSON_WEIGHT : 1));
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const queryStemSeq = analysed.tokens.map(stem);
    const queryPairCount = Math.max(queryStemSeq.length - 1, 0);
    const queryPairs = queryStemSeq
      .slice(1)
      .map((t, i) => `${queryStemSeq[i]} ${t}`)
      .filter((pair) => this.allPairs.has(pair));
    const contentSeq = conceptStems.flatMap((c) => c.own);
    // A person's age ("12 yr old", "aged 80") is about the person, not a figure to find.
    const ages = new Set(analysed.tokens.filter((t, i) => /^\d+$/.test(t) && (AGE_AFTER.test(analysed.tokens[i + 1] ?? '') || analysed.tokens[i - 1] === 'aged')));
    const numbers = contentSeq.filter((t) => /^\d/.test(t) && !ages.has(t));
    // "east lothian's plan mentions an SDS Act 2023, is that real?" names East Lothian as where it was
    // read; what is asked is whether the thing is real, which is no preference for East Lothian's passages.
    const asksEastLothian = /\beast\s+lothian\b/i.test(analysed.text) && !asksIfReal(analysed.text);
    const questionStems = [...new Set(conceptStems.flatMap((c) => [...c.own, ...c.alternatives.flat()]))];
    const stemAt = new Map(questionStems.map((s, i) => [s, i]));
    const questionQuery: QuestionQuery = {
      stems: questionStems,
      stemWeights: questionStems.map((s) => this.idf(s)),
      concepts: conceptStems.map((c, i) => ({ weight: weights[i], forms: [c.own, ...c.alternatives].map((form) => form.map((s) => stemAt.get(s) as number)) })),
      total: totalWeight,
    };
    const wantedPlace = communitiesIn(analysed.text)[0];
    // "standard 1 of the framework", "option 3": the section headed with that standard or option.
    const namedNumbers = [...analysed.text.matchAll(/\b(standard|option)\s*(?:no\.?\s*)?(\d{1,2})\b/gi)].map((m) => new RegExp(`^${m[1]} ${m[2]}\\b`, 'i'));
    // "aim 2", "outcome 3.2" (or "aim 3.2"): the plan's passages under that aim or outcome.
    const namedOutcomes = new Set([...analysed.text.matchAll(/\b(?:aim|outcome|priority)\s*(\d\.\d{1,2})\b/gi)].map((m) => m[1]));
    const namedAims = new Set([...analysed.text.matchAll(AIM_NUMBER)].map((m) => Number(m[1])));
    // "carers act in force date", "sds act royal assent": the passages headed with that Act.
    const namedActs = NAMED_ACTS.filter((a) => a.asked.test(analysed.text));

    return candidates
      .map((candidate) => {
        const passage = this.byId.get(candidate.ref);
        const f = this.features.get(candidate.ref);
        if (!passage || !f) return undefined;
        let covered = 0;
        let titleCovered = 0;
        let bodyCovered = 0;
        const matched = candidate.matchedTerms;
        conceptStems.forEach((c, i) => {
          const inAll = conceptMatch(c, f.all, matched);
          // The title's and the body's words are among all the passage's words: none there, none in them.
          if (inAll === 0) return;
          covered += weights[i] * inAll;
          if (conceptMatch(c, f.titleish, []) === 1) titleCovered += weights[i];
          bodyCovered += weights[i] * conceptMatch(c, f.body, matched);
        });
        const features: RankingFeatures = {
          lunr: candidate.score / top,
          coverage: totalWeight ? covered / totalWeight : 0,
          titleCoverage: totalWeight ? titleCovered / totalWeight : 0,
          phrase: phraseScore(queryPairs, queryPairCount, f.pairs),
          titlePhrase: contentSeq.length >= 2 && containsRun(f.titleSequence, contentSeq) ? 1 : 0,
          kind: kindPrior[passage.kind] ?? 0,
          source: sourceNamed === passage.kind ? 1 : 0,
          answerType: wants && f.answers[wants] ? 1 : 0,
          bodyCoverage: totalWeight ? bodyCovered / totalWeight : 0,
          numbers: numbers.length ? numbers.filter((n) => f.all.has(n)).length / numbers.length : 0,
          place: wantedPlace ? placeFit(passage.locality, wantedPlace) : 0,
          question: this.questionMatch(questionQuery, f.questions),
          otherArea: passage.docId.startsWith('east-lothian') ? (asksEastLothian ? 1 : -1) : 0,
          named:
            namedServices.has(passage.id) ||
            (namedNumbers.length > 0 && namedNumbers.some((n) => f.heads.some((h) => n.test(h)))) ||
            ((passage.outcome !== undefined && namedOutcomes.has(passage.outcome)) || (namedOutcomes.size === 0 && passage.aim !== undefined && namedAims.has(passage.aim))) ||
            (namedActs.length > 0 && namedActs.some((a) => f.heads.some((h) => a.headed.test(h))))
              ? 1
              : 0,
        };
        return { passage, score: combine(features), coverage: features.coverage, ...(explain ? { features } : {}) };
      })
      .filter((r): r is Omit<SearchResult, 'snippet'> => r !== undefined)
      .sort((a, b) => b.score - a.score);
  }

  /** The best F1 between the question's concepts and one of the passage's questions. `query`
   * holds, per concept, its rarity weight and the stems that match it; `stems` each query stem's weight. */
  private questionMatch(query: QuestionQuery, questions: PassageFeatures['questions']): number {
    const { masks, weights: own } = questions;
    if (own.length === 0 || query.total === 0) return 0;
    const stemMasks = query.stems.map((s) => masks.get(s) ?? 0);
    if (!stemMasks.some((m) => m !== 0)) return 0;
    const recalled = new Array<number>(own.length).fill(0);
    const shared = new Array<number>(own.length).fill(0);
    let any = 0;
    for (const concept of query.concepts) {
      let mask = 0;
      for (const words of concept.forms) {
        if (words.length === 0) continue;
        let m = -1;
        for (const w of words) m &= stemMasks[w];
        mask |= m;
      }
      any |= mask;
      for (let q = 0; mask; q++, mask >>>= 1) if (mask & 1) recalled[q] += concept.weight;
    }
    if (!any) return 0;
    stemMasks.forEach((initial, i) => {
      let mask = initial;
      for (let q = 0; mask; q++, mask >>>= 1) if (mask & 1) shared[q] += query.stemWeights[i];
    });
    let best = 0;
    for (let q = 0; q < own.length; q++) {
      if (!recalled[q] || !own[q]) continue;
      const recall = recalled[q] / query.total;
      const precision = shared[q] / own[q];
      best = Math.max(best, (2 * precision * recall) / (precision + recall));
    }
    return best;
  }

  /** What the index knows of a word: whether it is there as it is, and whether it is too common to
   * help find candidates (in more than COMMON_SHARE of passages; the re-ranker still weighs it). */
  private readonly vocabulary = {
    known: (token: string): boolean => this.docFreq.has(stem(token)),
    correct: (token: string): string | undefined => this.correctedStem(token),
    common: (token: string): boolean => (this.docFreq.get(stem(token)) ?? 0) > COMMON_SHARE * this.knowledge.passages.length,
  };

  private readonly knownCache = new Map<string, boolean>();

  /** A word the knowledge uses, or a near spelling of one (a typo of a known word counts). */
  private isKnownWord(word: string): boolean {
    if (this.docFreq.has(word)) return true;
    let known = this.knownCache.get(word);
    if (known === undefined) {
      known = this.nearKnownWord(word);
      if (this.knownCache.size < 20_000) this.knownCache.set(word, known);
    }
    return known;
  }

  private nearKnownWord(word: string): boolean {
    const distance = /^\d/.test(word) ? 0 : fuzzyDistance(word);
    if (distance === 0) return false;
    if (transpositions(word).some((w) => this.docFreq.has(stem(w)))) return true;
    if (this.correctedStem(word) !== undefined) return true;
    // lunr's typings omit these two public members of its token-set API.
    const internals = lunr as unknown as LunrTokenSetApi;
    const vocabulary = (this.knowledge.index as unknown as { tokenSet: unknown }).tokenSet;
    return internals.TokenSet.fromFuzzyString(word, distance).intersect(vocabulary).toArray().length > 0;
  }

  /** A mistyped word ("chnage", "reveiw", "helpine", "comunity") as the word meant, when the
   * knowledge uses that word: coverage then counts it as the word, not as a miss. */
  private swappedForms(tokens: string[]): string[][] {
    if (tokens.every((t) => this.docFreq.has(stem(t)))) return [];
    const form = tokens.map((t) => (this.docFreq.has(stem(t)) ? stem(t) : this.correctedStem(t)));
    return form.every((s): s is string => s !== undefined) ? [form] : [];
  }

  private typoTables(): TypoTables {
    if (this.typos) return this.typos;
    const typos: TypoTables = { oneLetterOff: new Map(), rawOneLetterOff: new Map(), rawStems: new Map() };
    const rawWords = new Set<string>();
    for (const p of this.knowledge.passages) for (const w of tokenize(`${p.title} ${p.text}`)) if (w.length >= 6 && !/\d/.test(w)) rawWords.add(w);
    for (const raw of rawWords) {
      const st = stem(raw);
      typos.rawStems.set(raw, st);
      for (const d of deletions(raw)) if (!typos.rawOneLetterOff.has(d)) typos.rawOneLetterOff.set(d, st);
    }
    for (const [word, df] of this.docFreq) {
      if (word.length < 4 || /\d/.test(word)) continue;
      for (const d of deletions(word)) {
        const other = typos.oneLetterOff.get(d);
        if (!other || (this.docFreq.get(other) ?? 0) < df) typos.oneLetterOff.set(d, word);
      }
    }
    return (this.typos = typos);
  }

  /** The known stem a word not in the knowledge was most likely meant to be: two letters swapped,
   * or one letter missing or extra (six letters or more), or one wrong (eight or more), as typed
   * or as stemmed. Shorter words are too often one letter from another word ("trams", "teams"). */
  private correctedStem(token: string): string | undefined {
    if (token.length < 5 || token.length > 20 || /\d/.test(token)) return undefined;
    const cached = this.correctionCache.get(token);
    if (cached !== undefined) return cached ?? undefined;
    let found = transpositions(token).map(stem).find((s) => this.docFreq.has(s));
    // (A stem of four letters is too short to correct: "elegibility" stems to "eleg", one letter from "deleg".)
    const forms = found || token.length < 6 ? [] : [token, stem(token)].filter((f) => f.length >= 5);
    // One letter off, as typed or as stemmed, before two: "fraility" is "frailty", not "facility".
    for (const w of forms) {
      const { oneLetterOff, rawOneLetterOff, rawStems } = this.typoTables();
      found = oneLetterOff.get(w) ?? rawOneLetterOff.get(w) ?? deletions(w).find((d) => d.length >= 5 && this.docFreq.has(d)) ?? doubledLetterDropped(w).map((d) => rawStems.get(d)).find((d) => d !== undefined);
      if (found) break;
    }
    for (const w of found ? [] : forms.filter((f) => f.length >= 8)) {
      const { oneLetterOff, rawOneLetterOff } = this.typoTables();
      for (const d of deletions(w)) if ((found = oneLetterOff.get(d) ?? rawOneLetterOff.get(d))) break;
      if (found) break;
    }
    if (this.correctionCache.size < 20_000) this.correctionCache.set(token, found ?? null);
    return found;
  }

  /** 0.6 when every word of a concept the knowledge lacks as typed is a near spelling of one of
   * `stems` (a typo of a word the passage or its questions use), as the re-ranker credits it. */
  private nearMatch(own: string[], stems: Set<string>): number {
    const unknown = own.filter((s) => !this.docFreq.has(s));
    if (unknown.length === 0 || own.some((s) => this.docFreq.has(s) && !stems.has(s))) return 0;
    for (const s of unknown) {
      const limit = fuzzyDistance(s);
      if (limit === 0) return 0;
      let found = false;
      for (const m of stems) if (Math.abs(m.length - s.length) <= limit && editDistance(s, m) <= limit) { found = true; break; }
      if (!found) return 0;
    }
    return 0.6;
  }

  /** "what is aim 4", "SDS standard 13", "option 5": a number the plan or the framework does not have.
   * (East Lothian's own numbering is another matter.) */
  private numberNotHeld(text: string): SearchResponse['numberMissing'] {
    if (/\beast\s+lothian\b/i.test(text)) {
      // Of East Lothian's plan the knowledge holds only some strategic objectives.
      for (const m of text.matchAll(/\bobjective\s*(?:no\.?\s*)?(\d{1,2})\b/gi)) {
        if (this.eastLothianObjectives.size && !this.eastLothianObjectives.has(m[1])) {
          const held = [...this.eastLothianObjectives].sort((a, b) => Number(a) - Number(b));
          return { asked: `East Lothian strategic objective ${m[1]}`, held: `Of East Lothian's strategic plan, I hold Strategic Objective ${held.join(', ')} only.`, onlySome: true };
        }
      }
      return undefined;
    }
    for (const { thing, pattern, describe } of NUMBERED) {
      const held = this.numbered.get(thing);
      if (!held?.size) continue;
      for (const m of text.matchAll(pattern)) {
        if (!held.has(m[1])) return { asked: `${thing} ${m[1]}`, held: describe([...held].sort((a, b) => Number(a) - Number(b))) };
      }
    }
    return undefined;
  }

  /** "LCiL phone number", "broomhill opening times": a detail asked of a service the question names,
   * that no named service's record holds. Answering with the record would look like an answer. */
  private detailNotHeld(analysed: AnalysedQuery): SearchResponse['detailMissing'] {
    const text = ` ${analysed.tokens.join(' ')} `;
    const asked = SERVICE_DETAILS.filter((d) => d.asks.test(text));
    if (!asked.length) return undefined;
    const sequence = analysed.tokens.map(stem);
    const named = new Set([
      ...this.serviceNames.filter((s) => s.names.some((n) => containsRun(sequence, n))).map((s) => this.byId.get(s.id)?.serviceId),
      ...this.servicesNamedIn(analysed.text).map((s) => s.id),
    ]);
    const services = [...named].map((id) => (id ? this.service(id) : undefined)).filter((s): s is ServiceRecord => s !== undefined);
    if (!services.length) return undefined;
    const missing = asked.find((d) => !services.some((s) => holdsDetail(showableService(s), d.detail)));
    return missing ? { detail: missing.name, serviceIds: services.map((s) => s.id) } : undefined;
  }

  /** A "how many" or "what percentage" question whose best passage has no count or percentage next
   * to any of the question's own words ("how many GP practices are there?" answered by a service
   * that mentions GP practices but counts none): the figure asked for is not in the knowledge.
   * Nor when the thing counted ("beds" in "how many care home beds") has no figure beside it. */
  private figureNotHeld(analysed: AnalysedQuery, best: Passage): boolean {
    const text = ` ${analysed.tokens.join(' ')} `;
    const wants = / (percent|percentage|proportion) /.test(text) ? 'percent' : / how many | number of | in years /.test(text) ? 'count' : undefined;
    const f = this.features.get(best.id);
    if (!wants || !f) return false;
    // The question's own words, less the asking words and those most passages use ("Midlothian").
    const common = this.knowledge.passages.length * 0.4;
    const words = new Set<string>();
    for (const c of analysed.concepts) {
      const own = c.tokens.filter((t) => !FIGURE_ASKING.has(t) && !/^\d/.test(t));
      if (own.length === 0) continue;
      // Its other wordings and, for a typo, the word meant: "standrads" counts as "standards".
      for (const form of [own.map(stem), ...c.alternatives.map((a) => a.map(stem)), ...this.swappedForms(own)]) {
        for (const s of form) if ((this.docFreq.get(s) ?? 0) < common) words.add(s);
      }
    }
    if (words.size === 0) return false;
    // "increased by 0.9 years", "varies by up to 10 years": a change, which answers only a question
    // about change.
    const changes = ASKS_CHANGE.test(text);
    if (this.figureNotNear(words, best, f, wants, false, changes)) return true;
    // "how many care home beds": a figure beside the question's other words ("care") is a figure of
    // something else; one must stand beside the thing counted.
    const counted = countedThing(analysed.tokens);
    if (!counted) return false;
    // A typo ("referals") is read as the word meant; a word the knowledge lacks cannot be judged.
    const countedStem = this.docFreq.has(stem(counted)) ? stem(counted) : this.correctedStem(counted);
    if (!countedStem) return false;
    const forms = new Set<string>([countedStem]);
    for (const c of analysed.concepts) if (c.tokens.includes(counted)) for (const a of c.alternatives) if (a.length === 1) forms.add(stem(a[0]));
    if ([...forms].some((w) => (this.docFreq.get(w) ?? 0) >= common)) return false;
    // A typo may stem to another known word ("referals" to "refer"): a near spelling counts here too.
    return this.figureNotNear(forms, best, f, wants, true, changes);
  }

  /** The out-of-scope topic the message names, if any, sentence by sentence: a term never runs across a
   * sentence's end ("… its saturday night. out of hours number" is no night out). `inStoryOnly`: the
   * topic is named only outside the part that asks. */
  private offTopicIn(query: string, tokens: string[]): { entry: OutOfScopeEntry; inStoryOnly: boolean } | undefined {
    const text = query.slice(0, 2000);
    // Most questions are one sentence: their words are read once, as the search reads them.
    const sentences = text.split(SENTENCE_END).filter((s) => s.trim());
    let entry: OutOfScopeEntry | undefined;
    if (sentences.length <= 1) entry = this.outOfScope.match(tokens);
    else for (const sentence of sentences) if ((entry = this.outOfScope.match(tokenize(sentence)))) break;
    if (!entry) return undefined;
    const asked = askedPart(text, true);
    return { entry, inStoryOnly: asked !== undefined && !asked.split(SENTENCE_END).some((s) => this.outOfScope.match(tokenize(s))) };
  }

  /** The kind of figure asked for that the best passage does not give: a live figure is held nowhere;
   * "how much does a day at the centre cost" is not answered by a record that names no charge, nor
   * "how long is the waiting list" by a passage that gives no length of time. */
  private missingFigure(analysed: AnalysedQuery, best: Passage): SearchResponse['figureMissing'] {
    if (asksLiveFigure(analysed.tokens)) return 'live';
    if (this.figureNotHeld(analysed, best) || this.unitNotHeld(analysed, best)) return 'figure';
    const gives = this.features.get(best.id)?.gives;
    if (!gives) return undefined;
    if (asksAmount(analysed.tokens)) return gives.amount ? undefined : 'amount';
    return asksWait(analysed.tokens) && !gives.duration ? 'wait' : undefined;
  }

  private figureNotNear(words: Set<string>, best: Passage, f: PassageFeatures, wants: 'count' | 'percent', nearSpellings = false, changes = true): boolean {
    // A word the knowledge does not use is likely a typo: a near spelling in the passage counts.
    const unknown = [...words].filter((w) => (nearSpellings || !this.docFreq.has(w)) && w.length >= 5);
    const seq = f.sequence;
    // A figure in a passage titled with the thing asked about ("how many flats at Cowan Court?")
    // is a figure of that thing, however far down the text it stands.
    const titled = tokenize(best.title).some((t) => words.has(stem(t)));
    // The passage's own questions may ask for that figure in these words ("how many people were
    // consulted?" for "over XX people"): then the passage holds it, however its text puts it.
    if (this.figureQuestionStems(best, wants).some((q) => [...words].some((w) => q.has(w)))) return false;
    const counts = (i: number): boolean => isCount(seq, i) && (changes || !isChange(seq, i));
    if (titled && seq.some((_, i) => (wants === 'percent' ? seq[i] === 'percent' : counts(i) && seq[i + 1] !== 'percent'))) return false;
    for (let i = 0; i < seq.length; i++) {
      if (!(wants === 'percent' ? seq[i] === 'percent' : counts(i))) continue;
      for (let j = Math.max(0, i - FIGURE_WINDOW); j < Math.min(seq.length, i + FIGURE_WINDOW + 1); j++) {
        if (words.has(seq[j]) || unknown.some((u) => nearSpelling(u, seq[j]))) return false;
      }
    }
    return true;
  }

  /** A figure asked for "per" a unit ("suicide rate per 100k", "care at home hours per week") whose
   * best passage gives nothing per that unit next to the question's own words: the passage's figures
   * are of something else ("£622.90 per week" is earnings, not care hours). */
  private unitNotHeld(analysed: AnalysedQuery, best: Passage): boolean {
    const t = analysed.tokens;
    const at = t.findIndex((w, i) => w === 'per' && i + 1 < t.length && t[i + 1] !== 'cent');
    if (at < 0) return false;
    const unit = t[at + 1];
    const time = TIME_UNITS[unit.replace(/s$/, '')];
    const perNumber = /^\d[\d,.]*k?$/.test(unit);
    if (!time && !perNumber) return false;
    // The question's own words, less asking words, units, numbers and the words most passages use.
    const common = this.knowledge.passages.length * 0.4;
    const words = new Set<string>();
    for (const c of analysed.concepts) {
      for (const w of c.tokens) {
        if (FIGURE_ASKING.has(w) || w === 'per' || w === unit || /^\d/.test(w) || w === 'rate') continue;
        const st = stem(w);
        if ((this.docFreq.get(st) ?? 0) < common) words.add(st);
      }
    }
    if (words.size === 0) return false;
    const seq = tokenize(`${best.title} ${best.text}`);
    const stems = seq.map(stem);
    const isUnit = (i: number): boolean => {
      const w = seq[i];
      if (perNumber) return w === 'per' && /^\d/.test(seq[i + 1] ?? '');
      if (time?.adjective === w) return true;
      const next = (seq[i + 1] ?? '').replace(/s$/, '');
      return ['per', 'a', 'an', 'each', 'every'].includes(w) && (next === time?.unit || (time?.short ?? []).includes(next));
    };
    // A passage titled with the thing asked about ("Midcare alarm service": "£4 per week") gives its
    // figures, however far down the text they stand or however they put the unit; a rate per head of
    // population is still written "per 100,000".
    if (tokenize(best.title).some((w) => words.has(stem(w))) && seq.some((_, i) => (perNumber ? isUnit(i) : isCount(seq, i)))) return false;
    // Words beside the unit count only in its own sentence: "… needed in the home. £4 per week" is not
    // care at home per week.
    const sentenceOf = sentenceNumbers(`${best.title}. ${best.text}`, seq.length);
    for (let i = 0; i < seq.length; i++) {
      if (!isUnit(i)) continue;
      for (let j = Math.max(0, i - FIGURE_WINDOW); j < Math.min(seq.length, i + FIGURE_WINDOW + 1); j++) if (words.has(stems[j]) && sentenceOf[j] === sentenceOf[i]) return false;
    }
    return true;
  }

  /** Stems of a passage's questions that ask for a count or a percentage, worked out once. */
  private figureQuestionStems(p: Passage, wants: 'count' | 'percent'): Array<Set<string>> {
    const key = `${wants} ${p.id}`;
    let found = this.figureQuestionCache.get(key);
    if (!found) {
      found = p.questions
        .map((q) => ` ${tokenize(q).join(' ')} `)
        .filter((q) => (wants === 'percent' ? / (percent|percentage|proportion) /.test(q) : / how many | number of /.test(q)))
        .map((q) => new Set(q.trim().split(' ').map(stem)));
      this.figureQuestionCache.set(key, found);
    }
    return found;
  }

  private confidenceSignals(analysed: AnalysedQuery, best: Pick<SearchResult, 'passage'> | undefined): ConfidenceSignals {
    if (!best) return { knownShare: 0, knownCoverage: 0 };
    const f = this.features.get(best.passage.id);
    // Who the question is about ("a lonely older man", "a fella") and when ("at 3am") say nothing of
    // what is asked: a word of that kind the knowledge never uses is not held against the question.
    // Thanks or a greeting before the question ("lovely ta. samaritans number again?") is not what is asked.
    const opening = socialOpening(analysed.tokens);
    const asked = analysed.concepts.filter(
      (c) => !c.tokens.every((t) => ((PERSON_STEMS.has(stem(t)) || CLOCK_TIME.test(t)) && !this.isKnownWord(stem(t))) || opening.has(t)),
    );
    const concepts = (asked.length ? asked : analysed.concepts).map((c) => {
      const corrected = this.swappedForms(c.tokens);
      return { own: c.tokens.map(stem), alternatives: [...c.alternatives.map((a) => a.map(stem)), ...corrected], corrected: corrected.length > 0 };
    });
    // A name the best passage goes by ("mva" for Midlothian Voluntary Action) is a word it knows.
    const aliases = this.nameAliases.get(best.passage.id);
    const known = concepts.filter((c) => [c.own, ...c.alternatives].some((words) => words.every((w) => this.isKnownWord(w) || aliases?.has(w))));
    if (!f || known.length === 0) return { knownShare: 0, knownCoverage: 0 };
    // In a case story, the person's age ("Mr D, 82"), a title or initial, their condition and how they
    // are ("exhausted", "lives alone") set the scene, not what is asked: such a word counts for the
    // passage that holds it and is not held against one that does not. Who a service is for is what a
    // directory question asks, so against a service they count. (A place stays counted everywhere: a
    // follow-up naming one, "and in Penicuik?", asks about that place.)
    // Read only when a word is missing, and once.
    // A story that ends asking nothing of its own ("… lives alone, whats out there") leaves its need
    // to the story: then how the person lives is not held against a service either.
    // Against a service, only when it happened ("this month", "seen today", the "2" of "2 falls") is
    // left out: that is never who a service is for.
    const whenOnly = best.passage.kind === 'service' && !ASKS_NOTHING_OWN.test(analysed.text);
    let describing: Set<string> | undefined;
    let describedPeople: Set<string> | undefined;
    let total = 0;
    let covered = 0;
    for (const c of known) {
      const weight = Math.max(...c.own.map((w) => this.idf(w)), 0.5);
      // A typo already read as a word (an alternative above) needs no second, costlier look.
      const match = conceptMatch(c, f.answerable, []) || (c.corrected ? 0 : this.nearMatch(c.own, f.answerable));
      if (match === 0) {
        // "an isolated older woman": one person described, as a case is told, is who is asked about,
        // for a service too, not a service for women or men ("a group for a woman with autism" still
        // asks for women's groups).
        // (Guidance or the plan is asked of the person's case, so what describes them, "a young guy",
        // says nothing of what is asked either; a service may be for young or older people.)
        describedPeople ??= describedPersonStems(analysed.tokens, best.passage.kind !== 'service');
        const person = describedPeople;
        if (c.own.every((w) => person.has(w))) continue;
        describing ??= describingStems(analysed, whenOnly);
        const scene = describing;
        if (scene.size > 0 && c.own.every((w) => scene.has(w))) continue;
      }
      total += weight;
      covered += weight * match;
    }
    return { knownShare: known.length / concepts.length, knownCoverage: total > 0 ? covered / total : 0 };
  }
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr']);
const ONE_PERSON = new Set(['man', 'woman', 'lady', 'gentleman', 'gent', 'fella', 'guy', 'chap', 'bloke']);
/** Words that describe the one person of a case before "man" or "woman" ("older woman", "frail man"). */
const DESCRIBED_BY = new Set(['older', 'elderly', 'old', 'young', 'younger', 'isolated', 'lonely', 'frail', 'vulnerable', 'disabled', 'retired', 'widowed', 'single', 'local']);

/** "man" or "woman" told of one described person: "isolated older woman in mayfield"; with
 * `describers`, the words describing them too ("older", "isolated"). */
function describedPersonStems(tokens: string[], describers = false): Set<string> {
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    if (!ONE_PERSON.has(t)) return;
    let at = i - 1;
    if (!DESCRIBED_BY.has(tokens[at] ?? '') && !/^\d{2,3}$/.test(tokens[at] ?? '')) return;
    out.add(stem(t));
    if (describers) for (; at >= 0 && DESCRIBED_BY.has(tokens[at]); at--) out.add(stem(tokens[at]));
  });
  return out;
}
/** When staff saw the person or how long it has been: part of a story, never what is asked. */
const WHEN_STEMS = new Set(['today', 'yesterday', 'morning', 'afternoon', 'week', 'month'].map(stem));
/** Before "week" or "month", how often: "every week", "£4 a week" may be what is asked. */
const HOW_OFTEN = /^(?:every|each|per|a|weekly|monthly)$/;
const COMMUNITY_STEMS = new Set(COMMUNITIES.map((c) => stem(c.toLowerCase())));
/** How the person is or lives, and when staff saw them: the setting of a case story, not what it asks. */
const STORY_STEMS = new Set(
  ['lives', 'living', 'alone', 'exhausted', 'shattered', 'tired', 'knackered', 'furious', 'angry', 'upset', 'worried', 'stressed', 'struggling',
    'frail', 'elderly', 'visit', 'visited',
    'dementia', 'alzheimers', 'parkinsons', 'stroke', 'ms', 'autism', 'autistic', 'cerebral', 'palsy', 'complex', 'church', 'knows'].map(stem),
);

/** A message that ends asking for anything at all: "whats out there", "any ideas?", "what can we do". */
const ASKS_NOTHING_OWN = /[,.;:!?-]\s*(?:so\s+)?(?:what(?:'?s| is| do we have| have we got)? (?:out )?there|whats available|what(?:'?s| is) available|any (?:ideas|suggestions|thoughts|options)|ideas|options|suggestions|what (?:can|could|should) (?:we|i) (?:do|offer|suggest|put in(?: place)?)|any help(?: available| out there)?|where do i (?:start|begin)|what help is there|anything (?:out there|available|we can do|i can do|that (?:could|might|would) help))\s*[?.!]*\s*$/i;

/** Stems in a question that only describe the person: when it happened, an age ("in Newtongrange,
 * 74"), a title and the initial after it ("Mr D"), and the story words above; `whenOnly`, when alone. */
function describingStems(analysed: AnalysedQuery, whenOnly = false): Set<string> {
  const out = new Set<string>();
  const t = analysed.tokens;
  for (let i = 0; i < t.length; i++) {
    const s = stem(t[i]);
    if (toldWhen(t, i, s)) out.add(s);
    else if (whenOnly) continue;
    else if (STORY_STEMS.has(s) || TITLES.has(t[i])) out.add(s);
    else if (TITLES.has(t[i - 1] ?? '') && t[i].length === 1) out.add(s);
    else if (/^\d{1,3}$/.test(t[i]) && Number(t[i]) < 120 && (AGE_AFTER.test(t[i + 1] ?? '') || t[i - 1] === 'aged' || PERSON_STEMS.has(stem(t[i - 1] ?? '')) || COMMUNITY_STEMS.has(stem(t[i - 1] ?? '')) || TITLES.has(t[i - 2] ?? '') || TITLES.has(t[i - 3] ?? ''))) out.add(s);
  }
  return out;
}

/** Whether the word at `i` tells when the story happened: "this month" (not "every week"), the "2" of
 * "2 falls this month", "on a home visit" (not "do they do home visits"). */
function toldWhen(t: string[], i: number, s: string): boolean {
  if (WHEN_STEMS.has(s)) return !HOW_OFTEN.test(t[i - 1] ?? '');
  if (/^\d{1,2}$/.test(t[i])) return EVENT_COUNTED.test(t[i + 1] ?? '');
  return /^visit(?:s|ed)?$/.test(t[i]) && t.slice(Math.max(0, i - 3), i).some((w) => /^(?:on|during|after)$/.test(w));
}

/** What a story counts happening: "2 falls", "3 admissions", "4 times". */
const EVENT_COUNTED = /^(?:falls|times|admissions|episodes|visits|incidents|attempts|calls|nights|days)$/;

/** How far down a story's ranking the question sentence may reach, and by how much more of it a
 * passage must answer than the top one to go first. */
const ASKED_FIRST = { among: 3, margin: 0.1 };
const POINTS_INTO_STORY = /\b(?:it|those|these|them|they)\b|\b(?:that|this)\s*[?.!]*$|\b(?:about|for|with|on|to|in|do|does|is|was|say|says) (?:that|this)\b/i;

/** The bot answers only when the question is mostly in words the knowledge uses, and the best
 * passage has most of them. Thresholds chosen from the evaluation questions (README, "Answer quality"). */
export const CONFIDENCE = { minKnownShare: 0.51, minKnownCoverage: 0.45 };

export function isConfident(signals: ConfidenceSignals): boolean {
  return signals.knownShare >= CONFIDENCE.minKnownShare && signals.knownCoverage >= CONFIDENCE.minKnownCoverage;
}

/** Words that ask whom to turn to, not about what: "who do I go to", "who should I speak to". */
const TURN_TO = new Set(['go', 'speak', 'talk', 'contact', 'phone', 'call', 'ring', 'ask', 'turn', 'approach', 'email']);

/** Where a sentence ends, or a dash sets one part of a message off from the next. */
const SENTENCE_END = /[.?!;]+(?:\s+|$)|\n+|\s+[-–—]\s+/;

const CLAUSE_ASKS = /^(?:what|whats|what's|who|whos|who's|where|wheres|when|how|which|why|is there|are there|can|could|does|do|should|will|would|any)\b/i;

/** In a message of several sentences, the one that asks (the last with a question mark, or the last),
 * when it has words enough to judge; `byClause`, in a single sentence, its last clause that opens with
 * a question word. Otherwise undefined. */
export function askedPart(text: string, byClause = false): string | undefined {
  const sentences = text.split(/(?<=[.?!])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
  if (sentences.length < 2) {
    if (!byClause) return undefined;
    // "doing a slide for new starters tmrw, whats the ijb vision": in one sentence, the last clause
    // that opens with a question word is what is asked.
    const clauses = text.split(/[,;:]\s+|\s+[-–—]\s+/).map((s) => s.trim()).filter(Boolean);
    const last = clauses[clauses.length - 1];
    // ("trak keeps freezing, who do i contact": a clause with one word of its own says too little.)
    return clauses.length >= 2 && last && CLAUSE_ASKS.test(last) && contentTokens(last).length >= 2 ? last : undefined;
  }
  const at = sentences.map((s) => s.endsWith('?')).lastIndexOf(true);
  const asked = sentences[at >= 0 ? at : sentences.length - 1];
  // "… daughter wants an alarm put in. who do i go to": a question whose only words ask for someone to
  // turn to asks about the sentence before it, and is read with it.
  const before = sentences[(at >= 0 ? at : sentences.length - 1) - 1];
  const own = contentTokens(asked);
  if (before && own.length > 0 && own.every((t) => TURN_TO.has(t))) return `${before} ${asked}`;
  // "ijb values? need them for a slide": a short sentence asked with a question mark is the question too.
  return asked.split(/\s+/).length >= (asked.endsWith('?') ? 2 : 4) ? asked : undefined;
}

/** Why staff ask, told beside the question ("ijb values - need them for a slide for our team away day",
 * "whats the 4 sds principles again got training tmrw",
 * "whats vocals number so i can pass it on"): not what is asked. */
const PURPOSE = /\s*(?:[-–—,:;.]\s*)?(?:(?:i |we )?(?:need|needed|want|wanted|needing|wanting) (?:it|them|this|these|that) for|(?<!\b(?:if|when|do|does|did|can|could|will|would|should|we|i|you|they|to)\s)(?:i(?:ve| have)? |we(?:ve| have)? )?(?:got|have) (?:a |an |my |our )?(?:training|meeting|panel|audit|supervision|inspection|presentation|interview|induction|board|review meeting) (?:tmrw|tomorrow|today|tonight|later|next week|this week|this (?:afternoon|morning|evening)|after lunch|on (?:mon|tues|wednes|thurs|fri)day)|(?<!\b(?:when|while|whilst|before|after|during|for|on|if|about|of|from|start|started|starting|finish|finished)\s)\b(?:(?:i'?m|i am|we'?re) )?(?:doing|off to|heading (?:out )?(?:to|on)|going (?:out )?(?:to|on)|about to (?:do|go (?:on|to)))\s+(?:a |an |my |the )?(?:home )?(?:visit|assessment|review|meeting|panel|appointment) (?:in \d+ ?(?:mins?|minutes|hrs?|hours)|now|shortly|soon|today|tonight|tmrw|tomorrow|this (?:afternoon|morning|evening)|after lunch)|\b(?:ive|i have|weve|we have) got (?:a |an |my |our )?(?:family|home visit|visit|assessment|review|case conference|new starter|student) (?:tmrw|tomorrow|today|tonight|later|next week|this week|this (?:afternoon|morning|evening)|after lunch|on (?:mon|tues|wednes|thurs|fri)day)|for (?:a|an|the|my|our) (?:slide|slides|poster|presentation|report|meeting|board paper|team meeting|away day|induction|newsletter|bid|funding bid)|(?<!\b(?:template|form|example|sample|wording|draft)\s)\b(?:for (?:a|an|the|my|our|his|her|their)|(?:putting|writing|noting|popping|adding|jotting) (?:it|this|that|them) (?:in|into|on|down in|to) (?:a|the|my|our|his|her|their)) (?:case notes?|notes?|records?|file|write up|referral letter)(?=\s*[.!?]*\s*$)|\b(?:i(?:m| am)|we(?:re| are)) (?:putting|doing|writing|preparing|making|drafting|pulling) (?:together )?(?:a|an|the|my|our|some) (?:slide|slides|poster|presentation|report|board paper|paper|briefing|newsletter|bid|funding bid|case note|case notes|write up)|\b(?:i |we )?(?:need|have|got) to (?:put|write|get|pop|add) (?:it|them|this|these|that|those) (?:in|into|on|down in) (?:a|an|the|my|our) (?:slide|slides|report|presentation|paper|notes|case notes|write up|briefing)|so (?:that )?(?:i|we|you|he|she|they|the family|her \w+|his \w+) (?:can|could|will|may) (?:pass|give|send|share|forward|hand|note|jot|write|copy|save|put) (?:(?:it|them|this|that|these|those)(?: (?:on|down|over|to \w+))?|on))\b.*$/i;

/** The message less the purpose told after the question, when two words of its own are left ("hello
 * there im writing a report …" tells the purpose first: nothing is cut). */
/** A reason told last that only says the writer will get in touch (", want to pick this up with them",
 * "- going to ring them after lunch"): it names nothing to search for. */
const CONTACT_TOLD = /\s*(?:[-–—,:;.]\s*|\s(?:as|cos|coz|because|since)\s+)(?:(?:i|we|ill|i'll|well|we'll) )?(?:(?:want|wanted|need|needed|going|hoping|meaning|planning|have|got|about) to |gonna |wanna |will |can )?(?:pick (?:this|it|that) up|follow (?:this|it|that) up|chase|ring|phone|call|contact|email|e-mail|text|speak|talk|get in touch|touch base|link in|catch up|give (?:them|him|her) a (?:ring|call|bell|phone))(?: (?:to|with|back|up|in))?(?: (?:them|him|her|it|this|that|the team|the service|the family|asap|today|tomorrow|tmrw|later|after lunch|this (?:afternoon|morning)))*\s*[.!]*\s*$/i;

function purposeCut(text: string, wordsLeft = 2): string | undefined {
  const told = PURPOSE.test(text) ? PURPOSE : CONTACT_TOLD.test(text) ? CONTACT_TOLD : undefined;
  if (!told) return undefined;
  const left = text.replace(told, '').trim();
  return contentTokens(left).length >= wordsLeft ? left : undefined;
}

function withoutPurpose(text: string): string {
  return purposeCut(text) ?? text;
}

/** The message less the purpose told after it, when a word of its own is left ("address for them pls
 * for the referral letter" asks the address): what a follow-up is read from. */
export function withoutPurposeTold(text: string): string {
  return purposeCut(text, 1) ?? text;
}

/** The asked sentence (or, in one sentence, the asked clause) on its own and, in a longer message, with
 * the sentence before it; and the message without the purpose told beside it: what confidence is also
 * judged on. */
export function askedParts(text: string): string[] {
  const cut = purposeCut(text);
  const purpose = cut ? [cut] : [];
  const asked = askedPart(text, true);
  if (!asked) return purpose;
  const sentences = text.split(/(?<=[.?!])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
  const at = sentences.lastIndexOf(asked);
  const parts = at >= 1 && sentences.length >= 3 ? [asked, `${sentences[at - 1]} ${asked}`] : [asked];
  return [...parts, ...purpose];
}

/** Another council area the first passage does not hold, or a year (2031, 2031/32) none of the top passages
 * holds: the answer would be about Midlothian or another year, so the bot must not sound sure. */
function nearScopeOf(
  analysed: AnalysedQuery,
  top: Passage[],
  known: (token: string) => boolean,
  telling: (token: string) => boolean,
  corrected: (token: string) => string | undefined = () => undefined,
): { areas: string[]; years: string[] } | undefined {
  // "population at the 2011 census": 2011 must sit within YEAR_REACH words of "population" or
  // "census", not anywhere in a passage that happens to date something else to 2011.
  // (A passage without any of those words, or a mistyped one, leaves nothing to judge by: all of it counts.)
  // (Read only when a year is asked: most questions name none, and reading the passages costs time.)
  let near: string | undefined;
  const nearText = (): string => {
    if (near !== undefined) return near;
    // (A mistyped word, "populaton", counts as the word meant.)
    const own = new Set(analysed.tokens.flatMap((t) => (known(t) ? (telling(t) ? [stem(t)] : []) : [corrected(t)].filter((c): c is string => c !== undefined && telling(c)))));
    return (near = top
      .map((p) => {
        const whole = `${p.title} ${p.text}`;
        const mine = new Set(tokenize(whole).map(stem).filter((t) => own.has(t)));
        return mine.size ? nearWords(whole, mine) : whole;
      })
      .join(' '));
  };
  const text = top.map((p) => `${p.title} ${p.text}`).join(' ');
  // A span of years may be the document's own ("the 2025-2035 plan").
  const titles = [...new Set(top.map((p) => p.docTitle))].join(' ');
  // A question that names Midlothian too ("daughter in Fife cares for her mum in Dalkeith") is about
  // Midlothian and somewhere else, as cross-border carers and care are, not about the other area.
  // So is one asking whether something read in another area's papers is real ("east lothian's plan
  // cites an SDS Act 2023, is that real?"): the area is where it was read, not what is asked about.
  const alsoMidlothian = /\bmidlothian(?:'?s)?\b/i.test(analysed.text) || communitiesIn(analysed.text).length > 0 || asksIfReal(analysed.text);
  const named = [...new Set([...otherAreasIn(analysed.text), ...misspeltAreasIn(analysed.tokens, known)])];
  // The first answer is what staff read: a Midlothian service first with an East Lothian passage third
  // answers "east lothian young carers phone" with Midlothian's number.
  const areas = alsoMidlothian ? [] : named.filter((area) => !(top[0] && holdsArea(top[0], area, analysed)));
  const years = [...withFinancialYears(analysed.text).matchAll(/\b(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?\b/g)]
    .map((m) => m[0].replace(/\s+/g, ''))
    // A financial year ("2025/26") or a span is particular enough to be held anywhere in them.
    .filter((year) => !holdsYear(/^\d{4}$/.test(year) ? nearText() : text, year, titles));
  return areas.length || years.length ? { areas, years } : undefined;
}

/** The stretches of a text within YEAR_REACH words of one of these stems, joined. */
function nearWords(text: string, stems: Set<string>): string {
  const words = text.split(/\s+/);
  const keep = new Array<boolean>(words.length).fill(false);
  words.forEach((w, i) => {
    if (!tokenize(w).some((t) => stems.has(stem(t)))) return;
    for (let j = Math.max(0, i - YEAR_REACH); j <= Math.min(words.length - 1, i + YEAR_REACH); j++) keep[j] = true;
  });
  return words.filter((_, i) => keep[i]).join(' ');
}

const YEAR_REACH = 30;

/** Whether passages' text holds a year as asked: "2022" anywhere; a financial year ("2022/23",
 * "2022-23") as a financial year, since a census in 2022 says nothing of spending in 2022/23; a span
 * ("2025-2035") as a span. */
function holdsYear(text: string, year: string, titles: string): boolean {
  const start = year.slice(0, 4);
  const end = /[/-](\d{2,4})$/.exec(year)?.[1];
  if (!end) return text.includes(start);
  // "2025-2035" is a span of years, not a financial year: held when the passages (or their document's
  // title) give that span.
  // ("2025-35", the same span shortened, is held by "2025-2035" or "2025-35".)
  const full = end.length === 2 ? `${start.slice(0, 2)}${end}` : end;
  if (Number(full) - Number(start) > 1) return new RegExp(`${start}\\s*(?:[/–-]|to)\\s*(?:${start.slice(0, 2)})?${full.slice(-2)}\\b`).test(`${titles} ${text}`);
  const short = end.slice(-2);
  return new RegExp(`${start}\\s*[/–-]\\s*(?:${start.slice(0, 2)})?${short}\\b`).test(text);
}

/** One-word area names long enough that a word one letter from them, and not a word the knowledge
 * uses, is that name mistyped ("hadington", "glasow"). */
const LONG_AREA_NAMES = OTHER_AREAS.filter((a) => !a.includes(' ') && a.length >= 6).map((a) => ({ area: a as string, word: a.toLowerCase() }));

function misspeltAreasIn(tokens: string[], known: (token: string) => boolean): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (t.length < 6 || /\d/.test(t) || known(t)) continue;
    for (const { area, word } of LONG_AREA_NAMES) if (t !== word && withinOneEdit(t, word)) out.push(area);
  }
  return out;
}

/** Units of time a figure can be asked "per", with how a passage may write one ("an hour", "weekly"). */
const TIME_UNITS: Record<string, { unit: string; short: string[]; adjective: string }> = {
  hour: { unit: 'hour', short: ['hr'], adjective: 'hourly' },
  hr: { unit: 'hour', short: ['hr'], adjective: 'hourly' },
  day: { unit: 'day', short: [], adjective: 'daily' },
  week: { unit: 'week', short: ['wk'], adjective: 'weekly' },
  wk: { unit: 'week', short: ['wk'], adjective: 'weekly' },
  month: { unit: 'month', short: [], adjective: 'monthly' },
  year: { unit: 'year', short: ['yr'], adjective: 'yearly' },
  yr: { unit: 'year', short: ['yr'], adjective: 'yearly' },
  annum: { unit: 'year', short: ['annum'], adjective: 'annually' },
};

/** Words either side of a figure that still count as what it is a figure of. */
const FIGURE_WINDOW = 10;
const FIGURE_ASKING = new Set(['how', 'many', 'much', 'number', 'numbers', 'percent', 'percentage', 'proportion', 'what', 'is', 'are', 'there', 'of', 'the', 'in', 'years', 'yrs']);
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'hundred', 'hundreds', 'thousand', 'thousands', 'half', 'dozen']);

/** Words that end the run of words naming what is counted ("how many district nurses | does …"). */
const COUNT_RUN_ENDS = /^(are|is|was|were|be|been|being|do|does|did|have|has|had|will|would|can|could|in|on|at|of|for|to|from|with|by|per|a|an|the|there|who|that|which|we|you|they|he|she|it|our|their|this|these|those|and|or|midlothian|lothian|each|every|last|next|currently|now|right|get|got|use|used|altogether|total|overall|roughly|approx|approximately|about|over|under)$/;
/** People words too general to say what is counted ("how many people are on the waiting list"). */
const GENERIC_COUNTED = new Set(['people', 'person', 'folk', 'folks', 'individuals', 'adults', 'residents', 'times', 'ones', 'kinds', 'types', 'sorts', 'ways']);

/** The thing a "how many" or "what percentage of" question counts: the first plural of the words after it. */
export function countedThing(tokens: string[]): string | undefined {
  const text = tokens.join(' ');
  const m = / ?(?:how many|number of|percentage of|percent of|proportion of) (.*)$/.exec(text);
  if (!m) return undefined;
  const run: string[] = [];
  for (const t of m[1].split(' ')) {
    if (COUNT_RUN_ENDS.test(t) || /^\d/.test(t)) break;
    run.push(t);
  }
  // What is counted is plural ("care home beds", "registered charities operate"): the first plural
  // of the run, so a verb after it ("operate") is not taken for the thing.
  const head = run.find((t) => t.length >= 4 && /[^su]s$/.test(t));
  return head && !GENERIC_COUNTED.has(head) && !isStopWord(head) ? head : undefined;
}

/** A count in a passage's words: a number that is not a year, an age or part of a phone number, or a number word. */
function isCount(seq: string[], i: number): boolean {
  const t = seq[i];
  // A placeholder ("over XX people", "£xxm") is the plan's figure, still to be filled in.
  if (NUMBER_WORDS.has(t) || /^x{2,}m?$/.test(t)) return true;
  if (!/^\d/.test(t) || /^0\d/.test(t) || /^(19|20)\d{2}(\/\d+)?$/.test(t)) return false;
  // An age ("under 18", "aged 65") is not a count of anything.
  if (AGE_BEFORE.has(seq[i - 1] ?? '')) return false;
  // The later groups of a phone number ("0131 663 6869") are not counts either.
  for (let j = i - 1; j >= 0 && /^\d+$/.test(seq[j]); j--) if (/^0\d/.test(seq[j])) return false;
  return true;
}

const AGE_BEFORE = new Set(['under', 'age', 'aged']);

/** Asking whether something is real ("does that exist?"), or whether something read in a paper is right
 * ("… mentions an SDS Act 2023, is that right?"). */
function asksIfReal(text: string): boolean {
  return EXISTS.test(text) || (READ_IN.test(text) && IS_RIGHT.test(text));
}
const EXISTS = /\b(?:is (?:that|it|this|there) (?:really |actually )?(?:real|a real \w+|a thing)|(?:does|do) (?:that|it|this|they|one|such \w+) (?:really |actually )?exist|is that a typo|is there such (?:a|an) \w+)\b/i;
const READ_IN = /\b(?:mentions?|mentioned|cites?|cited|quotes?|quoted|refers? to|referred to)\b/i;
const IS_RIGHT = /\b(?:is (?:that|it|this) (?:really |actually )?(?:right|true|correct))\b/i;

/** Words that ask how to reach a service, not what it is. */
const CONTACT_ASKING = new Set(['phone', 'telephone', 'tel', 'number', 'numbers', 'no', 'contact', 'contacts', 'details', 'email', 'address', 'website']);

/** Words that ask how a figure changed or differs, which a change ("up by 0.9 years") answers. */
const ASKS_CHANGE = / (?:by how much|increase|increased|increasing|grow|grown|growing|growth|rise|risen|rising|more|fewer|less|fall|fallen|falling|drop|dropped|change|changed|gap|difference|differ|differs|vary|varies|compared|compare) /;

/** A figure told as a change ("increased by 0.9 years", "varies by up to 10 years"), not a level. */
function isChange(seq: string[], i: number): boolean {
  return seq[i - 1] === 'by' || (seq[i - 1] === 'to' && seq[i - 2] === 'up' && seq[i - 3] === 'by');
}

/** Words either side of an area's name that still count as what the passage says about it. */
const AREA_WINDOW = 8;
/** Words either side of an area's name within which another area's name makes it a list. */
const LIST_WINDOW = 3;
const AREA_WORDS = new Set(['midlothian', 'lothian', ...OTHER_AREAS.flatMap((a) => tokenize(a)).filter((w) => !['east', 'west', 'north', 'south', 'of', 'western', 'northern', 'scottish', 'isles', 'fort', 'william'].includes(w))]);

/** Whether a passage is about `area` for this question: its title or headings name it, or its text
 * names it next to one of the question's other words. A passing mention ("the four partnerships:
 * Midlothian, East Lothian, West Lothian and Edinburgh") does not answer "West Lothian IJB aims". */
function holdsArea(p: Passage, area: string, analysed: AnalysedQuery): boolean {
  const name = new RegExp(`\\b${area.replace(/ /g, '\\s+')}\\b`, 'i');
  // A passage of a document about the area ("East Lothian Strategic Objective 1") holds it.
  if (name.test([p.title, p.docTitle, ...p.headings].join(' '))) return true;
  if (!name.test(p.text)) return false;
  const areaWords = tokenize(area);
  // What is asked of the area ("carers", not "phone number"): "East Lothian uses this number" says
  // nothing of East Lothian's carers.
  const others = new Set(analysed.concepts.flatMap((c) => c.tokens).filter((t) => !areaWords.includes(t) && !CONTACT_ASKING.has(t)).map(stem));
  if (others.size === 0) return true;
  const words = tokenize(p.text);
  for (let i = 0; i + areaWords.length <= words.length; i++) {
    if (!areaWords.every((w, k) => words[i + k] === w)) continue;
    // One name in a list of areas ("Midlothian, East Lothian, West Lothian and Edinburgh") is a mention in passing.
    const near = [...words.slice(Math.max(0, i - LIST_WINDOW), i), ...words.slice(i + areaWords.length, i + areaWords.length + LIST_WINDOW)];
    if (near.some((w) => AREA_WORDS.has(w))) continue;
    const from = Math.max(0, i - AREA_WINDOW);
    const to = Math.min(words.length, i + areaWords.length + AREA_WINDOW);
    for (let j = from; j < to; j++) if (others.has(stem(words[j]))) return true;
  }
  return false;
}

function queryStems(analysed: AnalysedQuery): string[] {
  const out = new Set<string>();
  for (const c of analysed.concepts) {
    for (const t of c.tokens) out.add(stem(t));
    for (const a of c.alternatives) for (const t of a) out.add(stem(t));
  }
  return [...out];
}

function fuzzyDistance(term: string): number {
  if (term.length > 20) return 0; // long tokens are codes or noise; fuzzing them is costly
  if (term.length >= 9) return 2;
  if (term.length >= 5) return 1;
  return 0;
}

/** Clauses for lunr. Typo tolerance and prefix matching are only for words the knowledge does not
 * use as they are: expanding a known word costs time and only adds noise below its exact match. */
function addClauses(
  q: lunr.Query,
  concepts: Concept[],
  vocabulary: { known: (t: string) => boolean; common: (t: string) => boolean; correct: (t: string) => string | undefined },
  withCommon = false,
): void {
  // Words in a fifth or more of all passages barely narrow the search but make lunr score most of
  // the index: leave them to the re-ranker, unless the question has nothing rarer.
  const hasRare = !withCommon && concepts.some((c) => c.tokens.some((t) => !vocabulary.common(t)));
  concepts.forEach((concept, ci) => {
    const last = ci === concepts.length - 1;
    for (const token of concept.tokens) {
      if (hasRare && vocabulary.common(token)) continue;
      q.term(token, { boost: 10, fields: CODE_TOKEN.test(token) ? ALL_FIELDS : TEXT_FIELDS });
      if (vocabulary.known(token) || /^\d/.test(token)) continue;
      const distance = fuzzyDistance(token);
      if (distance > 0) q.term(token, { editDistance: distance, boost: 1 });
      // Two letters swapped ("chnage", "recieve") is the commonest typo and two edits to lunr.
      for (const swapped of transpositions(token)) if (vocabulary.known(swapped)) q.term(swapped, { boost: 2, fields: TEXT_FIELDS });
      // lunr's edit distance misses a letter dropped in mid-word ("helpine"): ask for the word meant.
      const corrected = vocabulary.correct(token);
      if (corrected) q.term(corrected, { boost: 2, fields: TEXT_FIELDS, usePipeline: false });
      // People type the last word as they think; match it as a prefix too.
      if (last && token.length >= 3) q.term(token, { wildcard: lunr.Query.wildcard.TRAILING, boost: 2, usePipeline: false });
    }
    for (const alternative of concept.alternatives) {
      for (const token of alternative) if (!(hasRare && vocabulary.common(token))) q.term(token, { boost: 5, fields: TEXT_FIELDS });
    }
  });
}

function hasAll(stems: Set<string>, words: string[]): boolean {
  for (const w of words) if (!stems.has(w)) return false;
  return true;
}

/** 1 if the passage has the concept (its words or a synonym), 0.6 if only a near spelling. */
function conceptMatch(
  concept: { own: string[]; alternatives: string[][]; fuzzy?: boolean },
  stems: Set<string>,
  matchedTerms: string[],
): number {
  if (hasAll(stems, concept.own)) return 1;
  for (const alternative of concept.alternatives) if (hasAll(stems, alternative)) return 1;
  if (concept.fuzzy === false) return 0; // a known word only ever matches exactly
  const fuzzy = concept.own.every((s) => matchedTerms.some((m) => m !== s && stems.has(m) && nearSpelling(s, m)));
  return fuzzy ? 0.6 : 0;
}

function nearSpelling(a: string, b: string): boolean {
  if (b.startsWith(a) || a.startsWith(b)) return true;
  const limit = Math.max(fuzzyDistance(a), 1);
  if (Math.abs(a.length - b.length) > limit) return false;
  return editDistance(a, b) <= limit;
}

/** Edits between two words, where two neighbouring letters swapped count as one edit. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The word with one letter of a doubled pair dropped ("elligibility" → "eligibility"): a letter typed
 * twice, which a real word one letter longer than another ("shaving", "having") is not. */
function doubledLetterDropped(word: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < word.length; i++) if (word[i] === word[i - 1]) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** The word with each one of its letters left out. */
function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) if (word[i] !== word[i - 1]) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Words too common to name one service on their own. */
const GENERIC_NAMES = new Set(['nhs', 'sds', 'midlothian', 'lothian', 'scotland', 'council', 'service', 'services', 'team', 'centre', 'support']);

/** The names a service goes by, as token runs: its name up to any bracket or dash, and acronyms
 * (one word in brackets, "LCiL", "MYCP", or an all-capitals first word, "VOCAL", "MHARS"), with an
 * acronym as written. */
interface ServiceAlias {
  run: string[];
  acronym: boolean;
  /** An acronym as the service writes it. */
  written?: string;
  /** Every word capitalised but the small ones: see isProperName. */
  proper?: boolean;
}

function serviceAliases(p: Passage, services: readonly ServiceRecord[]): ServiceAlias[] {
  const name = services.find((s) => `service:${s.id}` === p.id)?.name ?? p.title;
  const main = name.split(/\s[(–-]\s?|,/)[0];
  const out: ServiceAlias[] = [{ run: tokenize(main), acronym: false, proper: isProperName(main) }];
  for (const m of name.matchAll(/\(([^)\s]+)\)/g)) if (!/\d/.test(m[1])) out.push({ run: tokenize(m[1]), acronym: true, written: m[1] });
  const first = name.split(/\s/)[0];
  if (/^[A-Z]{3,}$/.test(first)) out.push({ run: tokenize(first), acronym: true, written: first });
  return out.filter((n) => n.run.length > 0 && !(n.run.length === 1 && GENERIC_NAMES.has(n.run[0])));
}

/** Every word capitalised but the small ones ("Lothian Centre for Inclusive Living"), unlike
 * "Self-directed support" or "Day services for older people". */
function isProperName(name: string): boolean {
  const words = name.split(/\s+/).filter((w) => !/^(?:for|of|and|the|in|on|at|to|with|&)$/.test(w));
  return words.length >= 3 && words.every((w) => /^[A-Z]/.test(w));
}

/** A proper name's rare word is in at most this many passages. */
const PROPER_NAME_RARE = 15;

/** An acronym in more passages than this is used for more than its service ("NHS", "SDS"). */
const ACRONYM_MAX_PASSAGES = 15;

/** The word with each pair of neighbouring letters swapped, for words long enough to mistype so. */
function transpositions(word: string): string[] {
  if (word.length < 4 || word.length > 20 || /\d/.test(word)) return [];
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return out;
}

/** Share of the question's `pairCount` adjacent word pairs that also stand side by side in the
 * passage; `queryPairs` are those found in some passage at all. */
function phraseScore(queryPairs: string[], pairCount: number, pairs: Set<string>): number {
  if (pairCount === 0) return 0;
  let found = 0;
  for (const pair of queryPairs) if (pairs.has(pair)) found++;
  return found / pairCount;
}

/** A name's words without a closing generic word, when at least two words are left. */
function withoutGenericTail(run: string[]): string[] {
  return run.length > 2 && GENERIC_NAME_STEMS.has(run[run.length - 1]) ? run.slice(0, -1) : run;
}

const GENERIC_NAME_STEMS = new Set([...GENERIC_NAMES].map(stem));

/** True when `run` appears as consecutive items of `sequence`. */
function containsRun(sequence: string[], run: string[]): boolean {
  outer: for (let i = 0; i + run.length <= sequence.length; i++) {
    for (let k = 0; k < run.length; k++) if (sequence[i + k] !== run[k]) continue outer;
    return true;
  }
  return false;
}

/** Acts staff name, as asked ("the carers act", "sds act") and as a heading names them. */
// (The SDS Act is not "the 'Social Care SDS (Scotland) Act 2023'", a name that page says does not exist.)
const NAMED_ACTS: Array<{ asked: RegExp; headed: RegExp }> = [
  { asked: /\b(?:sds|self[- ]directed support|2013)\s+act\b/i, headed: /\b(?:SDS|Self-directed Support)\)?(?: \(Scotland\))? Act\b(?! 2023)|\b2013 Act\b/i },
  { asked: /\bcarers?\s+(?:\(?scotland\)?\s+)?act\b|\b2016 act\b/i, headed: /\bCarers (?:\(Scotland\) )?Act\b/i },
];

/** A word in more passages than this is an everyday word, even when it is in a service's name. */
const NAME_WORD_MAX_PASSAGES = 5;

export type AnswerType = 'date' | 'figure' | 'phone';

type NumberedThing = 'aim' | 'outcome' | 'standard' | 'option';
/** "aim 2", "strategic aim no. 3", "aim 2." at a sentence's end; not "aim 3.2", an outcome. */
const AIM_NUMBER = /\b(?:strategic\s+)?aim\s*(?:no\.?\s*)?(\d{1,2})(?!\.\d|\d)/gi;
/** Things staff name by number, how a question names them, and how to say which the knowledge has. */
const NUMBERED: Array<{ thing: NumberedThing; pattern: RegExp; describe: (held: string[]) => string }> = [
  { thing: 'aim', pattern: AIM_NUMBER, describe: (h) => `The Strategic Plan 2025–2035 has ${h.length} strategic aims, numbered ${h[0]} to ${h.at(-1)}.` },
  { thing: 'outcome', pattern: /\boutcome\s*(\d\.\d{1,2})\b/gi, describe: (h) => `The Strategic Plan 2025–2035 numbers its outcomes ${h[0]} to ${h.at(-1)}.` },
  { thing: 'standard', pattern: /\bstandard\s*(?:no\.?\s*)?(\d{1,2})\b/gi, describe: (h) => `The SDS Framework of Standards has ${h.length} standards, numbered ${h[0]} to ${h.at(-1)}.` },
  { thing: 'option', pattern: /\b(?:sds\s+)?option\s*(\d{1,2})\b/gi, describe: (h) => `The SDS Act 2013 gives ${h.length} options, numbered ${h[0]} to ${h.at(-1)}.` },
];

/** Details of a service staff ask for by name, and how a question asks for each. */
/** Wording that asks for an email address; a service's record and the best passage are read for one. */
const EMAIL_ASKED = / (?:email|e mail) /;

const SERVICE_DETAILS: Array<{ detail: RecordDetail; name: string; asks: RegExp }> = [
  { detail: 'phone', name: 'phone number', asks: / (?:phone|telephone|tel|ring|call|number)(?!(?: of)? (?:people|places|staff|beds))(?<! how many (?:\w+ )?number) / },
  { detail: 'email', name: 'email address', asks: EMAIL_ASKED },
  { detail: 'hours', name: 'opening hours', asks: / (?:opening|(?<!out of |after )hours|what time (?:does|do|is|are)|(?:does|do|is|are) (?:\w+ ){1,5}open(?: (?:on|at|till|until|today|now|tomorrow))?$|when (?:is|are|does|do) (?:\w+ ){1,5}open) / },
  // "how much is a day at Cherry Road?" asks what a named service costs ("how much do carers get from it" does not).
  { detail: 'cost', name: 'cost', asks: / (?:cost|costs|charge|charges|price|prices|fee|fees|how much (?:is it|is a|are|per|for a|would it be|a day|a week|an hour)) / },
  { detail: 'address', name: 'address', asks: / (?:address|postcode) / },
];

/** Wording that asks for a phone number itself ("phone number for …", "whats their number"), not who to contact. */
const PHONE_ASKED = / (?:phone|telephone|tel|contact|helpline|freephone) (?:number|no) | number to (?:ring|call) | (?:whats|what is) (?:the|their|his|her) (?:phone )?number /;

const MONTHS = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const SEASONS = '(?:spring|summer|autumn|winter)';

/** How each kind of answer shows in a passage's text; tested once per passage at start-up. */
const ANSWER_PATTERNS: Record<AnswerType, RegExp> = {
  // ("until February or March each year", "in the spring": a time of year is a date too.)
  date: new RegExp(`\\b(19|20)\\d{2}\\b|\\b\\d{1,2}(st|nd|rd|th)? ${MONTHS}\\b|\\b(?:in|by|until|till|from|before|after|each|every|early|late|mid|the) (?:${MONTHS}|${SEASONS})\\b|\\b(?:on|every|each|first|last|second|third|fourth) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\\b`),
  figure: /\d/,
  // "0131 663 6869", and freephone numbers in twos and threes: "0800 83 85 87", "0800 12 44 222".
  phone: /\b0\d{2,4} ?\d{3} ?\d{3,4}\b|\b0\d{3}(?: \d{2,3}){2,3}\b|\b1\d{2} ?\d{3}\b|\b111\b|\b999\b/,
};

/** Things counted in "… numbers" ("workforce numbers", "carer numbers"); other numbers are to ring ("vocal numbers"). */
const COUNTED_NUMBERS = new Set(['workforce', 'staff', 'staffing', 'carer', 'carers', 'population', 'patient', 'patients', 'people', 'user', 'users', 'client', 'clients', 'referral', 'referrals', 'volunteer', 'volunteers', 'resident', 'residents', 'admission', 'admissions', 'uptake', 'recruitment', 'waiting', 'case', 'caseload', 'bed', 'beds', 'death', 'deaths']);

/** A date given as a deadline or target: "by autumn 2025", "completed by March 2026", "until 2028". */
const DEADLINE = new RegExp(`\\b(?:by|before|until|till|no later than|due (?:in|by)|target(?:ed)? (?:of|for)|(?:completed|finished|done|delivered|in place) (?:by|in)) (?:the )?(?:(?:end|start|beginning) of )?(?:\\d{1,2}(?:st|nd|rd|th)? )?(?:(?:early|late|mid)[ -])?(?:(?:19|20)\\d{2}|${MONTHS}|${SEASONS})\\b`);

/** A figure in a snippet: a count, a share or a sum; a year alone ("from 2012-2019", "in 2025/26",
 * "by 2025.") is a date, and a window holding only years does not hold the figure asked for. (In the
 * draft plan "over XX people" and "£xxm" hold the place of a figure not yet given: that is the answer.) */
const FIGURE_NOT_A_YEAR = /%|£\s?\d|£x+m\b|\bXX\b|(?<![\d/–-])(?!(?:19|20)\d\d(?!\d|[.,]\d))\d/;

/** What a snippet should hold for the kind of answer asked: for "when will it be done?", a deadline
 * where the text gives one ("by autumn 2025", not "in 2024/25 we reviewed …"), else any date. */
function snippetWants(type: AnswerType | undefined, tokens: string[]): (text: string) => RegExp | undefined {
  if (!type) return () => undefined;
  const pattern = type === 'figure' ? FIGURE_NOT_A_YEAR : ANSWER_PATTERNS[type];
  return type === 'date' && asksDeadline(tokens) ? (text) => (DEADLINE.test(text) ? DEADLINE : pattern) : () => pattern;
}

/** "when will it be done", "when is it due", "what's the target date", "by when": asks when something ends. */
export function asksDeadline(tokens: string[]): boolean {
  const text = ` ${tokens.join(' ')} `;
  return / when (?:will|should|must|is|are) (?:[a-z0-9]+ ){0,6}(?:done|finished|complete|completed|ready|due|delivered|in place|achieved) | due | deadline | target date | by when /.test(text);
}

/** What kind of answer the wording asks for. */
export function answerTypeFor(tokens: string[]): AnswerType | undefined {
  const text = ` ${tokens.join(' ')} `;
  // "the ssi number", "standard number", "which section number": a number that names a thing, not one to ring.
  const naming = / (?:ssi|si|standard|section|reference|ref|outcome|aim|option|case|chi|regulation|regulations|regs|registration|account|policy|version|page|paragraph|para|charity|company) number /.test(text);
  // "does he need a phone line in the house?": a line to have, not a number to ring.
  // ("do they have a phone line?" asks a service for its number, so only needing one counts.)
  const lineToHave = / (?:need|needs|needed|without) (?:a |an |any |the )?(?:working |active )?(?:phone|telephone) ?line /.test(text);
  if (!lineToHave && (/ (phone|call|ring|telephone|helpline|contact) /.test(text) || (/ number /.test(text) && !naming)) && !/ how many | number of /.test(text)) return 'phone';
  // "since when?" on its own asks for a date; "since when can the SPSO look at …" asks about a power.
  // "whens the accessible info work due", "and when is it due", "by when": when, however it is typed.
  // (A "when" further in is a condition: "what happens when she turns 18".)
  const asksWhen = /^ (?:when|whens) |^ (?:and|so|but|ok|okay|right) (?:when (?:is|are|was|will|does|do|did|should|would)|whens) | by when | when (?:is|are|was|will|does|do|did|should|would) (?:it|that|this|the|they|we|our|he|she) /.test(text);
  if (asksWhen || / (what|which) (year|date) | how long | until /.test(text) || (/^ since when /.test(text) && tokens.length <= 4)) return 'date';
  // "what period does the workforce plan cover", "which years does it run": the span of years.
  if (/ (?:what|which) (?:period|years|timeframe|time frame|dates|time period|timescale) /.test(text)) return 'date';
  // "deadline for the accessible info work", "target date?": a date by another name.
  if (/ (?:deadline|deadlines|due date|target date|completion date|end date) /.test(text)) return 'date';
  if (/ how many | how much | number of | percent | percentage | proportion | figure | figures | rate | stats | stat | statistics /.test(text)) return 'figure';
  // "workforce numbers", "carer numbers": how many; "their numbers", "vocal numbers" are for ringing.
  const numbered = / ([a-z]+) numbers /.exec(text)?.[1];
  if (numbered && COUNTED_NUMBERS.has(numbered)) return 'figure';
  // "has that gone up?", "has it grown?": how much a figure changed.
  if (/ (?:gone|go|goes|went) (?:up|down) | (?:has|have|did) (?:that|it|this|they) (?:grown|risen|increased|decreased|fallen|dropped) /.test(text)) return 'figure';
  return undefined;
}

const KIND_CUES: Record<PassageKind, RegExp> = {
  service: /\b(phone|number|call|contact|refer|referral|where can|service|services|near|local|helpline|centre|group|groups|support for|email|address|open|hours)\b|^ who (?:can |could |would |will |does |else )?(?:help|helps|support|supports|assist|assists|advise|advises)\b/,
  sds: /\b(option|options|direct payment|dp|pa|personal assistant|isf|sds|self.directed|budget for|employ|eligib|carer support plan|advocacy)\b/,
  plan: /\b(aim|aims|commit|committed|plan|strategy|strategic|budget|outcome|outcomes|ijb|percentage|census|population|%|per cent|priority|priorities)\b/,
};

/** The plan named as where to look: "the strategic plan", "strat plan"; or "in the plan", "what does the
 * plan say" where nothing says it is a person's own plan (an SDS support plan: "what needs to be in the
 * plan for option 1", "the plan says 10 hours"). */
const NAMES_THE_PLAN = / (?:strategic|strat|ijb|ijbs|hscp) plans? /;
const PLAN_AS_SOURCE = / in (?:the|our) plans? | (?:the|our) plans? (?:say|says|said|saying|mention|mentions|mentioning|commit|commits) /;
const A_PERSONS_PLAN = / (?:support|care|option|options|direct payment|dp|pa|pas|personal assistant|hours|budget|review|she|he|her|his|their|client) /;

/** The source the wording names as where to look ("what does the strategic plan say about sds"), if any:
 * a stronger sign than words that merely sound like one source. */
export function sourceNamedIn(tokens: string[]): PassageKind | undefined {
  const text = ` ${tokens.join(' ')} `;
  return NAMES_THE_PLAN.test(text) || (PLAN_AS_SOURCE.test(text) && !A_PERSONS_PLAN.test(text)) ? 'plan' : undefined;
}

/** A soft lean towards the kind of source the wording suggests: a weight, never a filter. */
export function kindPriorFor(tokens: string[]): Partial<Record<PassageKind, number>> {
  const text = ` ${tokens.join(' ')} `;
  const prior: Partial<Record<PassageKind, number>> = {};
  for (const kind of Object.keys(KIND_CUES) as PassageKind[]) if (KIND_CUES[kind].test(text)) prior[kind] = 1;
  return prior;
}

function collapseNearDuplicates<T extends { passage: Passage }>(results: T[], keyOf: (p: Passage) => string): T[] {
  const kept: T[] = [];
  const seen = new Set<string>();
  for (const r of results) {
    const key = keyOf(r.passage);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(r);
  }
  return kept;
}

/** For each token of `text` (as `tokenize` splits it), the number of the sentence it stands in, as the
 * snippet splits sentences ("(21+): £11.44 an hour" is one; a list item is one). */
function sentenceNumbers(text: string, tokens: number): number[] {
  const numbers = sentences(text).flatMap((sentence, n) => tokenize(sentence).map(() => n));
  // Should the parts ever tokenize differently from the whole, every token counts as one sentence.
  return numbers.length === tokens ? numbers : new Array<number>(tokens).fill(0);
}
