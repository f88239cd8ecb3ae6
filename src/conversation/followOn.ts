// Whether a message answered on its own still asks on from the last answer, so the reply says so
// ("Following on from your last question: …"). Staff rarely say when they carry on: "can they ask for
// one sooner", "is it in force yet" and "what did carers say in the survey" all ask on, while "whats a
// young carer statement" after a review answer starts afresh. The signs are weighed together, with
// weights fitted on the tuning conversations (`npm run fit:follow-on`), rather than one rule per sign.
import { stem } from '../search/stem';
import { mentionsThePerson, mentionsTheThingShown, slotsIn, topicWords } from './followUp';

/** What the follow-on reading weighs: facts about the message, the last answer and the new answer. */
export interface FollowOnSigns {
  /** The new answer comes from the document shown last (an SDS article; the plan counts by aim). */
  sameDocument: boolean;
  /** The new answer is what was shown last: the very passage, an item of the list shown, or (for
   * services) a first service that was among those shown. */
  sameShown: boolean;
  /** The new answer comes from the same kind of source (SDS after SDS, services after services). */
  sameSource: boolean;
  /** The new answer shares a topic with the last (an SDS topic, or a service shown). */
  sharesTopic: boolean;
  /** The message's own words. */
  text: string;
  /** The question the last answer answered. */
  lastQuestion: string;
  /** The words of what was shown last (the passage, or the services' records). */
  shownText: string;
  /** What was shown last is called: the passage's title and headings, or the services' names. */
  shownName?: string;
  /** The words of the new answer (its passage, or its first service's record). */
  answerText: string;
  /** In how many passages a word appears: a rare word names a thing of its own. */
  passagesWith: (word: string) => number;
}

export const FOLLOW_ON_FEATURES = ['bias', 'sameDocument', 'sameShown', 'sameSource', 'sharesTopic', 'pointsBack', 'person', 'leadIn', 'leadInFragment', 'short', 'long', 'fromLastQuestion', 'fromShown', 'newWords', 'rareNewWords', 'answerHoldsNewWords', 'fullQuestion', 'slotOfItsOwn', 'namesShown', 'continues', 'soLead'] as const;
export type FollowOnFeature = (typeof FOLLOW_ON_FEATURES)[number];

/** "and …", "so …", "what about …", "also …": the message carries on from something. */
const LEAD_IN = /^(?:and|so|but|also|or|then|ok so|okay so|what about|how about|what if|and if|if so|even if)\b/;
/** A question in full: it opens with a question word or an auxiliary ("whats", "cant": apostrophes are dropped first). */
const FULL_QUESTION = /^(?:what|whats|which|who|whos|when|whens|where|wheres|why|how|hows|can|cant|could|do|dont|does|doesnt|did|is|isnt|are|arent|was|were|will|wont|would|should|shall|has|have)\b/;

/** "what can we still charge for", "does she get the options too", "what does he get instead": words
 * that carry something on from before. */
const CONTINUES = /\b(?:still|anyway|anyways|instead|either|too|as well|again|otherwise|in that case|in its place|then)\b(?!\s+(?:and|the|a|an|there|we|i|you|they|he|she)\b)/;

/** "so option 2 is the one where the council holds it?", "so he'd need a landline?": a message opened
 * with "so" draws on what was just said, to check it or take it further. */
const SO_LEAD = /^(?:(?:ok|okay|right|oh|ah) )?so (?!(?:anyway|different|another|separate|unrelated|new|quick|sorry|confused|next|moving on|one more|i have|i got|ive got)\b)/;

/** The message without its lead-ins, however many ("and what about carers" → "carers"). */
function withoutLeadIns(lower: string): string {
  let rest = lower;
  for (let i = 0; i < 3 && LEAD_IN.test(rest); i++) rest = rest.replace(LEAD_IN, '').trim();
  return rest;
}

/** A word in this many passages or fewer is rare. */
const RARE_IN = 8;

function stems(words: string[]): Set<string> {
  return new Set(words.map(stem));
}

function share(of: string[], within: Set<string>): number {
  return of.length ? of.filter((w) => within.has(stem(w))).length / of.length : 0;
}

/** "what is option 3" after short breaks: an option, aim, outcome, timescale or place the last question
 * did not have. */
function slotOfItsOwn(text: string, lastQuestion: string): boolean {
  const before = slotsIn(lastQuestion) as Record<string, unknown>;
  return Object.entries(slotsIn(text)).some(([slot, value]) => before[slot] !== value);
}

