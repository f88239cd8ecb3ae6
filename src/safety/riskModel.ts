// Reads a message the way a duty worker would scan it for immediate risk, using the signs in
// knowledge/risk-signs.json. A sign is a few word groups that must all appear close together in any
// order ("took" + "too many" + "tablets"), so it generalises over word order and filler words;
// apostrophes are dropped and one-letter typos corrected against the signs' own words, so "hes",
// "he's" and "overdoes" read alike. Then the context decides: a negation before a bodily sign ("no
// chest pain"), a sign from the past ("stroke three years ago"), or a question about a topic with no
// one in it ("suicide prevention training") does not raise the alarm.
import { RISK_KINDS, type RiskKind, type RiskSign, type RiskSignsData, type RiskWeights } from '../knowledge/riskSigns';
import { joinSpelledOut, withinOneEdit } from '../search/text';
import { stem as stemOf } from '../search/stem';
import { weightOfWord, wordFeatures, wordKinds, wordProbability, type RiskWordWeights } from './riskWords';

export { withinOneEdit };

export interface RiskAssessment {
  /** Kinds of immediate risk to route now, most urgent first; empty when none. */
  kinds: RiskKind[];
  /** Kinds whose signs appear only in a question about a topic: offer the routes, don't lead with them. */
  topicKinds: RiskKind[];
  /** Ids of the signs that matched, for tests and curators. */
  signs: string[];
}

/** What the weighted part of the model reads: which signs, cue groups and context words are there. */
export interface RiskFeatures {
  names: string[];
  values: number[];
  /** Kinds whose signs matched, after negation and past-time are taken into account. */
  signKinds: RiskKind[];
  signs: string[];
  aboutATopic: boolean;
  hasChild: boolean;
  /** A child already born is named (not only a pregnancy). */
  childBorn: boolean;
  /** How many cue groups of harm (not of who or what the message is about) are there. */
  harmCues: number;
  /** A partner is named, or "he" acts on "her" (or the reverse) with no other relative, carer or worker named. */
  partnerLike: boolean;
  /** A condition or disability is named ("wife has dementia", "in a wheelchair"): harm by a partner may
   * then also be a matter for adult protection, which decides whether the adult is at risk. */
  careNeed: boolean;
  /** The message as the signs read it, for the word weights. */
  prepared: string;
}

interface CompiledSign {
  sign: RiskSign;
  groups: RegExp[];
  within: number;
  also?: RegExp;
  unless?: RegExp;
  not?: RegExp;
}

interface Span {
  start: number;
  end: number;
}

/** Words of five letters or more in the signs; typos of them are read as them. */
const MIN_TYPO_LENGTH = 5;
/** Another kind is routed too when the kind weights give it this much: an extra route costs
 * little, a missing one may cost a life. */
const SECOND_KIND = 0.2;
/** A kind the word weights give at least this is routed too, beside a sign's or the main weights'.
 * Leaving each tuning file out, 0.5 raised recall of the right kind on every file from the third on
 * (0.902 -> 0.919 … 0.962 -> 0.977) and the first kind shown was right as often or more; 0.7 and
 * 0.9 added less. */
const WORD_KIND_SURE = 0.5;

const FIRST_PERSON = new Set(['i', 'im', 'ive', 'id', 'me', 'my', 'myself', 'mine', 'we', 'us', 'our']);

/** Scots and text-speak staff write, read as the English words the signs use. */
const EVERYDAY_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['tae', 'to'], ['wi', 'with'], ['aw', 'all'], ['oot', 'out'], ['nae', 'no'], ['naw', 'no'],
  ['cannae', 'cant'], ['canny', 'cant'], ['dinnae', 'dont'], ['didnae', 'didnt'], ['wouldnae', 'wouldnt'],
  ['isnae', 'isnt'], ['wisnae', 'wasnt'], ['willnae', 'wont'], ['disnae', 'doesnt'], ['hasnae', 'hasnt'],
  ['gonnae', 'going to'], ['tryna', 'trying to'], ['hissel', 'himself'], ['hersel', 'herself'],
  ['r', 'are'], ['u', 'you'], ['ur', 'your'], ['b4', 'before'], ['tonite', 'tonight'], ['2nite', 'tonight'],
  ['2day', 'today'], ['2moro', 'tomorrow'], ['cos', 'because'], ['coz', 'because'], ['agen', 'again'],
  ['slef', 'self'], ['sefl', 'self'], ['slf', 'self'],
  // "blootered", "bevvied", "steamin": drunk.
  ['blootered', 'drunk'], ['bevvied', 'drunk'], ['steamin', 'drunk'], ['steaming', 'drunk'],
  // Scots words the signs spell in English ("dug" is left alone: "dug into her arm" is a sign).
  ['heid', 'head'], ['deid', 'dead'], ['hame', 'home'], ['feart', 'scared'], ['aff', 'off'],
  ['greetin', 'crying'], ['goin', 'going'], ['intae', 'into'], ['oan', 'on'],
]);