/** Whether anything ties a message to the last answer at all (a shared document, topic or words, the
 * same person, a pointing word or a lead-in such as "and …"): without a tie, it does not ask on. */
export function tiedToLast(features: number[]): boolean {
  const at = (f: FollowOnFeature): number => features[FOLLOW_ON_FEATURES.indexOf(f)] ?? 0;
  return at('sameDocument') > 0 || at('sameShown') > 0 || at('sharesTopic') > 0 || at('fromLastQuestion') > 0 || at('person') > 0 || at('pointsBack') > 0 || at('leadIn') > 0;
}

/** The features of a message, as numbers in FOLLOW_ON_FEATURES order. */
export function followOnFeatures(signs: FollowOnSigns): number[] {
  const lower = signs.text.toLowerCase().replace(/[’']/g, '').replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
  const words = lower.split(' ').filter(Boolean);
  const own = topicWords(lower);
  const asked = stems(topicWords(signs.lastQuestion.toLowerCase()));
  const fromLast = share(own, asked);
  const shown = stems(topicWords(signs.shownText.toLowerCase()));
  const fromShown = share(own, shown);
  const lastAndShown = new Set([...asked, ...shown]);
  const fresh = own.filter((w) => !lastAndShown.has(stem(w)));
  const newWords = fresh.length;
  const rare = fresh.filter((w) => signs.passagesWith(w) <= RARE_IN).length;
  const answered = stems(topicWords(signs.answerText.toLowerCase()));
  const values: Record<FollowOnFeature, number> = {
    bias: 1,
    sameDocument: Number(signs.sameDocument),
    sameShown: Number(signs.sameShown),
    sameSource: Number(signs.sameSource),
    sharesTopic: Number(signs.sharesTopic),
    pointsBack: Number(mentionsTheThingShown(lower) || /\b(?:that|this|those|these)\b/.test(lower)),
    person: Number(mentionsThePerson(lower)),
    leadIn: Number(LEAD_IN.test(lower)),
    // "and for parents of disabled kids?", "and if there is money left over?": a lead-in before no question of its own.
    leadInFragment: Number(LEAD_IN.test(lower) && !FULL_QUESTION.test(withoutLeadIns(lower))),
    short: Number(words.length <= 5),
    long: Number(words.length >= 12),
    fromLastQuestion: fromLast,
    fromShown,
    newWords: Math.min(newWords, 4) / 4,
    rareNewWords: Math.min(rare, 2) / 2,
    answerHoldsNewWords: fresh.length ? share(fresh, answered) : 0,
    fullQuestion: Number(FULL_QUESTION.test(lower)),
    slotOfItsOwn: Number(slotOfItsOwn(signs.text, signs.lastQuestion)),
    // "what actually counts as personal care?" after free personal care: its words name what was shown.
    namesShown: share(own, stems(topicWords((signs.shownName ?? '').toLowerCase()))),
    continues: Number(CONTINUES.test(lower)),
    soLead: Number(SO_LEAD.test(lower)),
  };
  return FOLLOW_ON_FEATURES.map((f) => values[f]);
}

/** Weights fitted by `npm run fit:follow-on` on the tuning conversations; a message reads as asking on
 * when their sum over its features is above zero. */
export const FOLLOW_ON_WEIGHTS: Record<FollowOnFeature, number> = {
  bias: 1.367,
  sameDocument: -0.018,
  sameShown: 1.311,
  sameSource: -0.105,
  sharesTopic: 1.163,
  pointsBack: 0.039,
  person: 1.451,
  leadIn: -1.621,
  leadInFragment: 1.247,
  short: -0.212,
  long: -1.553,
  fromLastQuestion: 0.972,
  fromShown: -1.282,
  newWords: -1.182,
  rareNewWords: 0.015,
  answerHoldsNewWords: -0.929,
  fullQuestion: 0.269,
  slotOfItsOwn: -0.53,
  namesShown: -0.665,
  // (Added later with the others kept: its weight chosen leaving each tuning set out in turn.)
  continues: 1.25,
  // (Also added with the others kept, as staff who open with "so" are checking or building on the last
  // answer: 2 was the weight chosen with each tuning set left out in turn — the two new sets kept unseen
  // for reporting were not among them — worth 149 on the sets left out against 145 without it, counting
  // +1 for a follow-up noted and −2 for a new question wrongly noted.)
  soLead: 2,
};

export function followOnScore(features: number[], weights: Record<FollowOnFeature, number> = FOLLOW_ON_WEIGHTS): number {
  return FOLLOW_ON_FEATURES.reduce((sum, f, i) => sum + weights[f] * (features[i] ?? 0), 0);
}