/** Scots "no" for "not", after a subject and before a verb: "wants to go to sleep and no wake up", "the wean's no
 * been fed". (Never before a need or a concern: "has no moving and handling needs", "no eating concerns".) */
const NO_AS_NOT = / (and|he|she|they|hes|shes|theyre|hell|shell|theyll|has|have|is|was|its|it|su|pt|cl|client|patient|lady|gran|granny|wean|weans|bairn|bairns|baby|babys|newborn|newborns|mum|mums|dad|dads) no (?=(?:be|been|wake|waking|woke|breathing|breathin|moving|eating|eaten|fed|feeding|responding|answering|talking|making|well|coming|getting|able|sure|sleeping|slept|drinking|seen|heard) (?!(?:\w+ )?(?:problems?|issues?|concerns?|needs|difficulties|disorder|history|and handling)\b))/g;

/** Words voice typing splits in two ("her self", "some one", "step dad", "new born"), joined as the signs spell
 * them. ("her self-harm", "my self esteem" stay apart: there "self" begins the next word.) */
const SPLIT_WORDS = / (?:(her|him|my|your|it|one) (self)(?! (?:harm\w*|injur\w*|neglect\w*|care|esteem|referr\w*|hurt\w*|mutilat\w*|directed|employed|isolat\w*|funded|managed|assess\w*)\b)|(them|our|your) (selves)|(some|any|every) (one|body|thing)|(step|grand) (dad|mum|mother|father|son|daughter|kids?|child|children|parents?|brother|sister)|(new) (borns?))(?= )/g;

/** A child's age said in words, as voice typing writes it ("daughter is twelve", "aged nine"), read as the
 * figure the signs know: only after a word that gives an age, and not before a unit ("shes two weeks
 * late", "hes only three days out of hospital" stay as typed). */
const AGE_IN_WORDS = / (is|aged|shes|hes|whos|only) (two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)(?= )(?! (?:weeks?|wks?|days?|months?|mths?|hours?|hrs?|minutes?|mins?|times?|pounds?|quid|stone|miles?|years? (?:into|in|sober|clean|since|on|post|ago|late))\b)/g;
const NUMBER_OF: Readonly<Record<string, string>> = { two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17' };

/** Cue groups that say who or what a message is about, not that anything is wrong. */
const CONTEXT_CUES = new Set(['child', 'partner', 'urgency', 'disclosure', 'topic-question']);
/** No sign word is longer; longer tokens are codes or noise, and correcting them costs time. */
const MAX_TYPO_LENGTH = 20;
/** Tokens either side of a sign searched for "unless", negation and past-time words. */
const NEAR = 4;

export class RiskModel {
  private readonly signs: CompiledSign[];
  private readonly words: Set<string>;
  private readonly stems: string[];
  private readonly byDeletion = new Map<string, string[]>();
  private readonly stemByDeletion = new Map<string, string[]>();
  private readonly notWords: Set<string>;
  /** Whether the word weights have a weight for this word's stem (a word the tuning messages use). */
  private readonly knowsWord?: (word: string) => boolean;
  private readonly notPhrases: RegExp;
  private readonly negators: RegExp;
  private readonly past: RegExp;
  private readonly history?: RegExp;
  private readonly again?: RegExp;
  private readonly present?: RegExp;
  private readonly request?: RegExp;
  private readonly joking?: RegExp;
  private readonly settled?: RegExp;
  private readonly topic: RegExp;
  private readonly generic: RegExp;
  private readonly specificPerson: RegExp;
  private readonly childWords: RegExp;
  private readonly partnerWords: RegExp;
  private readonly careNeed?: RegExp;
  private readonly otherPeople: RegExp;
  private readonly cues: Array<[string, RegExp]>;
  readonly featureNames: string[];

  /** `notTypos`: real words near a sign's word that must not be read as it ("cooking" is not "choking"). */
  constructor(
    readonly data: RiskSignsData,
    notTypos: Iterable<string> = [],
    private readonly weights?: RiskWeights,
  ) {
    const expand = (pattern: string): string => expandPattern(pattern, data.words);
    this.signs = data.signs.map((sign) => ({
      sign,
      groups: sign.all.map((g) => bounded(expand(g))),
      within: sign.within ?? 8,
      ...(sign.also ? { also: bounded(expand(sign.also)) } : {}),
      ...(sign.unless ? { unless: bounded(expand(sign.unless)) } : {}),
      ...(sign.not ? { not: bounded(expand(sign.not)) } : {}),
    }));
    this.cues = Object.entries(data.cues ?? {}).map(([name, cue]): [string, RegExp] => [name, bounded(expand(cue.words))]);
    this.featureNames = [...RISK_KINDS.map((k) => `sign:${k}`), ...this.cues.map(([name]) => `cue:${name}`), 'context:specific-person', 'context:topic', 'context:generic', 'context:question', 'context:past', 'context:history', 'context:request', ...(data.context.joking ? ['context:joking'] : []), 'cues:several', 'cues:about-someone'];
    if (weights && weights.features.join() !== this.featureNames.join()) {
      throw new Error('the risk weights were fitted for other features: run "npm run fit:risk"');
    }
    const { words, stems } = vocabulary([
      ...data.signs.flatMap((s) => [...s.all, s.also ?? '']),
      ...Object.values(data.words),
      ...Object.values(data.cues ?? {}).map((c) => c.words),
    ]);
    this.words = words;
    this.stems = stems;
    for (const word of words) if (word.length >= MIN_TYPO_LENGTH) for (const key of deletions(word)) push(this.byDeletion, key, word);
    for (const stem of stems) if (stem.length >= MIN_TYPO_LENGTH) for (const key of deletions(stem)) push(this.stemByDeletion, key, stem);
    this.notWords = new Set(notTypos);
    const wordModels = weights?.words ? [weights.words.risk, ...Object.values(weights.words.kinds)] : [];
    if (wordModels.length) this.knowsWord = (word) => wordModels.some((m) => weightOfWord(m, stemOf(word)) !== 0);
    this.notPhrases = bounded(expand(data.context.not.join('|')));
    this.negators = bounded(expand(data.context.negators));
    this.past = bounded(expand(data.context.past));
    if (data.context.history && data.context.again) {
      this.history = bounded(expand(data.context.history));
      this.again = bounded(expand(data.context.again));
    }
    if (data.context.request) this.request = bounded(expand(data.context.request));
    if (data.context.present) this.present = bounded(expand(data.context.present));
    if (data.context.joking) this.joking = bounded(expand(data.context.joking));
    if (data.context.settled) this.settled = bounded(expand(data.context.settled));
    this.topic = bounded(expand(data.context.topic));
    this.generic = new RegExp(
      ` (?:(?:if|when|whether|in case|what to do|how to|how do (?:i|we|you)|how should (?:i|we)|should (?:i|we)) (?:[a-z]+ ){0,4}(?:${expand(data.context.generic)})|(?:${expand(data.context.generic)}) (?:who|that|experiencing|affected)|(?<=^ )(?:do|does|can|could|will|would|is|are)(?: [a-z]+){0,5} (?:see|sees|take|takes|accept|accepts|work with|works with|support|supports) (?:people|persons|individuals|clients|patients|service users|adults|young people|carers|families) with|(?:what|how) (?:should|do|can|would|must) (?:staff|workers|carers|practitioners) (?:do|respond|act|report|say)|(?:what|how) (?:should|do|can|would|must) (?:we|i|you) (?:do|respond|act|report|say)(?!(?: (?:now|pls|please|here|asap|right now|urgently))? ?$)|if (?:they|we|you|i|staff) (?:suspect|think|notice|see|hear|are told|find|are worried))(?= )`,
    );
    // Staff write "I" and "my" about themselves: only a third person, or a role with a determiner
    // ("my client", "the gent"), is someone the message is about.
    const roles = expand(
      data.context.person
        .split('|')
        .filter((w) => !FIRST_PERSON.has(w))
        .join('|'),
    );
    // "the child protection register", "client group": a role word naming a thing is no one.
    const thing = '(?! (?:protection|sexual|abuse|exploitation|poverty|care|services?|guidance|register|health|development|plans?|planning|trafficking|neglect|welfare|law|act|policy|team|support|benefits?|disability|safety|group|groups|forum|assessments?|records?|rights))';
    // (One person after a reporting word, "receptionist said pt rang …", is one person told of; "the
    // guidance says clients who …" is not.)
    this.specificPerson = new RegExp(
      ` (?:said|says|reported|mentioned) (?:(?:the|her|his|my|our) )?(?:pt|patient|client|cl|su|service user|resident|tenant|lady|gent|man|woman)(?! who| that)(?= )| (?:he|she|hes|shes|him|his|her|hers|himself|herself)(?= )| (?:the|her|his|their|these|those) (?:(?:\\d|two|three|four|five) )?(?:kids|children|weans|bairns|twins|babies|grandkids|grandchildren)(?= )|(?:^| (?:my|our|the|this|that|his|her|their|your|mrs|mr|ms|mums|dads)) (?:(?:new|old|elderly|older|young|wee|own|frail|disabled) )?(?:${roles})${thing}(?= )|^ (?:[a-z]+ )?(?:${roles})${thing}(?= )` +
        // Someone told by age ("4 month old brought in", "client 31 with epilepsy", "her 3 yo"), and
        // children counted ("3 kids under 6 in the house").
        // Not in a general question ("if they miss 3 doses", "families where 3 children see abuse") or a
        // band of ages ("under 5 children").
        `|(?:^|^ an?| (?:the|her|his|their|my|our|this|that)) ${AGE}(?= )` +
        `|(?<!(?:if|when|where|whether)(?: [a-z]+){0,3}) (?!(?:mr|mrs|ms|miss|mx|dr) )(?:${roles}) (?:aged )?\\d{1,3}(?= )` +
        `|(?<!(?:if|when|where|whether)(?: [a-z]+){0,3}| under| over| aged) (?:\\d|two|three|four|five) (?:kids|children|weans|bairns)(?= )`,
    );
    this.childWords = bounded(expand(data.words.child ?? 'child|children'));
    this.partnerWords = bounded(expand(data.words.partner ?? 'partner'));
    if (data.words.careneed) this.careNeed = bounded(expand(data.words.careneed));
    this.otherPeople = bounded(expand(`${data.words.relative ?? 'son|daughter'}|@child|staff|worker|workers|nurse|nurses|manager|landlord|builders?|sellers?|scammers?|dealers?|stranger|strangers|resident|residents|home help|agency|council|police|doctor|gp`));
  }

  /** The kinds of immediate risk this message suggests: those whose signs match, and those the
   * fitted weights score over their threshold. */
  assess(text: string): RiskAssessment {
    // A turn asks twice (safety first, then whether a topic question gets the emergency numbers button).
    if (this.last?.text === text) return this.last.assessment;
    const features = this.features(text);
    const assessment = this.judge(features, this.weights ? withWords(this.weights.words, features, weightedKinds(this.weights, features)) : []);
    this.last = { text, assessment };
    return assessment;
  }

  private last?: { text: string; assessment: RiskAssessment };

  /** The kinds found by the signs and by the weights, with what the context adds or takes away. The
   * fitting reads out-of-fold weighted kinds through this too, so both judge alike. */
  judge(features: RiskFeatures, weighted: readonly RiskKind[]): RiskAssessment {
    const found = new Set<RiskKind>([...features.signKinds, ...weighted]);
    if (found.size === 0) return { kinds: [], topicKinds: [], signs: [] };
    // Harm, abuse or neglect with a child in it is also a child protection matter; harm to a woman
    // or man by a partner, or by "he" to "her" with no one else named, is also domestic abuse.
    if (features.hasChild && (found.has('harm-or-abuse') || found.has('domestic-abuse'))) found.add('child-protection');
    // So is a child in danger of their life or of harming themselves, or a parent's crisis with a child
    // there ("mum took an overdose, the 8yo found her"): the child protection routes come with the others.
    if (features.childBorn && (found.has('suicide-self-harm') || found.has('medical-emergency'))) found.add('child-protection');
    if (found.has('harm-or-abuse') && features.partnerLike) found.add('domestic-abuse');
    // Abuse by a partner of someone with a condition or disability (the careneed words) brings the adult protection routes too.
    if (found.has('domestic-abuse') && features.careNeed) found.add('harm-or-abuse');
    // What a sign names comes first, then what the weights or the people in it add: "woman disclosed DA"
    // leads with the abuse routes and their first step, not with another kind the weights added.
    const signed = new Set(features.signKinds);
    const kinds = [...RISK_KINDS.filter((k) => found.has(k) && signed.has(k)), ...RISK_KINDS.filter((k) => found.has(k) && !signed.has(k))];
    return features.aboutATopic ? { kinds: [], topicKinds: kinds, signs: features.signs } : { kinds, topicKinds: [], signs: features.signs };
  }

  /** The signs, cue groups and context of a message, as the weights read them. */
  features(text: string): RiskFeatures {
    const message = this.prepare(text);
    const signKinds = new Set<RiskKind>();
    const signs: string[] = [];
    const settled = this.isSettled(message);
    for (const compiled of this.signs) {
      const span = this.match(compiled, message);
      if (!span) continue;
      const kinds = this.kindsAt(compiled.sign, span, message, settled);
      if (kinds.length) signs.push(compiled.sign.id);
      for (const kind of kinds) signKinds.add(kind);
    }
    const hasChild = has(this.childWords, message);
    const specific = this.specificPerson.test(message);
    const topic = has(this.topic, message);
    const generic = this.generic.test(message);
    // A question at the start, or asked in the last clause ("..., who do I contact").
    const question = /\?\s*$/.test(text) || /^ (?:is|are|what|whats|where|who|how|does|do|can|any|which|when) /.test(message) || /[,.;:?!\u2013\u2014-]\s*(?:who (?:do|can|should|could|would|to|is best)|what (?:do|can|should|is|are|support|help|services|options)|whats|where (?:do|can|is|are|should|would)|how (?:do|can|should|would|to|long|much|many)|is there|are there|any [a-z]+|(?:can|could) (?:i|we|you|she|he|they)|do (?:i|we|you)|does (?:she|he|it|this|the|anyone)|should (?:i|we)|would (?:she|he|they|it|that)|which|when (?:is|does|do|can|should)|is (?:that|this|it|there)|are (?:they|there|we))\b[^,.;:?!]*$/i.test(text.trim());
    const values = [
      ...RISK_KINDS.map((k) => (signKinds.has(k) ? 1 : 0)),
      ...this.cues.map(([, pattern]) => (this.hasUnnegated(pattern, message) ? 1 : 0)),
      specific ? 1 : 0,
      topic ? 1 : 0,
      generic ? 1 : 0,
      question ? 1 : 0,
      has(this.past, message) ? 1 : 0,
      this.isHistory(message) ? 1 : 0,
      this.request && has(this.request, message) ? 1 : 0,
      ...(this.joking ? [has(this.joking, message) ? 1 : 0] : []),
    ];
    // Signs of risk rarely come alone: how many kinds of cue, and whether they are about someone.
    const cueCount = this.cues.filter(([name], i) => !CONTEXT_CUES.has(name) && values[RISK_KINDS.length + i] === 1).length;
    values.push(Math.min(cueCount, 3) / 3, specific && cueCount > 0 ? 1 : 0);
    return {
      names: this.featureNames,
      values,
      signKinds: RISK_KINDS.filter((k) => signKinds.has(k)),
      signs,
      // "someone who says they'll do it today" is a person now, not a question about a topic.
      aboutATopic: (topic || (generic && !(this.again && has(this.again, message)) && !(this.present && has(this.present, message)))) && !specific,
      hasChild,
      childBorn: hasChild && has(this.childWords, message.replace(/ (?:unborn|pregnant) /g, ' ')),
      harmCues: cueCount,
      partnerLike: this.partnerLike(message),
      careNeed: this.careNeed !== undefined && has(this.careNeed, message),
      prepared: message,
    };
  }

  /** Told as long past, with nothing saying it is happening again. */
  private isHistory(message: string): boolean {
    return !!this.history && !!this.again && has(this.history, message) && !has(this.again, message);
  }

  /** A cue counts where no negation stands just before it ("isnt injured", "no marks"). */
  private hasUnnegated(pattern: RegExp, message: string): boolean {
    const found = spans(pattern, message);
    if (found.length === 0) return false;
    const negations = spans(this.negators, message);
    return found.some((f) => !negations.some((n) => n.end < f.start && n.end >= f.start - 2));
  }

  private partnerLike(message: string): boolean {
    if (has(this.partnerWords, message)) return true;
    // "his pals", "his mum" are his, not someone else who might be doing the harm.
    return / (?:he|hes|him) /.test(message) && / (?:her|she|shes) /.test(message) && !has(this.otherPeople, message.replace(/ his [a-z]+/g, ' his _'));
  }

  /** Lower case, apostrophes dropped, everyday idioms masked, typos of sign words corrected. */
  prepare(text: string): string {
    // "Kayden (6)", "her son (14)": an age in brackets is said as one ("aged 6") before the brackets go.
    // (A capitalised word ending "in" is a name, "Gavin", "Justin": no g was dropped.)
    const names = this.knowsWord && /[A-Z][a-z]*in\b/.test(text) ? new Set([...text.matchAll(/\b[A-Z][a-z]*in\b/g)].map((m) => m[0].toLowerCase())) : undefined;
    const tokens = joinSpelledOut(
      normalise(text.replace(AGE_IN_BRACKETS, ' aged $1 ').replace(AGE_IN_COMMAS, '$1 aged $2 '))
        // (The ten capture groups are five pairs, one pair matched: the words either side, joined.)
        .replace(SPLIT_WORDS, (_, ...parts: Array<string | undefined>) => ` ${parts.slice(0, 10).filter((p) => typeof p === 'string').join('')}`)
        .replace(AGE_IN_WORDS, (_, before: string, age: string) => ` ${before} ${NUMBER_OF[age]}`)
        .trim()
        .split(' ')
        .filter(Boolean),
    ).map((t) => EVERYDAY_SPELLINGS.get(t) ?? (names?.has(t) ? t : this.correct(t)));
    return ` ${tokens.join(' ')} `.replace(NO_AS_NOT, ' $1 not ').replace(this.notPhrases, (m) => m.replace(/[a-z0-9]/g, '_'));
  }

  /** A token as the sign word it is one typo away from, or unchanged. */
  correct(token: string): string {
    // "takin", "bein", "breathin": the g dropped, read as the -ing word the word weights know. (Before the
    // look-alikes: "takin" is an English word, but in a message to a duty worker it is "taking".)
    if (token.length >= 4 && token.endsWith('in') && !this.words.has(token) && this.knowsWord?.(`${token}g`) && !this.knowsWord(token)) return `${token}g`;
    if (token.length < MIN_TYPO_LENGTH || token.length > MAX_TYPO_LENGTH || this.words.has(token) || this.notWords.has(token) || /\d/.test(token)) return token;
    // "cuttin", "burnin": the g dropped, as people say it.
    if (token.endsWith('in') && this.words.has(`${token}g`)) return `${token}g`;
    if (this.stems.some((s) => token.startsWith(s))) return token;
    for (const key of [token, ...deletions(token)]) {
      for (const word of this.byDeletion.get(key) ?? []) if (withinOneEdit(token, word)) return word;
    }
    for (let length = MIN_TYPO_LENGTH; length <= token.length; length++) {
      const prefix = token.slice(0, length);
      for (const key of [prefix, ...deletions(prefix)]) {
        for (const stem of this.stemByDeletion.get(key) ?? []) if (withinOneEdit(prefix, stem)) return stem + token.slice(length);
      }
    }
    return token;
  }

  /** The tightest span where every group of the sign appears, or undefined. */
  private match(compiled: CompiledSign, message: string): Span | undefined {
    if (compiled.also && !has(compiled.also, message)) return undefined;
    if (compiled.not && has(compiled.not, message)) return undefined;
    const occurrences = compiled.groups.map((g) => spans(g, message));
    if (occurrences.some((o) => o.length === 0)) return undefined;
    // `within` counts the words of the span that no group matched, plus one for each gap between
    // groups: a long match ("see the point of") does not use up the room.
    const k = occurrences.length;
    // The most words groups i.. could still fill: a span already too wide for that is given up.
    const fillable = occurrences.map(() => 0);
    for (let i = k - 1; i >= 0; i--) fillable[i] = (fillable[i + 1] ?? 0) + Math.max(...occurrences[i].map((x) => x.end - x.start + 1));
    let best: Span | undefined;
    // Each group must be met by words of its own: "fallen" is a drooping face and a fall, but one
    // word is not two signs ("she has fallen twice" is no stroke).
    const used: Span[] = [];
    const choose = (i: number, span: Span | undefined, covered: number): void => {
      if (span && span.end - span.start + 1 - covered - (fillable[i] ?? 0) + k - 1 > compiled.within) return;
      if (i === k) {
        if (!span || Math.max(0, span.end - span.start + 1 - covered) + k - 1 > compiled.within) return;
        if (!this.excluded(compiled, span, message) && (!best || span.end - span.start < best.end - best.start)) best = span;
        return;
      }
      for (const o of occurrences[i]) {
        if (used.some((u) => u.start <= o.end && o.start <= u.end)) continue;
        const next = span ? { start: Math.min(span.start, o.start), end: Math.max(span.end, o.end) } : o;
        used.push(o);
        choose(i + 1, next, covered + o.end - o.start + 1);
        used.pop();
      }
    };
    choose(0, undefined, 0);
    return best;
  }

  private excluded(compiled: CompiledSign, span: Span, message: string): boolean {
    return compiled.unless !== undefined && spans(compiled.unless, message).some((u) => u.end >= span.start - NEAR && u.start <= span.end + NEAR);
  }

  /** The sign's kinds that its context leaves standing. */
  /** A concern about an adult said to be over for good ("unfounded", "no further action", "the case was
   * closed"), not negated ("nothing has been resolved") and with nothing told as happening now. */
  private isSettled(message: string): boolean {
    if (!this.settled || (this.again && has(this.again, message)) || / (?:now|still|today|tonight|currently) /.test(message)) return false;
    const negations = spans(this.negators, message);
    return spans(this.settled, message).some((s) => !negations.some((n) => n.end < s.start && n.end >= s.start - 4));
  }

  private kindsAt(sign: RiskSign, span: Span, message: string, settled: boolean): RiskKind[] {
    const before = spans(this.negators, message).some((n) => n.end < span.start && n.end >= span.start - 3);
    // "had an infection last week, now confused": past words followed by "now" before the sign ends tell
    // how it began, and the sign is now.
    const past = spans(this.past, message).some((p) => p.end >= span.start - NEAR - 2 && p.start <= span.end + NEAR + 2 && !(p.end < span.end && nowBetween(message, p.end + 1, span.end)));
    // History reaches only the sign it tells, a few words either side ("years ago she took...",
    // "took an overdose in 2019"), not a sign told later as now. A kind marked `historyIsRisk` keeps the
    // sign; harm to children relies instead on the `again` words for someone within reach of them now.
    if (this.isHistory(message) && spans(this.history as RegExp, message).some((p) => p.end >= span.start - NEAR && p.start <= span.end + NEAR)) {
      return sign.kinds.filter((kind) => this.data.kinds[kind].historyIsRisk === true);
    }
    // A settled concern takes back harm to an adult only: a life in danger, abuse by a partner or a
    // child at risk is never taken back by a closed case elsewhere in the message.
    return sign.kinds.filter((kind) => {
      const info = this.data.kinds[kind];
      return !(info.negatable && before) && !(info.acute && past) && !(settled && kind === 'harm-or-abuse');
    });
  }
}

/** Words after "now" that tell how things have been since ("now uses a frame", "now the pain has gone"). */
const SINCE_THEN = /^(?:wants?|asking|looking|uses|using|lives|living|walks|needs|in|on|at|back|home|doing|sorted)\b|^(?:[a-z]+ ){0,3}(?:(?:is|are|has|have) )?(?:gone|fine|ok|okay|better|improved|resolved|cleared|settled|stable|stopped|eased|recovered|well)\b/;

/** Whether "now", "today", "this morning" or "suddenly" stands among tokens `from`..`to` of a prepared
 * message with something happening after it, not how things have been since. */
function nowBetween(message: string, from: number, to: number): boolean {
  const words = message.trim().split(' ');
  for (let i = from; i <= to && i < words.length; i++) {
    const after = words[i] === 'this' && /^(?:morning|afternoon|evening)$/.test(words[i + 1] ?? '') ? i + 2 : /^(?:now|today|tonight|suddenly)$/.test(words[i]) ? i + 1 : -1;
    if (after < 0 || after > to) continue;
    if (!SINCE_THEN.test(words.slice(after, after + 8).join(' '))) return true;
  }
  return false;
}

/** A person's age as staff write it: "4 month old", "3 yo", "82 year old". */
const AGE = '\\d{1,3} ?(?:yo|y o|yr old|yrs old|year old|years old|month old|months old|mth old|week old|weeks old|wk old|wks old)';

/** Whether the weights read the message as someone at risk and, if so, which kinds: the likeliest,
 * and any other the kind weights give at least SECOND_KIND. */
export function weightedKinds(weights: RiskWeights, features: Pick<RiskFeatures, 'values' | 'signKinds' | 'harmCues'>, riskScore?: number): RiskKind[] {
  // Without a sign, the weights alone raise the card only where some cue of harm is there: who a
  // message is about ("a 14 year old", "her partner") is no risk by itself.
  if (features.signKinds.length === 0 && features.harmCues === 0) return [];
  const score = riskScore ?? probability(weights.risk.bias, weights.risk.weights, features.values);
  if (score < weights.risk.threshold && features.signKinds.length === 0) return [];
  const scored = RISK_KINDS.map((kind) => ({ kind, p: probability(weights.kinds[kind].bias, weights.kinds[kind].weights, features.values) }));
  const best = scored.reduce((a, b) => (b.p > a.p ? b : a));
  return scored.filter((s) => s === best || s.p >= SECOND_KIND).map((s) => s.kind);
}

/** What the word weights make of the main weights' kinds: where no sign matched, they take back a
 * route they read as plainly ordinary (under `veto`) and add one the main weights missed (over
 * `threshold`). A sign's route is never taken back. */
export function withWords(words: RiskWordWeights | undefined, features: Pick<RiskFeatures, 'values' | 'signKinds' | 'aboutATopic' | 'prepared'>, weighted: RiskKind[], wordRisk?: number): RiskKind[] {
  if (!words || features.aboutATopic) return weighted;
  let tokens: string[] | undefined;
  const read = (): string[] => (tokens ??= wordFeatures(features.prepared));
  const p = wordRisk ?? wordProbability(words.risk, features.values, read());
  if (features.signKinds.length > 0 || weighted.length > 0) {
    if (features.signKinds.length === 0 && p < words.veto) return [];
    // Routed already: a kind the words are sure of is routed too ("yp scratches herself to calm
    // down" matched a sign about a child; the words read self-harm as well).
    if (p < words.threshold) return weighted;
    const sure = RISK_KINDS.filter((k) => wordProbability(words.kinds[k], features.values, read()) >= WORD_KIND_SURE);
    return [...new Set([...weighted, ...sure])];
  }
  return p >= words.threshold ? wordKinds(words, features.values, read(), SECOND_KIND) : [];
}

export function probability(bias: number, weights: readonly number[], values: readonly number[]): number {
  let z = bias;
  for (let i = 0; i < values.length; i++) z += weights[i] * values[i];
  return 1 / (1 + Math.exp(-z));
}

/** Lower case, curly quotes straightened, apostrophes dropped, anything else not a letter or digit a space. */
export function normalise(text: string): string {
  return ` ${text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['\u2018\u2019`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

/** A curator's pattern as a regular expression: @class expanded, "word*" any ending. */
export function expandPattern(pattern: string, words: Record<string, string>, depth = 0): string {
  if (depth > 3) throw new Error(`word classes nest too deeply in "${pattern}"`);
  return pattern
    .replace(/@([a-z]+)/g, (_, name: string) => `(?:${expandPattern(words[name] ?? name, words, depth + 1)})`)
    // ("bruis*" is a stem; "\w*" in a pattern is already a regular expression and is left alone.)
    .replace(/(?<!\\)([a-z])\*/g, '$1[a-z0-9]*');
}

/** An age in brackets after a name or a relation: "Kayden (6)", "her son (aged 14)", "(about 10)". A
 * word must come right before it: "(1)" opening a list, or "section 4(1)", is no age. */
const AGE_IN_BRACKETS = /(?<=[a-z]\s?)\(\s*(?:aged?\s*)?(?:about|around|approx\.?|roughly|maybe|~)?\s*(\d{1,2})\s*(?:ish|yo|y\/o|yrs?|years?(?: old)?)?\s*\)/gi;

/** An age between commas after a relation: "her granddaughter, about 4, was …". */
const AGE_IN_COMMAS = /\b((?:grand)?(?:son|daughter|child|kid|girl|boy)|niece|nephew|brother|sister|baby|toddler|wee one)\s*,\s*(?:aged?\s*)?(?:about|around|approx\.?|roughly|maybe|~)?\s*(\d{1,2})\s*(?:ish|yo|y\/o|yrs?|years?(?: old)?)?\s*,/gi;

/** Matches only whole words of the normalised message (which starts and ends with a space). */
function bounded(source: string): RegExp {
  return new RegExp(`(?<= )(?:${source})(?= )`, 'g');
}

/** Whether a global pattern matches anywhere: its lastIndex is reset first, so earlier calls cannot hide a match. */
function has(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/** Each match as token positions: the index of its first and last word. */
function spans(pattern: RegExp, message: string): Span[] {
  const out: Span[] = [];
  pattern.lastIndex = 0;
  for (const m of message.matchAll(pattern)) {
    const start = countSpaces(message, m.index) - 1;
    out.push({ start, end: start + countSpaces(m[0], m[0].length) });
  }
  return out;
}

function countSpaces(text: string, upTo: number): number {
  let n = 0;
  for (let i = 0; i < upTo; i++) if (text.charCodeAt(i) === 32) n++;
  return n;
}

/** The plain words and the stems ("overdos*") a set of patterns uses, regex syntax aside. */
export function vocabulary(patterns: string[]): { words: Set<string>; stems: string[] } {
  const words = new Set<string>();
  const stems = new Set<string>();
  for (const pattern of patterns) {
    const plain = pattern.replace(/\(\?:|\(\?<?[=!]|\\[a-z]|\[[^\]]*\]|[{][^}]*[}]/g, ' ');
    for (const [, word, star] of plain.matchAll(/([a-z]+)(\*)?/g)) (star ? stems : words).add(word);
  }
  return { words, stems: [...stems] };
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

