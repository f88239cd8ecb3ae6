// Whether a message follows on from the last answer, and what it then means. A follow-up is short and
// leans on what was shown: a pronoun ("their number", "where are they"), a lead-in ("and …?",
// "what about …?") or a slot on its own ("the short-term ones", "Penicuik?"). Slots are read by
// pattern — places from the knowledge's list of communities, aim / outcome / option numbers,
// timescales — and put into the last question in place of its own; a detail ("their number") is read
// off the services shown; a source ("what does the plan say about that?") narrows the last question
// to it. A message that carries its own topic is a new question: the last topic never hijacks it.
import { COMMUNITIES, communitiesIn, type Community } from '../knowledge/places';
import type { PassageKind, Timescale } from '../knowledge/types';
import { stem } from '../search/stem';
import { anyTypedAsItSounds, contentTokens, fillerAdverbMeant, isStopWord, timescaleTyposCorrected, withinOneEdit } from '../search/text';
import { LIST_NOUNS, onePartListed, type LastShown } from './memory';

export type DetailField = 'phone' | 'address' | 'refer' | 'hours' | 'email' | 'website' | 'cost' | 'who';

export type Resolution =
  | { kind: 'new' }
  /** Contact details of a service shown: `index` when the message picked one, else all shown. */
  | { kind: 'detail'; field: DetailField; index?: number; words?: string[]; soon?: boolean; also?: DetailField[] }
  /** The message asks for a detail, but no service was shown: look for services for the last need. */
  | { kind: 'detail-search'; field: DetailField; question: string }
  /** "the third one" after a passage with a list: that item of the list. */
  | { kind: 'item'; index: number }
  /** "the second one": open the nth thing the last card offered. */
  | { kind: 'open'; index: number }
  /** "tell me more": the whole passage, or the next results. */
  | { kind: 'more'; about?: boolean; whole?: boolean }
  /** "any other ones?", "anything else for him?": services for the same need besides those shown. */
  | { kind: 'others'; question: string }
  /** "which outcome is that under?": where the passage shown sits in its document. */
  | { kind: 'where' }
  /** "which reg is that?": the laws, regulations, sections or standards the passage shown cites. */
  | { kind: 'reference' }
  /** The last question with the follow-up's slots or words put in: `topic` holds the words added,
   * `replaced` says they took the place of some, `kinds` limits it to one source; `drillDown`: a closer
   * look at a thing shown, after which the conversation's question stays the last one. */
  | { kind: 'rewrite'; question: string; topic?: string; place?: Community; replaced?: boolean; kinds?: PassageKind[]; drillDown?: true };

export interface Slots {
  place?: Community;
  aim?: number;
  outcome?: string;
  timescale?: Timescale;
  option?: number;
}

const DETAILS: Array<[DetailField, RegExp]> = [
  // ("when can he ring them?", "when's best to call": when they are open, not the number; "when should
  // she call 999" is not asked of them.)
  // ("what times can he ring them": the hours too.)
  ['hours', /\b(?:when(?:'?s| is)?|what times?|(?:at )?what hours?) (?:(?:can|could|should|do|does|would|best to|it best to|is best to|a good time to) )?(?:(?:i|we|you|he|she|they|people|folk|someone|mum|dad) )?(?:ring|call|phone|get through|reach them|drop in|pop in)\b(?! (?:999|111|101|an ambulance|the police|for an ambulance))/],
  // ("how long does the programme last?", "how many weeks is it": how long it runs, which its record
  // gives beside a time span, asked like when it is on.)
  ['hours', /\bhow long (?:does|do|is|are|will|would|did) (?:it|that|this|they|the (?:programme|program|course|scheme|sessions?|classes?|group|project|support))(?: (?:last|lsat|run|go on|go for|take|for))?\??$|\bhow many (?:weeks|sessions|months) (?:is|does|do|will|would) (?:it|that|this|they|the \w+)\b/],
  // ("how quick do they usually get out to folk?": how soon they come, which a record gives beside its hours.)
  ['hours', /\bhow (?:quick(?:ly)?|fast|soon) (?:do|does|can|will|would|could) (?:they|it|the team|someone|somebody|anyone) (?:usually |normally |generally |tend to )?(?:respond|come|come out|get out|get there|see (?:him|her|them|people|folk)|visit|arrive|turn up|get to|be there)\b/],
  // ("how quick?", "and how soon would it be": how soon, asked alone.)
  ['hours', /^(?:(?:and|so|but|ok)\s+)?how (?:quick(?:ly)?|fast|soon)(?: (?:is it|are they|would it be|will it be|can they|do they|would they))?$/],
  ['email', /\b(e-?mail)\b/],
  ['website', /\b(website|web site|web page|site|online|link|url)\b/],
  // Asked how to refer, a message about ringing ("can i refer her or does she ring them herself") asks how to refer.
  // "what happens after that?", "what happens tomorrow?": after services, the next steps their record gives under how to refer.
  // ("does it have to come from me?", "can it come through the gp": who a referral comes from.)
  ['refer', /\b((?:have|has|need|needs|got) to (?:come|go) (?:from|through|via)(?: (?:me|us|him|her|them|a professional|a worker|the gp|a gp|social work|the sw|a sw|(?:her|his|their) \w+(?: worker)?))?|(?:come|go) (?:from|through|via) (?:me|us|a professional|the gp|a gp|social work|the sw|a sw|(?:her|his|their) (?:gp|sw|social worker|worker|doctor|nurse|cpn|consultant))|what happens (?:next|then|after(?:wards| that| this| tonight)?|tomorr?ow|in the morning|the (?:next )?(?:day|morning) after|the next (?:day|morning)|(?:after|once) (?:he|she|they) (?:calls?|rings?|phones?|gets? there))(?: then)?$|then what(?: happens)?$|refer|referral|referrals|referring|referred|how (?:do|does|can|could|would) (?:i|we|you|they|he|she|people|someone|her \w+|his \w+|my \w+|the \w+) (?:get|apply|access|contact|go|join|start|sign up|be seen)|(?<!who (?:can|could|is able to) |(?:does|do|would|will|did|should) (?:that|it|this|those|these|they|the rules?|the rate) )apply|get in touch|self[- ]refer|contact them|get (?:a place|a space|a slot|seen|started|in)|can (?:he|she|they|mum|dad|the family|her \w+|his \w+|my \w+) (?:ring|call|phone|contact|text|email) (?:it |them |the line |that |this )?(?:herself|himself|themselves|direct(?:ly)?|on (?:her|his|their) own)|sign (?:him|her|them|me) up|put (?:him|her|them) forward|book (?:him|her|them|a place)|walk[- ]?ins?|drop[- ]?ins?|just (?:turn|rock|show) up|appointment|appt|(?:what'?s|what is) the (?:process|procedure|route in)|get (?:one|it|them) (?:fitted|installed|put in)|how (?:does|do|would) (?:the )?(?:applying|application|applications|applying for (?:it|one|them)) work)\b/],
  // ("num" alone: the number, typed short.)
  ['phone', /^(?:and\s+)?(?:num|nums|nmbr|numbr|numba|nr)$/],
  ['phone', /\b((?:free ?phone|phone|telephone|tel|contact|mobile) (?:no|nos|num|nr)|free ?phone|who (?:do|should|can|could) (?:i|we|you|they|she|he) (?:speak|talk) to(?: (?:there|at it|at them))?$|phone|telephone|ph|(?<!\b(?:aim|outcome|option|standard|section|regulation|reg|reference|ref|case|item|page|chi|ni|insurance)\s)numbers?(?!\s*\d)|numbr|call|ring|contact(?: number| details?| info)?|tel|(?:a|an|the|any|urgent|direct|advice|help|support|phone|text)\s+line)\b/],
  // ("which town is that?", "what area are they in": where they are.)
  ['address', /\b((?:which|what) (?:town|village|area|street|part of (?:midlothian|town))(?: (?:is|are) (?:that|it|they|this|those|them)(?: in| based in)?)?\??$|address|(?:the|their|its|whats the) post ?code|where(?: ?abouts)? (?:exactly )?(?:are|r|is) (?:they|it|that|this|them)(?! from)|where(?:'?s| is) (?:it|that)(?! from)|located|location|find them|based|where(?:'?s| is) the (?:building|place|centre|center|office|hub|venue|base|premises))\b/],
  // ("is anyone there overnight?", "is that line open at night?": when they are open.)
  ['hours', /^(?:(?:and|but|what about|how about)\s+){0,2}(?:at night|overnight|in the evenings?|evenings|nights|at weekends)\??$|\b(?:open|(?:anyone|someone|anybody|somebody) (?:is )?there|staffed|available|answered|manned)\s+(?:at night|overnight|all night|through the night|round the clock|24 ?(?:hours|hrs|\/7))\b|\b(opening|hours|hrs|24 ?h(?:rs?|ours)?|24\/7|times|what time|(?:which|what) days?(?: (?:are they|is it|do they|does it|does the \w+|is \w+)(?: (?:open|on|run|in \w+))?)?$|when (?:are|is|do|does) (?:they|it)(?: open| close)?(?! (?:end|ends|finish|finishes|expire|expires)\b)|(?:are|is|do|does) (?:they|it) (?:open|close|shut)|open (?:on|at|today|tomorrow|now|late)|closed|weekends?)\b/],
  // ("the alarm - how much", "how much a week?": its price.)
  // ("is it dear?", "are they pricey": its price.)
  ['cost', /\b(cost|costs|free|charge|charges|price|fees?|(?:is|are|was|would|will) (?:it|they|that|this|them|those)(?: be)? (?:very |too |really |quite |awful |that )?(?:dear|pricey|expensive|costly)|pay for it|how much(?: (?:a|per|each) (?:week|month|session|hour|year|visit|night|day))?$|(?:have|need|got) to pay(?: for (?:it|that|them|this))?|^(?:and |so |but )?(?:too |very |really )?(?:dear|pricey|expensive|costly)(?: (?:tho|though|at all|or free|or not))?$|pay anything|how much (?:is (?:it|that|this)|does (?:it|that|this) cost|(?:will|would) (?:it|that|this) cost|do they (?:charge|cost)))\b/],
  ['who', /\b((?:have|has|need|needs) to be (?:older|younger|over|under|aged|of a certain age|a pensioner|\d{1,3})|(?:is it|are they|is that) only for (?:older|younger|over|under|people|the elderly|pensioners)|who (?:is it|are they|can use|is that) for|who(?:'?s| is) (?:it|that|this|they) (?:for|aimed at)|who (?:is it|are they) aimed at|who do (?:they|you) (?:help|support|see|work with)|(?:can|do|will) (?:they|it) (?:help|support|see|take|accept)|eligible|eligibility|qualif(?:y|ies|ied)|who can (?:go|use|get|apply|claim)|(?:what|which) ages?|(?:(?:upper|lower|top|bottom|maximum|minimum|max|min) )?ages? (?:limit|range|cut ?off|group|bracket|criteria)s?|(?:referral |entry )?criteria|(?:maximum|minimum|max|min) age|(?:up to|upto|until|till|to) what age|how old|can (?:he|she|her \w+|his \w+|my \w+) (?:go|use|attend|join)(?: (?:it|there|them|that|too))?$|(?:is|are) (?:he|she|they) too (?:young|old)|(?:(?:and |but )?what if (?:he'?s|she'?s|they'?re|(?:he|she|they) (?:is|are)) (?:only |just |under |over )?\d{1,3}(?: (?:years? old|yo|yrs?(?: old)?))?$)|(?:(?:(?:he|she|mum|mam|dad|gran|granny|nan|grandad|wife|husband|son|daughter)'?s|they'?re|(?:he|she|they|[a-z]+) (?:is|are)|aged) \d{1,3}(?: (?:years? old|yo|yrs?(?: old)?))?,? (?:is that|would that be|will that be|is it|does that matter|does it matter|still)(?: (?:ok|okay|alright|fine|a problem|too old|too young))?$))\b/],
];

/** Words that name a detail, or the asking of one, rather than what the detail is about: "is there a
 * walk in" asks about walking in, "whats their number" about nothing more than the number. */
// ("r" and "u" are text-speak for "are" and "you": "where r they".)
const DETAIL_NAMES = new Set(['r', 'u', 'come', 'through', 'via', 'whereabouts', 'abouts', 'town', 'village', 'postcode', 'post', 'code', 'info', 'information', 'phone', 'freephone', 'speak', 'talk', 'telephone', 'ph', 'number', 'numbers', 'numbr', 'no', 'nos', 'num', 'nr', 'mobile', 'call', 'ring', 'contact', 'tel', 'line', 'email', 'website', 'site', 'online', 'link', 'url', 'address', 'located', 'location', 'based', 'find', 'opening', 'hours', 'hrs', 'times', 'time', 'cost', 'costs', 'free', 'charge', 'charges', 'price', 'fee', 'fees', 'closed', 'close', 'shut', 'refer', 'referral', 'referrals', 'referring', 'referred', 'apply', 'applying', 'get', 'touch', 'access', 'go', 'join', 'start', 'seen', 'place', 'space', 'slot', 'eligible', 'eligibility', 'qualify', 'qualifies', 'age', 'ages', 'old', 'help', 'support', 'use', 'take', 'accept', 'book', 'sign', 'put', 'forward', 'urgent', 'direct', 'advice', 'appointment', 'appt', 'aimed']);

/** Words for the people a service may be for. */
const PEOPLE = /^(?:kids?|child|children|bairns?|babies|baby|toddlers?|teens?|teenagers?|young|youngsters?|adults?|men|women|males?|females?|older|elderly|people|folk|under|over|\d+s|years?|olds?)$/;

/** Verbs that only say how something is asked ("will she have to pay"). */
const MODAL = /^(?:will|would|shall|should|must|might|may|need|needs|needed|ought)$/;

/** Words asking for the like of what was shown: "something similar", "something gentler", "too". */
const ALIKE = /\b(?:similar|same|too|as well|likewise|like (?:that|this|those|these)|(?:something|anything|somewhere) \w+er|\w+er than)\b/;

/** Words that can only point at a service or thing shown, not at the person being helped. */
const SERVICE_POINTER = /\b(?:it|they|them|their|theyre|thier)\b/i;

/** Words that point back at what was just shown. */
// "he", "she", "her" are usually the person being helped, asking on about what was just shown; a message
// that stands on its own is still read as new (see resolveFollowUp).
const ANAPHORA = /\b(they|them|their|theirs|thier|ther|theyre|it|its|that|this|he|him|his|she|her|hers|that one|this one|those|these|ones?|same|that service|this service|the service|there|about (?:that|this))\b|\b(?:too|as well|also)$/;
/** "can someone change their option?", "do carers have to pay for their breaks?": "they" and "their"
 * after someone the message itself names point at that someone, not back at the last answer. */
const NAMES_ITS_OWN = /\b(?:someone|somebody|anyone|anybody|a person|people|a client|clients|a carer|carers|a family|families|a pa|pas|staff|workers|a worker|an adult|adults|a child|children|a young person|young people|parents|a parent)\b/;

/** "would it be easier if …", "is it ok to …": an "it" that stands for what comes after, not for what was shown. */
const DUMMY_IT = /\b(?:is|isnt|was|would|wd|wld|will|could|might) it (?:be |really |still )?(?:ok|okay|alright|possible|worth|true|legal|allowed|better|easier|best|normal|usual|common|fine|sensible|quicker|cheaper|simpler) (?=(?:to|if|that|when)\b)/g;

function pointsBackIn(lower: string): boolean {
  const plain = lower.replace(DUMMY_IT, ' ');
  const own = NAMES_ITS_OWN.exec(plain);
  const text = own ? plain.slice(0, own.index) + plain.slice(own.index).replace(/\b(?:they|them|their|theirs|theyre)\b/g, ' ') : plain;
  return ANAPHORA.test(text) || WHICH_OF_SHOWN.test(text);
}

/** "which does midlothian fund?", "which ones are free?": "which" with no thing of its own picks among what was shown. */
// ("which is the best dementia group?" names its own thing: "is" and "are" only after "ones" or "of them".)
const WHICH_OF_SHOWN = /^(?:(?:and|so|but|ok)\s+)?which(?:\s+(?:do|does|did|can|could|will|would|should|has|have)|(?: ones?| of (?:them|those|these))\s+(?:do|does|did|is|are|was|were|can|could|will|would|should|has|have))\b/;
/** "which aim is that under?", "what timescale is it", "where is that in the plan". */
const WHERE = /^(?:(?:and|so)\s+)?(?:(?:which|what)\s+(?:aim|outcome|timescale|time scale|section|part|chapter|heading|document)s?(?:\s+(?:number|no|num))?\s+(?:is|are|does|was)\s+(?:that|this|it|they)(?:\s+(?:in|under|on|from|part of|sit|sits|fall|falls|come|comes|belong|belongs|go|goes)(?:\s+[a-z0-9.]+){0,4})?\s*$|where (?:is|does) (?:that|this|it) (?:sit|come|fit)|where (?:is|was) (?:that|this|it) in the (?:plan|document|guidance))/;
/** "where's that from?", "where do those figures come from?", "what's the source?", "which survey?". */
const SOURCE_ASKED = /^(?:(?:and|so|ok)\s+)?(?:where(?:'?s| is| are| does| do| did)? (?:that|this|it|those|these|they|(?:the|that|this|those|these) (?:figures?|stats?|statistics|numbers?|data|percentages?)) (?:from|come from|coming from|comes from)|what(?:'?s| is| was) the source(?: of (?:that|this|those|these|it))?|(?:which|what) survey(?:'?s| (?:is|was))?(?: (?:that|it|this|those|these)(?: (?:from|in))?)?|(?:any |the |a )?source (?:for|of) (?:that|this|those|these|it|them))$/;
const TERM = '(?:short|medium|long(?:er)?)(?:[\\s-]*terms?)?';
/** "is that short or medium term?", "short, medium or long term?", "is that one of the short term aims?",
 * "what's the timescale for that": asked of a plan outcome, which has one, the answer is where it sits;
 * asked of anything else, the question is searched again with the term. "Is it long?" is not one. */
const TERM_ASK = new RegExp(
  `^(?:(?:and|so)\\s+)?(?:(?:is|are|was) (?:that|this|it|they) (?:one of )?(?:an? |the )?${TERM}(?:\\s+(?:or|and|to)?\\s*${TERM})*(?: aims?| priorit(?:y|ies)| goals?| ones?)?` +
    "|what(?:'?s| is) the (?:timescale|time scale|timeframe|time frame)(?: (?:for|on) (?:that|this|it))?" +
    // ("short or medium term?" alone: which of them, as asked of what was shown.)
    `|${TERM}(?:\\s+(?:or\\s+)?${TERM})*\\s+or\\s+${TERM})(?: then)?\\s*$`,
);
/** "is that a now thing or later on?", "how soon is that meant to happen?": when, asked of an outcome. */
// ("When is it due?" may ask a date the passage gives, and is searched in it.)
const SOON_ASK = /^(?:(?:and|so|ok)\s+)?(?:is (?:that|this|it) (?:a )?(?:now|soon|later(?: on)?)(?: thing)?(?: or (?:a )?(?:now|soon|later(?: on)?)(?: thing)?)?|how soon (?:is|will) (?:that|this|it)(?: (?:meant|going|due|supposed) to)?(?: happen| be done)?)\s*$/;
const termAsked = (lower: string): boolean => (TERM_ASK.test(lower) && /term|aim|priorit|time ?(?:scale|frame)/.test(lower)) || SOON_ASK.test(lower);
/** Details a service record holds: how to reach a service and how to refer to it. */
const CONTACT_FIELDS = new Set<DetailField>(['phone', 'email', 'website', 'address', 'hours', 'refer']);
/** "who picks the option then?", "so what do we do instead?": words that carry on from the last answer. */
const CONTINUES = /^(?:so|but)\s|\b(?:then|instead|though|either)$/;
/** "any other …", "anything else", "who else": more of what was just shown, or something beside it. */
const OTHER = /\b(?:any|some|what|which|anything|anyone|anywhere|somewhere|someone|something|who|where|what)\s*(?:other|else)\b|\bother\s+(?:ones?|services?|places?|options?|groups?|towns?|areas?|centres?)\b/;
/** Words that point at the thing just shown, not at the person being helped. */
const THING = /\b(they|them|their|thier|theyre|it|its|that|this|those|these)\b/;
/** "there" as a place ("any extra care housing there?"), not "is there …" or "there is …". */
const PLACE_POINTER = /\s(?:(?:in|near|round|around|over) )?(?:there|that area|the same area|same area)\??$/;
const THERE_IS = /\b(?:is|are|was|were|isnt|arent|be|been) there\b|\bthere(?:s| is| are| was| were| will| would| should| must| might| may| isnt| arent)\b/;
/** Lead-ins that continue the last question. */
const LEAD = /^(?:(?:and|but|or|also|so|then|ok(?:ay)?|right)\s+)*(?:what about|how about|what of|what if|and if|even if|same for|same but|what(?:'?s| is) the equivalent (?:for|of|in)|(?:tell me |say )?more (?:about|on)|and|why(?: not| is| are| cant| can't| do| does)?|any(?:thing|one)?(?: else)?|is there (?:one|anything|any|something)|are there any|only|just)\b\s*/;
/** "sorry i meant …", "no, i mean …", "i meant …", "i should have said …": what follows corrects the last
 * question. ("Meant to ask – …" and "i mean, she's not coping" start a question of their own.) */
const CORRECTION = /^(?:(?:(?:sorry|soz|sry|oops|whoops|my bad|apologies|no|nope)\s+)+(?:i\s+)?(?:meant|mean)|i\s+meant|i should have said)(?:\s+to say)?\s+(?!to\s)/;
/** Words that name one of the three sources. */
const SOURCES: Array<[PassageKind, RegExp]> = [
  ['plan', /\b(?:the |our )?(?:strategic )?plan\b/],
  ['sds', /\b(?:the )?(?:sds|self-directed support) (?:guidance|articles?)\b|\bin (?:the )?sds\b/],
  ['service', /\b(?:the )?(?:directory|services? (?:directory|list))\b/],
];
const SOURCE_WORDS = new Set(['plan', 'strategic', 'say', 'says', 'said', 'sds', 'guidance', 'article', 'articles', 'directory', 'list', 'self', 'directed', 'support', 'mention', 'mentions', 'written', 'think']);

/** How a question of its own usually starts. */
const QUESTION_FORM = /^(?:what|whats|which|who|whos|whom|whose|where|wheres|when|why|how|hows|is|are|can|could|does|do|did|should|will|would|tell me|show me|give me|list|find|i need|we need|looking for|plan|sds|services?)\b/;
/** "tell me more", "more info", "the full text": more of the thing shown. */
// (With the words staff wrap it in: "ok more detail pls", "can you go into more detail on that".)
const MORE_OF_SHOWN = /^(?:(?:ok|okay|ta|thanks|right|and|so|yes|yeah) )?(?:(?:can you |could you |please )?(?:tell me|show me|give me|say|explain) (?:a bit |a little |some )?more|(?:a bit |a little |some )?more(?: please| info(?:rmation)?| details?| on (?:that|this|it))?|(?:can you |could you |please )?(?:go into|give|gimme|need|want)(?: a bit| a little| some)? (?:more )?detail|in more detail|go on|read more|the full (?:text|passage|thing)|expand|elaborate|full details?)(?: (?:about|on) (?:that|this|it|them))?(?: (?:please|pls|plz|thanks|ta))?$/;
/** "tell me more about X", "more detail on X pls": more about a thing the last answer named. */
const MORE_ABOUT = /^(?:(?:ok|okay|and|so|right)\s+)?(?:(?:can you |could you |please )?(?:tell me|say|give me|show me)\s+)?(?:a bit |a little |some )?more(?: (?:detail|details|info|information))?\s+(?:about|on)\s+(.+?)(?:\s+(?:pls|please|plz))?$/;
/** "any others?", "what else is there?": more results. */
const MORE_RESULTS = /^(?:what else(?: is there| have you got| do you have)?|any (?:others|more)|(?:any |show me )?other (?:ones|services|options|results)|others|more like this)(?: about (?:that|this|it|them))?$/;
const ORDINALS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5 };
// "the second one", "open the first", "second?", "number 2" pick an item; "tell her first" does not.
const ORDINAL = /\b(?:the|open|that)\s+(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last)(?:\s+(?:one|service|result|item|link|card|option))?(?:'s)?\b|\b(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last)\s+(?:one|service|result|item|link|card|option)(?:'s)?\b|^(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last)$|\b(?:number|no\.?)\s*([1-5])\b/;
/** Words around "the third one" that ask for the item itself. */
const ITEM_FILLER = new Set(['one', 'ones', 'show', 'give', 'tell', 'pls', 'please', 'plz', 'open', 'read', 'about', 'more', 'again', 'bit', 'thing', 'point', 'item']);
/** Verbs a short question asks with ("who decides?", "who pays?", "what happens?"): never a topic alone. */
const ASKING_WORDS = new Set(['decide', 'decides', 'decided', 'pay', 'pays', 'paid', 'happens', 'happen', 'happened', 'qualify', 'qualifies', 'counts', 'count', 'mean', 'means', 'meant', 'chooses', 'choose', 'picks', 'pick', 'agrees', 'agree', 'approves', 'approve', 'signs', 'sign', 'checks', 'check', 'arranges', 'arrange', 'manages', 'manage', 'holds', 'hold', 'runs', 'run', 'funds', 'fund', 'long', 'often', 'soon', 'quick', 'quickly', 'else', 'next', 'exactly', 'works', 'work', 'sets', 'set',
  // "what are the conditions?", "any exceptions?": the rules of what was shown.
  'conditions', 'condition', 'rules', 'rule', 'criteria', 'requirements', 'exceptions', 'exception', 'catch', 'steps', 'process', 'restrictions', 'limits',
  // "until what age?", "what age?": the age of what was shown.
  'age', 'ages',
  // "what counts as a reason?"
  'reason', 'reasons', 'grounds']);
/** An asking word, or a typo inside a long one ("what resons count", "condtions"). A word whose first or
 * last letter differs is usually another word ("seasons", "manager" beside "manages"), not a typo. */
function isAskingWord(word: string): boolean {
  if (ASKING_WORDS.has(word)) return true;
  return word.length >= 5 && [...ASKING_WORDS].some((a) => a.length >= 6 && a[0] === word[0] && a.at(-1) === word.at(-1) && withinOneEdit(a, word));
}

/** Who may make a referral: in a question about referring, they say who asks, not what about. */
const REFERRERS = new Set(['family', 'families', 'relative', 'relatives', 'gp', 'gps', 'doctor', 'doctors', 'nurse', 'nurses', 'carer', 'carers', 'daughter', 'son', 'wife', 'husband', 'partner', 'mum', 'dad', 'school', 'teacher', 'hospital', 'ward', 'worker', 'workers', 'sw', 'social', 'professional', 'professionals', 'directly', 'direct', 'themselves', 'herself', 'himself', 'send', 'sent', 'need', 'needs', 'just',
  // ("can a practice nurse refer?", "can the physio refer her?", "do they take self referrals?")
  'practice', 'practitioner', 'practitioners', 'physio', 'physios', 'physiotherapist', 'ot', 'ots', 'pharmacist', 'midwife', 'hv', 'cpn', 'district', 'consultant', 'psychiatrist', 'police', 'self', 'agency', 'agencies']);
/** "how quick do they see them?", "how soon", "how long is the wait": asks for a time, which a record
 * says in its own sentence ("assess GP referrals within 4 hours"), not in a field. */
const HOW_SOON = /\bhow (?:quick(?:ly)?|fast|soon|long|many (?:weeks|months|sessions))\b|\b(?:waiting (?:list|time)|wait(?:ing)? is it)\b/;
/** Words a follow-up uses that are not a topic of their own. */
const FILLER = new Set(['pls', 'self', 'set', 'up', 'setup', 'sorted', 'arranged', 'other', 'others', 'another', 'please', 'plz', 'thanks', 'ta', 'out', 'then', 'night', 'nights', 'evening', 'evenings', 'weekend', 'weekends', 'today', 'tonight', 'tomorrow', 'now', 'late', 'morning', 'saturday', 'sunday', 'holidays', 'address', 'details', 'open', 'much', 'many', 'does', 'ones', 'one', 'near', 'nearby', 'around', 'area', 'instead', 'here', 'too', 'well', 'only', 'else', 'anywhere', 'somewhere', 'elsewhere', 'till', 'until', 'til', 'same', 'bit', 'more', 'matter', 'matters', 'term', 'terms', 'short', 'medium', 'long', 'longer', 'aim', 'aims', 'outcome', 'outcomes', 'action', 'actions', 'goals', 'commitments', 'option', 'options', 'priorities', 'priority', 'people', 'service', 'services', 'local', 'nearer', 'closer', 'yes', 'ok', 'okay', 'also', 'see', 'show', 'give', 'list', 'listed', 'included', 'mentioned', 'covered']);

/** Words a follow-up is read by that staff often mistype ("adress?", "webiste", "referal", "phne",
 * "legislaton", "refered"): read as the word meant.
 * Only a word one edit away that keeps its first and last letters is taken as a typo ("contract" is not
 * "contact", so contact is not here). */
const DETAIL_WORDS = ['address', 'number', 'phone', 'website', 'referral', 'referred', 'opening', 'telephone', 'postcode', 'legislation', 'regulation', 'regulations', 'legally', 'statutory', 'eligible', 'eligibility', 'timescale', 'medium', 'weekends'];

/** Real words a letter from a detail word ("is she too prone to falls"). */
const NOT_DETAIL_TYPOS = new Set(['prone', 'opining']);

function correctDetailTypo(word: string): string {
  if (word.length < 4 || DETAIL_WORDS.includes(word) || NOT_DETAIL_TYPOS.has(word)) return word;
  // ("what would he acutally be doing on it": the filler, as meant.)
  const filler = fillerAdverbMeant(word);
  if (filler) return filler;
  return DETAIL_WORDS.find((d) => d[0] === word[0] && d.at(-1) === word.at(-1) && withinOneEdit(d, word)) ?? word;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/(\d)\.(\d)/g, '$1\u2024$2')
    .replace(/[?!.,;:]+/g, ' ')
    .replace(/\u2024/g, '.')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[a-z]+/g, correctDetailTypo)
    .replace(/.+/, timescaleTyposCorrected)
    // "applyin", "gettin": the word as meant.
    .replace(/\b(apply|referr|call|ring|go|look|wait|book|join|start|sign|ask|pay|stay|tak|mak|hav|com|gett|us|fill|phon)in\b/g, '$1ing')
    // "hou much", "wot if": the asking word as meant.
    .replace(/\b(?:hou|hw)\b/g, 'how')
    .replace(/\b(?:wot|wat|wht)(s?)\b/g, 'what$1')
    // "ther no.", "wats there no": their phone number, typed short.
    .replace(/\b(?:ther|thier|thr)\b/g, 'their')
    .replace(/\b(?:there|their|its|his|her)\s+(?:no|nos|num|nr|nmbr|numbr|numba|number)$/, 'their number')
    .replace(/.+/, anyTypedAsItSounds)
    // "the other one you mentioned", "the place u said": which was shown, told twice; the pointing words stay.
    .replace(/\b(the (?:other |first |second |last )?(?:[a-z]+ )?(?:one|ones|place|service|group|number|line|lot|charity))\s+(?:that |which )?(?:you|u) (?:just )?(?:mentioned|said|gave(?: me)?|showed(?: me)?|listed|suggested|sent(?: me)?|put up|came up with|found)\b/g, '$1')
    // "n what about overnight", "& in penicuik?": chat shorthand for "and".
    // ("n has dementia" is a client's initial.)
    .replace(/^(?:n(?= (?:what|how|for|in|at|if|on|any|when|where|the|their|is|are|do|does|pas?|carers?|kids|children|options?|aims?|outcomes?|dps?|isfs?|young|older|adults|after|before|under|over|an?|weekends?|nights?|evenings?|email|address|cost|volunteer\w*)\b)|&)\s+/, 'and ')
    // "which outcome number is that under": the outcome asked, not a phone number ("aim number 3" keeps its number).
    .replace(/\b(aim|outcome|option|standard|section|regulation)s?\s+(?:numbers?|num)\b(?!\.?\s*\d)/g, '$1')
    // "any figures to back that up?": asks for evidence of what was shown; "back" is no topic.
    .replace(/\s*\b(?:to )?back (?:it|that|this|them|those|these) up\b/g, '');
}

export function slotsIn(text: string): Slots {
  const lower = normalise(text);
  const slots: Slots = {};
  const place = communitiesIn(text)[0];
  if (place) slots.place = place;
  // An outcome code on its own ("and 2.2?") is an outcome too.
  const outcome = /\boutcome\s*(?:no\s*)?([123]\.[123])\b/.exec(lower)?.[1] ?? /(?:^|\s)([123]\.[123])(?=\s|$)/.exec(lower)?.[1];
  if (outcome) slots.outcome = outcome;
  // (Any number: "and aim 4?" of a plan with three aims is asked, and the search says there is no aim 4.)
  const aim = /\baim\s*(?:no\s*|number\s*)?(\d{1,2})(?![.\d])(?!\s*(?:%|per ?cent|weeks?|wks?|months?|days?|hours?|hrs?|minutes?|mins?|years?|yrs?|beds?|places|people))/.exec(lower)?.[1];
  if (aim) slots.aim = Number(aim);
  // "medium?" on its own is a timescale too.
  const timescale = /\b(short|medium|long(?:er)?)[\s-]*terms?\b/.exec(lower)?.[1] ?? /^(?:and |what about |the )?(short|medium|long(?:er)?)(?: ones?)?$/.exec(lower)?.[1];
  if (timescale) slots.timescale = timescale.startsWith('long') ? 'longer' : (timescale as Timescale);
  // "and the stuff further out?", "further down the line": the longer term.
  else if (LONGER_SAID.test(lower)) slots.timescale = 'longer';
  const option = /\boption\s*(?:no\s*|number\s*)?([1-4])\b/.exec(lower)?.[1] ?? /\bthe\s+(first|second|third|fourth|1st|2nd|3rd|4th)\s+option\b/.exec(lower)?.[1];
  if (option) slots.option = Number(option) || ORDINALS[option];
  return slots;
}

/** "the stuff further out", "further down the line", "in the long run": the longer term, in other words. */
// ("is there anything further out, like gorebridge?" is a place further away.)
const LONGER_SAID = /\b(?:stuff|things?|bits?|ones?|work|aims?|actions?|plans?) (?:further|farther) (?:out|ahead|off|down the (?:line|road|track))\b|\bfurther down the line\b|\bin the long run\b/;

function withoutSlots(lower: string): string {
  let out = lower;
  for (const c of COMMUNITIES) out = out.replace(new RegExp(`\\b(?:in|near|around|at|for|to|closer to|nearer)?\\s*${c.toLowerCase()}\\b`, 'g'), ' ');
  return out
    .replace(/\b(?:outcome\s*(?:no\s*)?)?[123]\.[123]\b/g, ' ')
    .replace(/\b(?:strategic\s+)?aim\s*(?:no\s*|number\s*)?\d{1,2}\b(?!\s*(?:%|per ?cent|weeks?|wks?|months?|days?|hours?|hrs?|minutes?|mins?|years?|yrs?|beds?|places|people))/g, ' ')
    .replace(/\b(?:short|medium|long(?:er)?)[\s-]*terms?\b/g, ' ')
    .replace(new RegExp(LONGER_SAID.source, 'g'), ' ')
    .replace(/\b(?:sds\s+)?option\s*(?:no\s*|number\s*)?[1-4]\b/g, ' ')
    .replace(/\bthe\s+(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+option\b/g, ' ');
}

/** Words that frame a question about the plan's commitments ("what did we commit to on …"), not its topic. */
const LIST_FRAME = /^(?:commit\w*|promis\w*|pledge\w*|say|says|said|do|doing|ijb|strategic)$/;
/** Wording that asks for figures in general ("any stats on carers?"). */
/** Words that name the kind of answer asked for, not a topic. */
const ANSWER_KIND_WORDS = /^(?:year|years|yr|date|dates|month|months|day|days|when|time|figure|figures|number|numbers|percent|percentage|amount|total|much|many)$/;

/** "which year was that?", "what date?": the message's words name only the kind of answer it wants. */
export function namesOnlyTheAnswer(text: string): boolean {
  return topicWords(normalise(text)).every((w) => ANSWER_KIND_WORDS.test(w));
}

/** "figures?", "any stats?", "got numbers on that": asking for figures and nothing else. */
const BARE_STATS = /^(?:(?:and|so|ok|any|some|the|got)\s+)*(?:stats|statistics|figures|numbers|data)(?:\s+(?:on|for|about) (?:that|this|it|them|those))?(?:\s+(?:too|please|pls))?$/;
const STATS_ASK = /\b(?:stats|statistics|figures|numbers on|data on)\b/;
/** Wording that asks for a figure or a date. */
const FIGURE_OR_DATE_ASK = /\b(?:how many|how much|how long|how often|what percentage|what proportion|what share|since when|by when|from when|what year)\b/;

/** "any stats on carers?", "how many are there?", "what percentage?": asks for counts or shares, the
 * plan's kind of figure ("how much will she pay?" asks a price, which the plan does not give). */
export function asksForFigures(text: string): boolean {
  const lower = normalise(text);
  return STATS_ASK.test(lower) || /\b(?:how many|what percentage|what proportion|what share|percent(?:age)?)\b/.test(lower);
}

/** Who a question is about, by age: "adult", "young people", "under 16s", "kids", "older people" (a
 * group of two words read whole: "young adults" are adults). */
const AGE_GROUP = /\b(?:young adults?|older (?:people|adults?|children)|young (?:people|persons?)|(?:under|over)[ -]?\d{1,2}s?|adults?|young|kids?|child|children|teens?|teenagers?|older|elderly)\b/;
/** An age word that is part of a thing's name ("adult support and protection", "adult social work"). */
const NAMED_AFTER_AGE = /^\s+(?:support and protection|social (?:work|care)|protection|services? (?:team|directory))\b/;

/** The question with the age group it asked about replaced by the one the message names, when that group
 * is all the message adds; undefined otherwise. */
function withGroupSwapped(question: string, message: string, topic: string[]): string | undefined {
  const asked = AGE_GROUP.exec(message)?.[0];
  const before = AGE_GROUP.exec(question.toLowerCase());
  if (!asked || !before || stem(before[0]) === stem(asked) || asked.split(' ').some((w) => stem(w) === stem(before[0]))) return undefined;
  if (NAMED_AFTER_AGE.test(question.slice(before.index + before[0].length).toLowerCase())) return undefined;
  const groupWords = new Set(contentTokens(asked));
  const known = new Set(contentTokens(question.toLowerCase()).map(stem));
  if (!topic.every((t) => groupWords.has(t) || AGE_GROUP.test(t) || known.has(stem(t)))) return undefined;
  return `${question.slice(0, before.index)}${asked}${question.slice(before.index + before[0].length)}`;
}

/** Adds a follow-up's words to the last question. When they end on a word the question has ("and for
 * adult carers?" after "young carers"), they take the place of that word and the one before it. */
export function withTopic(question: string, topic: string[]): string {
  const head = topic[topic.length - 1];
  if (topic.length >= 2 && head) {
    const words = question.split(/\s+/);
    const at = words.findIndex((w) => stem(w.toLowerCase().replace(/[^a-z']/g, '')) === stem(head));
    if (at >= 0) {
      let from = at > 0 && !isStopWord(words[at - 1].toLowerCase()) ? at - 1 : at;
      if (from > 0 && /^an?$/i.test(words[from - 1])) from--; // "an unpaid carer" → "young carers"
      return [...words.slice(0, from), ...topic, ...words.slice(at + 1)].join(' ');
    }
  }
  return `${question} ${topic.join(' ')}`.trim();
}

/** Puts the follow-up's slots into the last question, replacing the ones it had. */
export function applySlots(question: string, slots: Slots, shownTitle?: string): string {
  let q = question.trim().replace(/[?!.]+$/, '');
  if (slots.place) {
    for (const c of COMMUNITIES) q = q.replace(new RegExp(`\\s*\\b(?:in|near|around|at|for)?\\s*${c}\\b`, 'gi'), '');
    q = `${q} in ${slots.place}`;
  }
  if (slots.outcome) {
    q = /\boutcome\s*[123]\.[123]\b/i.test(q) ? q.replace(/\boutcome\s*[123]\.[123]\b/i, `outcome ${slots.outcome}`) : `${q.replace(/\b(?:strategic\s+)?aim\s*(?:no\.?\s*)?\d{1,2}\b/i, '').trim()} outcome ${slots.outcome}`;
  }
  if (slots.aim) {
    q = q.replace(/\boutcome\s*[123]\.[123]\b/i, '').trim();
    q = /\baim\s*(?:no\.?\s*|number\s*)?\d{1,2}\b/i.test(q) ? q.replace(/\baim\s*(?:no\.?\s*|number\s*)?\d{1,2}\b/i, `aim ${slots.aim}`) : `${q} under aim ${slots.aim}`;
  }
  if (slots.timescale) {
    const t = `${slots.timescale} term`;
    q = /\b(?:short|medium|long(?:er)?)[\s-]*terms?\b/i.test(q) ? q.replace(/\b(?:short|medium|long(?:er)?)[\s-]*terms?\b/i, t) : `${q} ${t}`;
  }
  if (slots.option) {
    // After another option, or the options in general, an option is a topic of its own ("what is
    // option 2"); after anything else it is asked of that ("can she still have option 4?" after being
    // found not eligible for a direct payment, "what about option 2?" after the ways to fund change).
    // (After services, "what about option 2?" asks what it is: a list of lunch clubs has no option.)
    const aboutOptions = shownTitle === undefined || /\boptions?\b/i.test(`${q} ${shownTitle}`);
    q = /\boption\s*[1-4]\b/i.test(q) ? q.replace(/\boption\s*[1-4]\b/i, `option ${slots.option}`) : aboutOptions ? `what is option ${slots.option}` : `${q} option ${slots.option}`;
  }
  return q.replace(/\s+/g, ' ').trim();
}

/** "that line", "the group": a service shown, named by what it is. */
const SHOWN_BY_KIND = /\b(?:that|this|the|their|its) (line|helpline|group|groups|service|centre|center|team|club|scheme|project|charity|programme|program|course|classes|sessions)\b/g;

/** Words that say only how or why someone gets in touch: "the best number to ring to find out more". */
const HOW_REACHED = /^(?:ring|call|phone|contact|reach|speak|talk|touch|find|best|right|main|quickest|easiest|more|info|information|details|know|ask|enquire|enquiries|general|use|give|get|first|start)$/;

const CONTACT_VERB = /\bto (?:ring|call|phone|contact|reach|speak to|talk to)\b/;

/** A relative named as who is asked about. */
const KIN = /^(?:mum|mam|mother|dad|father|wife|husband|partner|son|daughter|sister|brother|gran|granny|grandma|nan|grandad|grandson|granddaughter|auntie|aunt|uncle|cousin|niece|nephew|neighbour|friend|pal)s?$/;

/** A word of an hour told: "2am", "2" and "am", "midnight". */
const HOUR_WORD = /^(?:\d{1,2}(?:am|pm)?|am|pm|midnight|oclock)$/;

/** Other contact details asked in the same message, joined by "and": "number and where are
 * they", "what hours do they open, and could you give me the number". (A phone only by a word for it:
 * "when can she ring them" asks when, not the number.) */
function alsoAsked(lower: string, field: DetailField): DetailField[] {
  if (!/ (?:and|&) /.test(` ${lower} `)) return [];
  const others = DETAILS.filter(([f, pattern]) => f !== field && f !== 'who' && pattern.test(lower)).map(([f]) => f);
  return [...new Set(others)].filter((f) => f !== 'phone' || /\b(?:number|phone|telephone|tel|num|contact (?:number|details))\b/.test(lower));
}

function detailField(lower: string): DetailField | undefined {
  return DETAILS.find(([, pattern]) => pattern.test(lower))?.[0];
}

function detailWords(lower: string): string {
  let out = lower;
  for (const [, pattern] of DETAILS) out = out.replace(new RegExp(pattern.source, 'g'), ' ');
  return out.replace(new RegExp(ORDINAL.source, 'g'), ' ');
}

function ordinalIn(lower: string, count: number): number | undefined {
  const m = ORDINAL.exec(lower);
  if (!m) return undefined;
  const word = m[1] ?? m[2] ?? m[3];
  if (word === 'last') return count > 0 ? count : undefined;
  return word ? ORDINALS[word] : Number(m[4]);
}

/** A negation and the word it negates ("doesnt pick"). */
const NEGATED = /\b(doesnt|dont|didnt|wont|cant|cannot|isnt|arent|wasnt|hasnt|havent|never|not)\s+(?!(?:a|an|the|to|be|have|get|it|that|this|they|he|she|sure|know)\b)([a-z]+)/g;

/** Topic words in a message: what is left once lead-ins, pronouns and slot words are taken out. */
export function topicWords(lower: string): string[] {
  // "if she doesn't pick one": the negation is the point ("doesnt pick", not "pick"), so it stays with its word.
  // ("doesn't" and "doesn’t" are "doesnt" here; a negation word kept on its own is not added again.)
  const negated = new Map([...lower.replace(/['‘’]/g, '').matchAll(NEGATED)].map((m) => [m[2], m[1]]));
  const kept = contentTokens(withoutSlots(lower.replace(LEAD, ' '))).filter((t) => !FILLER.has(t) && !/^\d+(?:st|nd|rd|th)?$/.test(t));
  return kept.flatMap((t, i) => {
    const negation = negated.get(t);
    return negation && !kept.includes(negation) && !/^(?:not|cannot|never)$/.test(kept[i - 1] ?? '') ? [negation, t] : [t];
  });
}

/** "the balance one", "the one about accessible info": words naming an item, not pointing at one. */
const ITEM_BY_WORDS = /^(?:and |so |ok |what about |how about |whats |what is |what was )?the (?:one (?:about|on|for|with|that says) ([a-z0-9' %-]+)|([a-z0-9' %-]+?) one)$/;

/** The number (from 1) of the one item of the list shown whose words hold the words named, if exactly one does. */
function itemNamed(lower: string, last: LastShown): number | undefined {
  if (!last.listItems || last.listItems.length < 2) return undefined;
  const m = ITEM_BY_WORDS.exec(lower);
  const words = m ? (m[1] ?? m[2]) : undefined;
  if (!words || words.split(' ').length > 4 || /^(?:that|this|other|next|last|same|which|what|each|every|any|no|an?|first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)?)\b/.test(words)) return undefined;
  const wanted = contentTokens(words).map(stem);
  if (!wanted.length) return undefined;
  const holding = last.listItems.flatMap((item, i) => {
    const held = new Set(contentTokens(item.toLowerCase()).map(stem));
    return wanted.every((w) => held.has(w)) ? [i + 1] : [];
  });
  return holding.length === 1 ? holding[0] : undefined;
}

/** "the day centre one, …", "the carers one - …": a shown service picked by words of its name before the question. */
const PICKED_ONE = /^(?:(?:and|so|ok|right)\s+)?the ([a-z][a-z' -]{1,40}?) one\b\s*[,:;–—-]?\s*(?=\S)/;

/** What was shown, narrowed to the one service a message picks by name first ("the day centre one,
 * do they pick up?"), or undefined when it picks none. */
export function pickedByName(text: string, last: LastShown): LastShown | undefined {
  if (!last.services || last.services.length < 2) return undefined;
  const m = PICKED_ONE.exec(normalise(text));
  if (!m) return undefined;
  const index = serviceNamed(contentTokens(m[1]), last);
  return index === undefined ? undefined : { ...last, services: [last.services[index - 1]] };
}

/** The index of the one shown service (of two or more) whose name holds the word, if only one does. */
function onlyOneNamed(word: string, last: LastShown): number | undefined {
  const holding = (last.services ?? []).flatMap((s, i) => (contentTokens(s.name.toLowerCase()).includes(word) ? [i + 1] : []));
  return holding.length === 1 && (last.services?.length ?? 0) >= 2 ? holding[0] : undefined;
}

/** Something named, then asked what it is: "the plan mentions primrose lodge - what is it". */
const NAMED_THEN_ASKED = /^(.{6,}?)\s*[-–—]\s*(?:so\s+)?(?:what|who|whats|what's)(?:'s| is| are| was| does| do)? (?:it|that|this|they|them)(?: (?:do|does|mean|about|for|exactly|then))?$/;

/** Words for what kind of thing a service is, not which one. */
const GENERIC_NAME_WORDS = new Set(['place', 'places', 'lot', 'crowd', 'folk', 'people', 'thing', 'org', 'organisation', 'charity']);

/** The index of the shown service whose name the words pick, if they pick one. */
function serviceNamed(words: string[], last: LastShown): number | undefined {
  if (!words.length || !last.services?.length) return undefined;
  // ("the day place", "the carers lot": what kind of thing it is says nothing of which one, beside a word that does.)
  const naming = words.filter((w) => !GENERIC_NAME_WORDS.has(w));
  if (naming.length && naming.length < words.length) return serviceNamed(naming, last);
  const i = last.services.findIndex((s) => {
    const name = new Set(contentTokens(`${s.name} ${s.runBy ?? ''}`.toLowerCase()));
    // "VOCAL's", "vocal" and "VOCAL Midlothian" all name it; a short word must match whole.
    return words.every((w) => name.has(w) || (w.length >= 4 && [...name].some((n) => n.length >= 4 && (n.startsWith(w) || w.startsWith(n)))));
  });
  return i >= 0 ? i + 1 : undefined;
}

/** Whether a message leans on what came before: a lead-in ("and …", "what about …"), a word pointing
 * back ("they", "it", "she"), or a few words that do not stand on their own. */
export function leansBack(text: string, standsAlone: (text: string) => boolean): boolean {
  const lower = normalise(text);
  if (NEW_TOPIC.test(lower)) return false;
  // "is there a …", "are there any …" ask whether something exists: that "there" points nowhere.
  const afterLead = lower.replace(LEAD, '').replace(THERE_EXISTS, ' ');
  if (pointsBackIn(afterLead) || OTHER.test(lower) || CONTINUES.test(lower)) return true;
  // "what are the conditions?", "who decides?": nothing asked but of what was shown.
  if (topicWords(lower).length > 0 && asksNothingOfItsOwn(lower)) return true;
  // "and who is the chief officer?": a lead-in before a question that stands on its own does not lean.
  if (afterLead !== lower && LEAD.test(lower) && !(QUESTION_FORM.test(afterLead.trim()) && standsAlone(afterLead))) return true;
  return lower.split(' ').length <= 6 && !standsAlone(text);
}

/** "what does it say about SDS?", "does it mention carers", "anything in there on falls": asked of the
 * document just shown, not of wherever else the words are answered. */
const ASKS_WHAT_SHOWN_SAYS =
  /\b(?:what|anything|much) (?:does|do|did) (?:it|that|this|they|the (?:plan|document|doc|objective|strategy|report|guidance)) (?:say|says|mention|cover|have)\b.*?\b(?:about|on|re|regarding|for)\b|\bdoes (?:it|that|this|the (?:plan|document|doc|objective|strategy)) (?:(?:say|cover|have) (?:anything |much )?(?:about|on)|mention)\b|\b(?:anything|much) (?:in (?:it|there|that|this)|there) (?:about|on)\b/;

/** What such a message asks the document shown about ("sds" of "what does it say about sds"), or
 * undefined when it does not ask that way. */
export function askedOfShown(text: string): string | undefined {
  const lower = normalise(text);
  const found = ASKS_WHAT_SHOWN_SAYS.exec(lower);
  if (!found) return undefined;
  const topic = lower.slice(found.index + found[0].length).trim();
  return topic || undefined;
}

/** "since when?", "increase since when", "how come?": a bare ask, with no pointing word. */
export function asksBare(text: string): boolean {
  const lower = normalise(text);
  return BARE_ASKS.test(lower) && !THING.test(lower);
}

/** "how much has that grown?", "when was it agreed?": a word pointing at the thing shown and few words
 * more, so the question is about that thing itself. */
export function pointsAtShown(text: string): boolean {
  const lower = normalise(text);
  return (THING.test(lower) || BARE_ASKS.test(lower)) && topicWords(lower).length <= 3;
}

/** "what else can they help with?", "what else does it do": more of the services shown, not others. */
// ("do they do drop-ins anywhere else?" asks where else the services shown run them.)
const MORE_OF_THOSE_SHOWN = /\bwhat else (?:can|do|does|will|would|could) (?:they|it)\b|\b(?:do|does) (?:they|it) (?:do|run|have|hold|offer)\b(?: [\w-]+){1,2} (?:anywhere|somewhere|elsewhere) else\b|\bwhere else (?:are|is|do|does) (?:the|their|they|it|its)\b/;
/** "is there money to pay for it?", "any money towards the break", "a grant to cover it": money for the thing shown. */
const FUNDS_FOR_IT = /\b(?:money|funding|funds?|grants?|financial help)\b(?: [a-z]+){0,2} (?:to pay for|to cover|to fund|towards) (it|that|this|them|the (?:break|breaks|respite|holiday|trip|course|class|classes|gym|equipment|adaptations?))\b/;
/** "so what choices has she got left?", "which options are still open to him": what the passage shown leaves open. */
const CHOICES_LEFT = /^(?:(?:and|so|ok|but)\s+)?(?:what|which) (?:other )?(?:options|choices|alternatives)(?: (?:has|have|does|do|is|are) (?:she|he|they|we|it|there))?(?: (?:got|still|then|now))* (?:left|remaining|open|available)(?: (?:to (?:her|him|them)|then|now))?$/;
/** "how does it break down?", "whats the split": the parts of what was shown, which it lists. */
const BREAKDOWN_ASKED = /^(?:(?:and|so|ok|but)\s+)?(?:how (?:does|is|do|are|was|were) (?:it|that|this|they|them) (?:broken|break|split|divided|made)(?: down| up)?|(?:whats|what is|what's|and|any) (?:the )?(?:breakdown|split)(?: of (?:it|that|this))?|break (?:it|that|this) down(?: for me)?|breakdown)$/;
/** "and the other two?", "the rest?", "what are the remaining ones": the rest of a list just shown. */
const REST_OF_LIST = /^(?:(?:and|but|so|ok)\s+)?(?:(?:what|which) (?:are|were|about) )?(?:the )?(?:other (?:two|three|four|five|six|\d+|ones|bits|points|items|things)|others|rest(?: of (?:them|it|the list))?|remaining(?: (?:ones|two|three|four|\d+))?)$/;
/** "since when?", "how come?": asking about what was just said, with nothing of its own. */
/** "why?", "why not?", "how come?", "whys that": the reason, and nothing more. */
const ASKS_WHY = /^(?:(?:and|but|so|ok)\s+)?(?:why(?: not| is that| so)?|whys that|how come|how so)$/;
/** "what's it made up of?", "how is that broken down?": the parts of what was shown, all of it. */
const ASKS_PARTS = /^(?:(?:and|but|so|ok)\s+)?(?:what(?:s| is| are)? (?:it|that|this|they|those) made up of|what makes (?:it|that|this) up|how (?:is|was) (?:it|that|this) (?:broken down|split(?: up)?|made up|divided(?: up)?)|(?:whats |what is )?the (?:breakdown|split)|breakdown)\??$/;
/** "which aim?", "and which outcome": where the part of the plan shown sits. */
const WHICH_AIM = /^(?:(?:and|so)\s+)?(?:which|what)\s+(?:aim|outcome)(?:\s+(?:number|no))?$/;
/** "timescale?", "what timeframe", "and the timescale": with nothing else, where the part of the plan shown sits in time. */
const WHICH_TIMESCALE = /^(?:(?:and|so|ok)\s+)?(?:(?:which|what|the|its|their|what(?:'?s| is) the)\s+)?(?:timescale|time scale|timeframe|time frame|timeline|timescales|time frames)$/;
/** "which reg is that?", "what section says that", "which standard covers it": the law behind what was shown. */
const REFERENCE_ASKED = /^(?:(?:and|so|ok)\s+)?(?:which|what)\s+(?:reg|regs|regulation|regulations|section|sections|bit of the act|part of the act|law|act|legislation|standard)\s+(?:is|are|was|says|say|covers|cover|applies|apply|sets out)\s+(?:that|this|it|they)\b(?:\s+(?:in|from|under|part of))?$/;
/** "what's the regulation called?", "what section of the act is that", "under which law?", "what's the legal
 * basis for that": the same, asked with the law named first. */
const LAW = '(?:reg|regs|regulation|regulations|section|law|act|legislation|statute)';
/** What staff call the law behind something: "the legal basis", "the legal bit", "the legal side". */
const LEGAL = 'legal (?:basis|bit|side|position|footing|framework|grounds?)';
const REFERENCE_NAMED = new RegExp(
  `^(?:(?:and|so|ok|but)\\s+)?(?:what(?:'?s| is) the (?:${LAW}|${LEGAL})(?: (?:called|number|again))?(?: (?:for|on|behind|about) (?:that|this|it|them))?` +
    `|(?:under|in) (?:what|which) ${LAW}` +
    // ("legal basis?", "legislation for that?", "the legal bit?", "the law on that?": the law asked for in a word or two.)
    `|(?:the )?(?:${LEGAL}|statutory basis|legislation|law)(?: (?:for|on|behind|about) (?:that|this|it|them))?` +
    `|(?:which|what) ${LAW} (?:of|in) the (?:act|law|regs|regulations)(?: (?:is|was) (?:that|this|it)(?: (?:in|from|under))?)?)$`,
);
/** "who are the partners for that?", "whos involved?", "who is leading on it?": who the part shown names. */
const WHO_IS_INVOLVED = /^(?:(?:and|so|ok|but)\s+)?(?:who(?:s| is| are| else is)?\s+(?:the\s+)?(?:partners?|involved|leading(?: (?:on|it|that|this))?|delivering|responsible|working on)|(?:which|what) partners?(?: (?:are|is))?|(?:the\s+)?partners?)(?:\s+(?:for|on|in|with|of|doing)\s+(?:that|this|it|them))?(?:\s+(?:involved|then|too))?$/;
/** "whats on at them?", "what do they do?", "what goes on there?": what the services shown offer. */
const WHAT_THEY_DO = /^(?:(?:and|so|ok)\s+)?(?:how (?:does|do) (?:it|they|that) work|what (?:does|do) (?:it|they|that) involve|what(?:s| is) (?:it|that) exactly|what(?:s| is)? on (?:at (?:them|it|there)|there)|what (?:do|does) (?:they|it) (?:do|offer|run|involve|provide)(?: there| exactly)?|what goes on(?: there| at (?:them|it))?|what (?:kinds? of|sorts? of|types? of|kinda|sorta) (?:things|thing|stuff|activities|groups|sessions)(?: (?:is it|are they|is that|do they do|goes on|is on|happens))?|what (?:kind of |sort of )?(?:activities|groups|things|stuff|sessions) (?:do|does) (?:they|it) (?:do|have|run|offer)|what happens (?:there|at (?:them|it))|what (?:would|will|does|do|might|could) (?:he|she|they|i|we|you) (?:actually |really )?(?:be )?(?:doing|do) (?:on|at|in|there|with)(?: (?:it|that|this|them))?)$/;
/** "where does it say that?": of guidance, the law it rests on ("… in the act?" of anything). */
// ("where's that in the act?" asks the same of anything.)
const WHERE_SAID = /^(?:(?:and|so|ok|but)\s+)?(?:where (?:does|do) (?:it|that|this|they) say (?:that|this|so)|where(?:'?s| is) (?:that|this|it)(?= in the (?:act|law|regs|regulations|legislation)$)|where in the (?:act|law|regs|regulations|legislation) (?:is|does it say) (?:that|this|it)(?= in the)?)( in the (?:act|law|regs|regulations|legislation))?$/;

/** "who isn't allowed one?", "can we stop one that's running?": "one" as the object of a verb stands for
 * a thing named before when nothing of its own follows it; "has one leg", "one to one support", "one
 * night a week" count. */
const ONE_STANDS_FOR = /\b(?:get|gets|getting|got|have|has|had|having|allowed|allowd|given|give|offered|offer|stop|end|cancel|ask for|asks for|need|needs|needed|want|wants|pick|choose|refuse|refused|apply for|request|start|set up|arrange|qualify for|eligible for|entitled to|right to|keep|lose)\s+(one)(?=$|\s+(?:at all|anyway|anyways|sooner|then|too|as well|that|thats|which|once|already|for (?:him|her|them|me|us|it)|if|when|again|now|yet|either|instead|back|still|though|tho|even|please|pls|in the first place)\b)/;
/** People named with "a" ("a lady in her 80s", "a young carer"): what "one" stands for is a thing, not
 * the person; nor is a time ("a week"). */
const PEOPLE_NOUNS = /^(?:lady|man|woman|gentleman|gent|person|patient|pt|su|guy|bloke|boy|girl|lad|lass|son|daughter|wife|husband|partner|mother|father|friend|neighbour|family|couple|carer|client|resident|tenant|older|young|elderly|child|kid|baby|adult|teenager|worker|nurse|doctor|gp|\d+\S*)$/;
const TIME_WORDS = /^(?:day|days|week|weeks|wk|wks|month|months|year|years|hour|hours|hrs|night|nights|fortnight|minute|minutes|bit|lot|few)$/;
/** The thing the last question named with "a" or "an" ("a direct payment", "an acsp"), in its words
 * up to the first word that carries no meaning. */
export function namedWithArticle(question: string): string | undefined {
  for (const m of question.toLowerCase().matchAll(/\b(?:a|an)\s+(?=([a-z0-9'’-]+(?:\s+[a-z0-9'’-]+){0,3}))/g)) {
    const words: string[] = [];
    for (const w of m[1].split(/\s+/)) {
      if (isStopWord(w.replace(/['’]/g, '')) || /^(?:for|to|not|no|will|own)$/.test(w)) break;
      words.push(w);
    }
    if (words.length && !PEOPLE_NOUNS.test(words[0]) && !words.some((w) => TIME_WORDS.test(w))) return `${/^[aeiou]/.test(words[0]) ? 'an' : 'a'} ${words.join(' ')}`;
  }
  return undefined;
}

/** "who can help …", "anyone local that could support her …": someone to help, not a fact ("who has to
 * support her?" asks a duty). */
const WHO_HELPS = /\b(?:who|any ?one|any ?body|some ?one|some ?body|anywhere|somewhere|(?:an?|any) (?:organisations?|orgs?|services?|groups?|charit(?:y|ies)))\b(?:\s+\w+){0,2}?\s+(?:can|could|would|will)\s+(?:help|support|advise|assist)\b/;
/** Words such a message may hold besides pointers: it names no topic of its own. */
const HELP_WORDS = new Set(['help', 'support', 'advise', 'advice', 'assist', 'local', 'locally', 'nearby', 'independently', 'independent', 'set', 'sort', 'organisation', 'organisations', 'orgs', 'service', 'services', 'group', 'groups', 'charity', 'charities', 'anyone', 'someone', 'anybody', 'somebody', 'anywhere', 'somewhere', 'midlothian', 'area', 'round', 'here']);

/** The laws, regulations, sections and standards a text cites, in order, each once ("regulation 6",
 * "section 13", "Standard 6", "the Carers (Scotland) Act 2016"). */
export function legalReferences(text: string): string[] {
  // Numbered provisions in any case ("Section 5" may open a sentence); "section 3 of this plan" is no law.
  const numbered = /\b(?:regulations?|regs?)\s+\d{1,3}[A-Z]{0,2}(?:\s*(?:[–-]|to|and)\s*\d{1,3})?(?!\d)|\bsections?\s+\d{1,3}[A-Z]{0,2}(?:\(\w{1,3}\))*(?:\s*(?:[–-]|to|and)\s*\d{1,3}[A-Z]{0,2})?(?![\d(])(?!\s+(?:below|above)\b|\s+of\s+(?:this|the|our)\s+(?:\w+\s+)?(?:plan|document|report|guidance|article|strategy)\b)|\bstandards?\s+\d{1,2}(?:\.\d{1,2})?(?!\d|\.\d)(?!\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b)/gi;
  // A law's name: capitalised words (with "and", "of", "for", "with", "to" between) ending "Act 2013" or "Regulations 2014".
  const named = /\b[A-Z(][\w'’()-]*(?:\s+(?:[A-Z(][\w'’()-]*|and|of|for|with|to))*\s+(?:Act|Regulations)\s+(?:19|20)\d\d\b/g;
  const found = [...text.matchAll(numbered), ...text.matchAll(named)].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const out: string[] = [];
  for (const m of found) {
    const ref = m[0].replace(/\s+/g, ' ').replace(/^The\s+/, '').trim();
    if (!out.some((r) => r.toLowerCase() === ref.toLowerCase())) out.push(ref);
  }
  return out.slice(0, 5);
}

/** "and 3?", "what about 2": a number alone, which means the next of whatever was numbered last
 * ("number 3" opens the third item of a list: see ORDINAL). */
const BARE_NUMBER = /^(?:(?:and|or|what about|how about)\s+)?([1-4])$/;
/** "number 6?", "and number 6 is about?": a number alone, asked of what the last question counted. */
// ("what is No.11" names the No11 hub: "no" is not read as a number here.)
// ("what does number 2 mean exactly", "whats number 3 about", "explain number 4": the same, asked in full.)
const NUMBER_ASKED = /^(?:(?:and|n|or|so|what about|how about|(?:and |so )?(?:what|whats|what is|what does|what do|explain|tell me about|tell me more about|more on))\s+)?(?:the\s+)?(?:number|num|#)\s*(\d{1,2})(?:\s+(?:is|then|one))?(?:\s+(?:about|mean|means|involve|involves|do|cover|covers|say|says))?(?:\s+(?:exactly|again|then|in practice|in plain english|in plain words))?$/;
/** "option 2", "what about step 3", "and the 2nd reason": a numbered item of a kind, and nothing more. */
const NOUN_NUMBER = new RegExp(`^(?:(?:and|or|so|what about|how about|whats|what is|tell me about|more on)\\s+)?(?:the\\s+)?(${LIST_NOUNS.join('|')})\\s*(?:no\\.?\\s*|number\\s*)?(\\d)$`);
// ("increase since when", "and by when": a date asked of what was shown, a word of it before.)
const BARE_ASKS = /^(?:since when|how come|why not|how so|like what|such as|for how long|until when)\b|^(?:[a-z]+\s+)?(?:since when|by when|from when|since what year|by what year)$/;

/** "and for carers?", "what about the reserves?", "on mental health?": the same question about something else. */
export function swapsTopic(text: string): boolean {
  return /^(?:(?:and|but|so|ok|okay)\s+)?(?:(?:what|how)\s+about|for|on)\s/.test(normalise(text));
}

/** "then what happens?", "who decides?": nothing of its own but asking words, so about what was shown. */
export function asksNothingOfItsOwn(text: string): boolean {
  // A slot is something of its own: "what is option 3", "and in Penicuik?". ("A good enough reason" is a reason.)
  const lower = normalise(text).replace(/\b(?:good enough|valid|acceptable|proper)\s+(?=(?:reason|reasons|grounds)\b)/g, '');
  // (So is a number alone, "and 3?": the third of whatever was numbered.)
  return Object.keys(slotsIn(text)).length === 0 && !BARE_NUMBER.test(lower) && topicWords(lower).every(isAskingWord);
}

/** They or it: after services, the services themselves ("that" and "this" may point at anything). */
export function mentionsTheThingShown(text: string): boolean {
  return /\b(?:they|them|their|thier|theyre|it|its)\b/.test(normalise(text));
}

/** "is there a …", "are there any …", "theres no …" ask whether something exists: that "there" points nowhere. */
const THERE_EXISTS = /\b(?:is|are|was|were|isnt|arent|any)\s+there\b|\bthere\s+(?:is|are|isnt|arent|was|were)\b|\btheres\s+(?:a|an|any|no)\b/g;

/** "are they open", "is it free", "how far is that", "anything there": a word pointing at what was shown
 * (not at the person: "she" stays the same person with, perhaps, a new need). */
export function pointsAtTheThingShown(text: string): boolean {
  const lower = normalise(text).replace(/'/g, '').replace(THERE_EXISTS, ' ');
  return mentionsTheThingShown(lower) || /\b(?:that|there|those|these|thatll|theres)\b/.test(lower);
}

/** "her neighbour is 67 and …", "what about his mum, 72, lonely": a message about someone else close to
 * the person, named by who they are to them. */
const ANOTHER_PERSON =
  /^(?:(?:and|but|so|ok|also|now|what about|how about)\s+)*(?:his|her|their|the|my clients?|the clients?)\s+(?:mum|mam|maw|mother|dad|da|father|wife|husband|partner|son|daughter|sister|brother|neighbour|neighbor|friend|pal|gran|granny|grandma|nan|grandad|grandson|granddaughter|auntie|aunt|uncle|cousin|niece|nephew|kids?|children|lodger|flatmate)s?\b/;

export function introducesAnotherPerson(text: string): boolean {
  return ANOTHER_PERSON.test(normalise(text));
}

/** He or she: the person staff are helping, who stays the same from one message to the next. */
export function mentionsThePerson(text: string): boolean {
  return /\b(?:he|she|him|her|his|hers|hes|shes|himself|herself)\b/.test(normalise(text));
}

/** "and in office hrs?", "during the day?", "daytime then", "the normal weekday number?": the working day, and nothing else. */
const OFFICE_HOURS_ONLY = /^(?:(?:and|but|so|ok|what about|how about|what if (?:its|it is|it was))\s+)*(?:(?:in|during|within)\s+)?(?:office (?:hours|hrs)|working hours|the day(?: ?time)?|daytime|day ?time|a weekday|weekdays?|(?:the |their |a )?(?:(?:normal|usual|regular)\s+)?(?:daytime|day ?time|weekday|office(?: hours| hrs)?|working hours?)\s+(?:number|no|line|phone(?: number)?|contact))(?: then)?\??$/;

/** "is there a line she can ring at night?", "it's gone 6, any out of hours number", "over the weekend?",
 * "what if it's a sunday?":
 * asked for help outside office hours. */
// ("what happens after tonight" asks the next steps, not who is open tonight.)
const OUT_OF_HOURS_ASKED = /\b(?:at night|overnight|over night|night ?time|through the night|middle of the night|out[- ]of[- ]hours|after hours|ooh|in the evenings?|evenings|at the weekends?|over the weekend|weekends|saturdays?|sundays?|(?<!after )tonight|(?:bank|public) holidays?|christmas day|boxing day|new year'?s day|24[- ]?(?:hours?|hrs?) (?:line|helpline|number|service|support)|24 ?7|24\/7|(?:after|gone|past) (?:[5-9]|1[0-2]|midnight|teatime|tea time)(?: ?pm| o ?clock)?\b|when (?:they are|they'?re|it is|it'?s) closed)\b/;

/** "if it's after that", "once they close", "after it shuts": after the hours just shown. (A bare
 * "what happens after that?" asks the next step.) */
const AFTER_CLOSING = /\b(?:if (?:it is|it'?s|its) after (?:that|then|those (?:hours|times))|after closing(?: time)?|(?:once|when|after) (?:they(?: are|'?re)?|it(?: is|'?s)?) (?:close[sd]?|closes|shut|shuts))\b/;

export function asksAfterClosing(text: string): boolean {
  return AFTER_CLOSING.test(normalise(text));
}

export function asksOutOfHours(text: string): boolean {
  const lower = normalise(text);
  if (OUT_OF_HOURS_ASKED.test(lower) || AFTER_CLOSING.test(lower)) return true;
  // "at 3am", "at 2 in the morning", "after 10 at night": an hour outside the working day (unless asked
  // of the thing shown: "who answers if he presses it at 3am?" asks how it works).
  // ("before 6pm", "until 7pm" ask about the working day's end, not after it.)
  const hour = hourAsked(text);
  return hour !== undefined && (hour < NIGHT_ENDS || hour >= EVENING_STARTS) && !/\b(?:presses|press|pressed|use|uses|using|is|does) it\b|\bit (?:is|does) (?:open|closed|shut)\b/.test(lower) && !/\b(?:before|until|till|til|by) \d/.test(lower);
}

/** The working day, for an hour asked: before 8am or from 6pm is out of hours. */
const NIGHT_ENDS = 8;
const EVENING_STARTS = 18;

/** The hour of the day a message asks about, 0-23: "after 10 at night" 22, "at 3am" 3, "gone 6" 18,
 * "after midnight" 0; undefined when it names none. */
export function hourAsked(text: string): number | undefined {
  const lower = normalise(text);
  if (/\bmidnight\b/.test(lower)) return 0;
  // ("the middle of the night", "the wee small hours": when nothing open only by day is.)
  if (/\b(?:middle of the night|dead of night|small hours|wee hours)\b/.test(lower)) return 3;
  // Only a number said as a time: with am or pm, after "at", "after", "gone" and the like, or before
  // "at night", "in the morning", "o'clock". ("She's 15", "2 kids", "3 times a night" are no hour.)
  const m =
    /\b(\d{1,2})(?::\d{2})?\s*(am|pm)\b/.exec(lower) ??
    /\b(?:at|after|gone|past|from|around|about|by|before|until|till) (\d{1,2})(?::\d{2})?(?! ?(?:years?|yrs?|yo|days?|weeks?|months?|%|mins?|minutes?|hours?|hrs?|times?|kids|children|people|of)\b)(?: (o ?clock|at night|in the evening|in the morning|tonight))?\b/.exec(lower) ??
    /\b(\d{1,2})(?::\d{2})? (o ?clock|at night|in the evening|in the morning)\b/.exec(lower);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (n > 24) return undefined;
  const said = m[2] ?? '';
  const am = said === 'am' || said === 'in the morning';
  const pm = said === 'pm' || said === 'at night' || said === 'in the evening' || said === 'tonight' || (!am && n >= 5 && n <= 11 && /^(?:after|gone|past|from)\b/.test(m[0]));
  if (!am && !pm && !said) return n >= 13 && n <= 23 ? n : undefined;
  if (am) return n === 12 ? 0 : n % 24;
  return n < 12 ? n + 12 : n % 24;
}

/** "another one — …", "different q, …", "other thing, …": the writer says a new topic starts. */
const NEW_TOPIC = /^(?:(?:ok(?:ay)?|right|and|also|oh|so)\s+)?(?:an?\s+)?(?:(?:totally|completely|something|slightly)\s+)?(?:another (?:one|q|question|thing|client|case|person|patient|pt|su|family|referral|query)|diff(?:erent)? (?:q|qu|question|topic|thing|subject|client|case|person|patient|pt|su|family|query)|other (?:thing|q|question)|new (?:q|question|topic|client|case|patient|pt|su|referral|query)|(?:new|diff(?:erent)?|random|quick|sep(?:arate)?|unrelated|other) one(?= ?[-–—:,])|(?:totally|completely) diff(?:erent)?(?= ?[-–—:,])|random (?:q|qu|question|thing)|unrelated|sep(?:arate)? (?:q|qu|question|case|client|thing|query)|next (?:client|case|patient|pt|su|one|q|question)|on another (?:note|topic)|separately|changing (?:the )?subject|while i have you|quick (?:other )?q(?:uestion)?)\b/;

/** "btw …", "also …", "oh and …": an aside before a question. In the tuning conversations every turn
 * that opens with one asks something new, but "also whats their number?" would still ask on: the
 * question after it decides (see the conversation core). */
const ASIDE = /^(?:(?:ok(?:ay)?|right|oh)\s+)?(?:btw|by the way|also|oh and|and also|one more thing|one other thing|just to add)\b[\s,:;.\-–—]*/;

/** The question after an aside ("btw is there a dementia helpline" → "is there a dementia helpline"),
 * when the message opens with one and says more than a few words after it. */
export function asideQuestion(text: string): string | undefined {
  const lower = text.trim().toLowerCase().replace(/[’']/g, '');
  const marker = ASIDE.exec(lower);
  if (!marker) return undefined;
  // Cut from the text as typed, at the same number of words as the marker took.
  const markerWords = marker[0].trim().split(/\s+/).filter((w) => /[a-z]/.test(w)).length;
  const rest = text.trim().split(/\s+/).slice(markerWords).join(' ').replace(/^[\s,:;.!?\-–—]+/, '');
  return rest.split(/\s+/).filter(Boolean).length >= 4 ? rest : undefined;
}

/** Words that say a new topic starts, and nothing else. */
const NEW_TOPIC_WHOLE = new RegExp(`${NEW_TOPIC.source}\\s*$`);

/** Whether the message says a new topic starts ("another one — …", "different q, …"). */
export function startsNewTopic(text: string): boolean {
  // ("new one: …", "quick one, …": a colon or comma after the words says what a dash does; normalising drops them.)
  return NEW_TOPIC.test(normalise(text)) || NEW_TOPIC.test(normalise(text.replace(/^([^:,]{1,30}?)\s*[:,]/, '$1 -')));
}

/** The message without the words that say a new topic starts ("totally different q - number for
 * women's aid?" asks "number for women's aid?"): they are no part of what is asked. */
export function withoutNewTopicWords(text: string): string {
  const words = text.trim().split(/\s+/);
  // The marker is the shortest run of the message's first words that says a new topic starts.
  for (let n = 1; n <= Math.min(words.length - 1, 6); n++) {
    const head = words.slice(0, n).join(' ');
    if (!NEW_TOPIC_WHOLE.test(normalise(head))) continue;
    const rest = words.slice(n).join(' ').replace(/^[\s,:;.!?\-–—]+/, '');
    return /[a-z]/i.test(rest) ? rest : text;
  }
  return text;
}

/** "what are the outcomes under it?", "the outcomes for that aim". */
const OUTCOMES_UNDER_IT = /^(?:(?:and|so|ok)\s+)?(?:(?:what|which) (?:are|r) )?(?:the )?outcomes (?:under|for|of|in) (?:it|that|this|that aim|this aim|them)$/;
/** "what else sits under that outcome?", "anything more under this aim", "tell me more about that
 * outcome", "any others in the same outcome": the rest of that outcome or aim. */
// (Words after it, "… about dementia", ask a topic of their own: then it is no list.)
const ELSE_UNDER = /\b(?:(?:what|whats|anything|any|something|who|which)\s*(?:else|more)|more|others?(?: things| bits| parts| aims| commitments| work| examples)?)\b(?:\s+\w+){0,3}?\s+(?:under|in|within|for|about|on) (?:that|this|the same|same) (outcome|aim)(?:\s+(?:then|too|pls|please))?$/;
/** The plan's aims of one timescale under one strategic aim, asked as the plan's lists are found. */
const termAimsUnder = (timescale: Timescale, aim: number): string => `${timescale} term aims under aim ${aim}`;

/** A message naming only a group of people by age or stage ("over 75s", "the under 18s", "older folk"). */
function peopleOnly(lower: string): boolean {
  const words = lower.trim().split(' ');
  return words.length <= 3 && words.some((w) => PEOPLE.test(w) && !/^(?:years?|olds?|people|folk)$/.test(w)) && words.every((w) => PEOPLE.test(w) || /^(?:the|aged|plus|\d+|folk)$/.test(w));
}

/**
 * Reads a message against the last answer. `standsAlone` says whether the message, searched on its
 * own, is a question the search is confident about.
 */
export function resolveFollowUp(
  text: string,
  last: LastShown | undefined,
  standsAlone: (text: string) => boolean,
  isCommonWord: (word: string) => boolean = () => false,
  isKnownWord: (word: string) => boolean = () => true,
): Resolution {
  if (!last) return { kind: 'new' };
  // "contact number? can he text it, hes shy": a detail asked in a few words, then more on the person:
  // the detail is the question.
  // ("whats the number? also is there anything for dementia in bonnyrigg" asks a question of its own after it;
  // "can he text it" asks on about the service, "it", however well it is answered on its own.)
  // ("how does she apply, can she just fill in a form herself": a comma does the same when the rest speaks of
  // the person in a few words of its own; "how do i apply, her son wants her to get a direct payment instead" asks anew.)
  const questionMarked = /^([^?]{2,40})\?\s*(\S[^?]*)\??$/.exec(text);
  const firstAsk = questionMarked ?? /^((?:how|what|when|where|who|whats|is|are|can|do|does)\b[^?,]{2,30}),\s*(\S[^?,]*)\??$/i.exec(text);
  const asksOnAboutThem = (rest: string): boolean =>
    SERVICE_POINTER.test(rest) || (!questionMarked && /\b(?:she|he|they|them|him|her|herself|himself|themselves)\b/i.test(rest) && topicWords(normalise(rest)).filter((t) => !/^(?:herself|himself|themselves|myself)$/.test(t)).length <= 2) || !standsAlone(rest);
  if (firstAsk && last.services?.length && firstAsk[1].trim().split(/\s+/).length <= 4 && !/^(?:also|and|plus|btw|is there|are there|any|anything)\b/i.test(firstAsk[2]) && asksOnAboutThem(firstAsk[2])) {
    const asked = resolveFollowUp(firstAsk[1], last, standsAlone, isCommonWord, isKnownWord);
    if (asked.kind === 'detail') return asked;
  }
  // "Could you tell me whether there is a charge and how it's paid? The daughter looks after her finances.":
  // one question among sentences that only tell more; a detail it asks of what was shown is the question.
  const sentences = text.trim().split(/(?<=[.?!])\s+/).filter(Boolean);
  const questions = sentences.filter((s) => /\?\s*$/.test(s));
  // (A sentence asked without its question mark, "contact number? can he get a place in bonnyrigg", is a second question.)
  const onlyTells = sentences.filter((s) => !questions.includes(s)).every((s) => !/^(?:(?:and|also|plus|btw|but|so|oh)\s+)?(?:can|could|would|will|is|are|do|does|did|what|whats|where|how|who|when|which|why|any|anything|should|shall)\b/i.test(s));
  if (sentences.length >= 2 && sentences.length <= 4 && questions.length === 1 && onlyTells) {
    const asked = resolveFollowUp(questions[0], last, standsAlone, isCommonWord, isKnownWord);
    if (asked.kind === 'detail') return asked;
  }
  const lower = normalise(text);
  // "sorry i meant aim 3", "no, i meant option 2": a correction of the last question, read as "and …".
  const corrected = CORRECTION.exec(lower);
  // Only a short correction: a long one is a question of its own.
  if (corrected && lower.length > corrected[0].length && lower.slice(corrected[0].length).split(' ').length <= 6) return resolveFollowUp(`and ${lower.slice(corrected[0].length)}`, last, standsAlone, isCommonWord, isKnownWord);
  if (!lower || lower.length > 160 || NEW_TOPIC.test(lower)) return { kind: 'new' };
  // "the plan mentions primrose lodge - what is it": "it" is the thing just named, not what was shown.
  const namedFirst = NAMED_THEN_ASKED.exec(lower)?.[1];
  if (namedFirst) {
    const shownWords = new Set(contentTokens(`${last.question} ${last.passage?.title ?? ''} ${(last.services ?? []).map((s) => s.name).join(' ')}`).map(stem));
    const ownWords = topicWords(namedFirst).filter((t) => !shownWords.has(stem(t)) && isKnownWord(t));
    if (!pointsBackIn(namedFirst) && ownWords.length >= 2) return { kind: 'new' };
  }
  // "option 2?", "and step 3" after a passage that lists its options or steps: that item of the list
  // (the plan's three options to fund change are not SDS options).
  const numbered = NOUN_NUMBER.exec(lower);
  if (numbered && last.listNoun === numbered[1] && last.listItems && Number(numbered[2]) >= 1 && Number(numbered[2]) <= last.listItems.length) {
    return { kind: 'item', index: Number(numbered[2]) };
  }
  // "the balance one?", "the one about accessible info" after a list: the one item holding those words.
  const named = itemNamed(lower, last);
  if (named !== undefined) return { kind: 'item', index: named };
  // "and 3?" after a question about an option or an aim: that option or aim.
  const numberAlone = BARE_NUMBER.exec(lower)?.[1];
  if (numberAlone) {
    const before = slotsIn(`${last.question} ${last.passage?.title ?? ''}`);
    // (After such a list a number alone is its item too, unless the last question was of an option or an aim.)
    if (last.listNoun && last.listItems && Number(numberAlone) <= last.listItems.length && before.option === undefined && before.aim === undefined) {
      return { kind: 'item', index: Number(numberAlone) };
    }
    if (before.option !== undefined) return resolveFollowUp(`and option ${numberAlone}`, last, standsAlone, isCommonWord, isKnownWord);
    if (before.aim !== undefined && Number(numberAlone) <= 3) return resolveFollowUp(`and aim ${numberAlone}`, last, standsAlone, isCommonWord, isKnownWord);
  }
  // "and number 6 is about?" after a question about the standards (or the options, the aims): that one.
  const numberAsked = NUMBER_ASKED.exec(lower)?.[1];
  // (Only after a passage: after services or a list, "number 2" is the second thing shown.)
  const numberedKind = numberAsked && last.passage ? /\b(standard|option|aim|principle|step)s\b/.exec(`${last.question} ${last.passage.title}`.toLowerCase())?.[1] : undefined;
  // (After a list shown, "number 3" is its third item: below.)
  // (Unless that item is the option or aim itself, "Option 2 – …": then its own article says more.)
  const listedItself = numberedKind !== undefined && new RegExp(`^\\W*${numberedKind}\\s*${numberAsked}\\b`, 'i').test(last.listItems?.[Number(numberAsked) - 1] ?? '');
  if (numberAsked && numberedKind && (!(last.listItems && Number(numberAsked) <= last.listItems.length) || ((numberedKind === 'option' || numberedKind === 'aim') && listedItself))) {
    if (numberedKind === 'option' || numberedKind === 'aim') return resolveFollowUp(`and ${numberedKind} ${numberAsked}`, last, standsAlone, isCommonWord, isKnownWord);
    return { kind: 'rewrite', question: `${numberedKind} ${numberAsked}`, replaced: true, topic: `${numberedKind} ${numberAsked}` };
  }
  const itemCount = last.services?.length ?? last.items?.length ?? 0;

  // "tell me more", "more info", "the full text" ask more about the thing shown; "any others?", "what
  // else?" ask for more results ("… about it" after either is about the thing shown).
  if (MORE_OF_SHOWN.test(lower)) return { kind: 'more', about: true };
  if (MORE_RESULTS.test(lower)) return /\babout (?:it|that|this|them)$/.test(lower) ? { kind: 'more', about: true } : { kind: 'more' };
  // "tell me more about staying active", "more detail on the outcome map": that thing, named in the
  // words of what was shown; the last question's words would only find the last answer again.
  const moreAbout = MORE_ABOUT.exec(lower)?.[1];
  // ("tell me more about option 4", "… about the second one": a slot or an item, read below.)
  // ("… about that outcome", "… about how she pays for it": what was shown, asked on as below.)
  const pointsOrAsks = moreAbout !== undefined && /^(?:that|this|those|these|the same)\b|\b(?:it|its|they|them|their|she|he|her|him|his|how|what|why|when|where|who|which|if|whether)\b/.test(moreAbout);
  if (moreAbout && !pointsOrAsks && !last.services?.length && !Object.keys(slotsIn(moreAbout)).length && !ORDINAL.test(moreAbout)) {
    // Its own words whole ("self management", "outcome map": topicWords would drop "self" and "outcome"
    // as a follow-up's filler), less the words that only point at a part ("the self management bit").
    const named = contentTokens(moreAbout).filter((t) => !/^(?:bit|bits|part|parts|section|one|thing|things|stuff)$/.test(t));
    if (named.length) return { kind: 'rewrite', question: named.join(' '), topic: named.join(' '), drillDown: true };
  }
  // ("what else can they help with?" asks more of the services shown, not for other services.)
  // ("the other one, whats their number" asks a detail of one already shown.)
  const otherShown = /\bthe other (?:one|ones)\b/.test(lower) && detailField(lower) !== undefined;
  if (last.services?.length && OTHER.test(lower) && !MORE_OF_THOSE_SHOWN.test(lower) && !otherShown) return { kind: 'others', question: withTopic(last.question, topicWords(lower)) };
  // "shes skint tho, is there money to pay for it?" after services: a fund or grant for the same need.
  // ("any money towards the break?" names what the money is for; "for it" is the last need.)
  const fundedThing = FUNDS_FOR_IT.exec(lower)?.[1];
  if (last.services?.length && fundedThing) {
    const forWhat = /^(?:it|that|this|them)$/.test(fundedThing) ? last.question : fundedThing.replace(/^the /, '');
    return { kind: 'rewrite', question: `funds or grants for ${forWhat}`, topic: 'fund grant', kinds: ['service'] };
  }
  // "and the other two?" after a passage: all of it, whose list the card may have cut short.
  // ("how does it break down?", "so what choices has she got left?" too: the parts it lists, what it leaves open.)
  if (last.passage && (REST_OF_LIST.test(lower.trim()) || BREAKDOWN_ASKED.test(lower.trim()) || CHOICES_LEFT.test(lower.trim()))) return { kind: 'more', whole: true };
  // "where's that from?", "what's the source?" after a passage or a list from the plan: the passage
  // whole, which names where its figures come from (not an address to look up).
  if (SOURCE_ASKED.test(lower)) {
    if (last.passage) return { kind: 'more', whole: true };
    if (last.answer === 'plan_list' && last.items?.length) return { kind: 'open', index: 1 };
  }
  // "timescale?", "which outcome is that under?" after a list from the plan drawn from one part: where it sits.
  if (onePartListed(last) !== undefined && (WHICH_AIM.test(lower) || WHICH_TIMESCALE.test(lower.trim()) || WHERE.test(lower) || termAsked(lower.trim()))) return { kind: 'where' };
  // ("which aim?" alone asks it of the plan; after guidance "what outcome?" may ask what came of something.)
  if (last.passage?.kind === 'plan' && (WHICH_AIM.test(lower) || WHICH_TIMESCALE.test(lower.trim()))) return { kind: 'where' };
  if (last.passage && (WHERE.test(lower.replace(/\b(aim|outcome|timescale|section|part)['’]s\b/g, '$1 is')) || (last.passage.timescale !== undefined && termAsked(lower.trim())))) return { kind: 'where' };
  // ("what section is it in?" asks where it sits, above; "which section says that?" the law it cites.)
  if (last.passage && (REFERENCE_ASKED.test(lower) || REFERENCE_NAMED.test(lower))) return { kind: 'reference' };
  const said = WHERE_SAID.exec(lower);
  if (last.passage && said && (said[1] || last.passage.kind === 'sds')) return { kind: 'reference' };
  // ("where does it say that?" after a part of the plan asks where in the plan it sits.)
  if (last.passage?.kind === 'plan' && said) return { kind: 'where' };
  // "who are the partners for that?", "who's involved?" after a passage: who it names is in the part
  // shown, whole (its window may have cut them).
  if (last.passage && !last.services?.length && WHO_IS_INVOLVED.test(lower.replace(/'/g, '').trim())) return { kind: 'more', whole: true };
  // "whats on at them?", "what do they do?" after services: the first one's whole record.
  // ("wat kind of things": the asking word as typed.)
  if (last.services?.length && WHAT_THEY_DO.test(lower.replace(/'/g, '').trim().replace(/^(?:wat|wot|wht)\b/, 'what'))) return { kind: 'more', about: true };

  // "anyone local who can help him with all that?", "who can help her set it up?" after guidance or the
  // plan: services that help with what was shown, found by its title and the last question.
  if (last.passage && !last.services?.length && WHO_HELPS.test(lower) && topicWords(lower).every((t) => HELP_WORDS.has(t))) {
    return { kind: 'rewrite', question: `${last.passage.title} ${last.question}`, kinds: ['service'] };
  }
  // "who isnt allowed one at all?" after a question about a direct payment: the thing named in place of "one".
  const one = last.passage && !last.services?.length ? ONE_STANDS_FOR.exec(lower) : null;
  const thing = one ? namedWithArticle(last.question) : undefined;
  if (one && thing) {
    const question = `${lower.slice(0, one.index)}${one[0].replace(/one$/, thing)}${lower.slice(one.index + one[0].length)}`;
    return { kind: 'rewrite', question, replaced: true, topic: thing.replace(/^an? /, '') };
  }
  const field = detailField(lower);
  if (field) {
    // "can the family refer directly?", "does the gp have to send it?": who refers is not a topic.
    // ("how do i refer someone to an ot?": whom a referral goes to is a topic; who sends it is not.)
    const referredTo = new Set(contentTokens(/\brefer\w*(?:\s+\w+){0,3}?\s+to\s+(.+)$/.exec(lower)?.[1] ?? ''));
    const isReferrer = (t: string): boolean => REFERRERS.has(t) && !referredTo.has(t);
    // ("can he phone at 2am?", "at 2 am": the hour is when, a detail of its own, not a topic.)
    // ("is that line open at night?": "that line" is the service shown, by what it is.)
    const hourTold = hourAsked(text) !== undefined;
    const shownByKind = new Set([...lower.matchAll(SHOWN_BY_KIND)].map((m) => m[1]));
    // ("need the urgent line": "need" and "should" only say how it is asked.)
    const rest = contentTokens(detailWords(lower)).filter((t) => !FILLER.has(t) && !MODAL.test(t) && !(hourTold && HOUR_WORD.test(t)) && !shownByKind.has(t) && !(field === 'refer' && isReferrer(t)));
    // (Asked how soon, one word of a name, "gp referrals", does not pick a service: the record that gives a
    // time does. serviceNamed needs every word of `rest` in the name, so one word of `rest` is one of the name.)
    // ("is the helpline 24 hours" after a day centre, Samaritans and a dementia helpline: the one so named.)
    const pickedByKind = [...shownByKind].map((kind) => onlyOneNamed(kind, last)).find((i) => i !== undefined);
    const picked = ordinalIn(lower, last.services?.length ?? 0) ?? (field === 'hours' && HOW_SOON.test(lower) && rest.length < 2 ? undefined : serviceNamed(rest, last)) ?? pickedByKind;
    // ("what would be the best number for the family to ring to find out more?": who rings and why name
    // no service of their own, so the number is of those shown.)
    // ("gp out of hours number" names whose number: a ringing word must say the people are the ones ringing.)
    const onlyHowReached = CONTACT_FIELDS.has(field) && CONTACT_VERB.test(lower) && rest.every((t) => HOW_REACHED.test(t) || REFERRERS.has(t) || PEOPLE.test(t));
    const anaphoric = pointsBackIn(lower) || LEAD.test(lower) || rest.length === 0 || picked !== undefined || onlyHowReached;
    // "how do they take referrals?": a pronoun and a word or two more still ask about what was shown.
    // "how does she get a place?": "he" and "she" are the person being helped, asking about the service shown.
    // ("how do they get an ACSP?" after the Carers Act names a thing of its own, a word few passages use
    // that neither the last question nor what was shown says: not a detail of what was shown.)
    const shownWords = new Set(contentTokens(`${last.question} ${last.passage?.title ?? ''} ${(last.services ?? []).map((s) => s.name).join(' ')}`).map(stem));
    // (Who it is for, when it is open and what it costs are asked with a word of their own: "can they
    // help men?", "open saturdays?", "do they have to pay it back?".)
    // (A short word no passage uses, "asap" or "pls", names nothing; a longer one may be a name mistyped.)
    const namesOwnThing =
      CONTACT_FIELDS.has(field) &&
      field !== 'hours' &&
      rest.some((t) => !DETAIL_NAMES.has(t) && !MODAL.test(t) && !isAskingWord(t) && !isReferrer(t) && !isCommonWord(t) && (isKnownWord(t) || t.length >= 6) && !shownWords.has(stem(t)));
    const pronoun = /\b(they|them|their|it|its|he|she|him|her|his)\b/.test(lower) && rest.length <= 2 && communitiesIn(text).length === 0 && !namesOwnThing;
    // "whats the age cut off for the kids", "can they take adults?": who it is for, asked of people, is
    // asked of the services shown.
    // ("which day is loanhead?": when or where the services shown are in a place is asked of them too.)
    const ofPeople =
      rest.length > 0 &&
      ((field === 'who' && rest.every((t) => PEOPLE.test(t))) || (field === 'hours' && /\b(?:which|what) days?\b/.test(lower) && communitiesIn(rest.join(' ')).length > 0 && rest.length === 1));
    const ownTopic = rest.length > 0 && picked === undefined && !pronoun && !ofPeople && !onlyHowReached;
    if ((anaphoric || (ofPeople && last.services?.length)) && !ownTopic) {
      if (last.services?.length) {
        // What the detail is about, in the message's own words ("pay it back", "walk in"): the record may say it.
        // (Asked when they are open, "what days" names the detail, not something the record says.)
        const timeWord = (t: string): boolean => field === 'hours' && /^(?:days?|weekdays?|mornings?|afternoons?|evenings?|nights?|week|weeks)$/.test(t);
        // (Asked who it is for, "over 65s" gives the ages asked about, which the record's "who for"
        // answers: not words to find elsewhere in it, such as "over 40 sessions a week". "men" may be
        // said in a sentence of its own.)
        const peopleWord = (t: string): boolean => field === 'who' && /^(?:over|under|\d+s|older|younger|elderly|years?|yrs?|olds?)$/.test(t);
        const words = contentTokens(lower.replace(new RegExp(ORDINAL.source, 'g'), ' ')).filter(
          (t) => !FILLER.has(t) && !isReferrer(t) && !isAskingWord(t) && !DETAIL_NAMES.has(t) && !timeWord(t) && !peopleWord(t) && !/^\d+$/.test(t) && serviceNamed([t], last) === undefined && !(onlyHowReached && HOW_REACHED.test(t)),
        );
        return {
          kind: 'detail',
          field,
          ...(picked !== undefined && picked <= last.services.length ? { index: picked } : {}),
          ...(words.length ? { words } : {}),
          ...(HOW_SOON.test(lower) ? { soon: true } : {}),
          ...(alsoAsked(lower, field).length ? { also: alsoAsked(lower, field) } : {}),
        };
      }
      // After guidance or the plan, "does he have to pay for it?" asks the guidance, not the directory:
      // only contact details send the last question to the services.
      if (CONTACT_FIELDS.has(field)) return { kind: 'detail-search', field, question: last.question };
    }
  }

  const slots = slotsIn(text);
  // "and extra care housing there?", "anything near there?": after a lead-in, the place asked about last time.
  const placePointed =
    last.place !== undefined && slots.place === undefined && PLACE_POINTER.test(lower) && !THERE_IS.test(lower) && LEAD.test(lower);
  if (placePointed) slots.place = last.place as Community;
  // "anything else in that timescale?", "others in the same time frame for aim 1": the timescale of the part
  // of the plan shown, under the aim named or the one shown.
  const sameTimescale =
    /\b(?:that|the same|same|this) (?:timescale|time scale|timeframe|time frame)\b/.test(lower) && /\b(?:else|other|others|more)\b/.test(lower) ? last.passage?.timescale : undefined;
  // "and in office hrs?", "what about during the day?" after services for out of hours: the same need,
  // asked for the working day.
  if (last.services?.length && OFFICE_HOURS_ONLY.test(lower.trim())) {
    const need = last.question.toLowerCase().replace(new RegExp(OUT_OF_HOURS_ASKED.source, 'g'), ' ').replace(/\s+/g, ' ').trim();
    return { kind: 'rewrite', question: `${need} office hours`, topic: 'office hours', kinds: ['service'] };
  }
  // "what else sits under that outcome?", "anything else under that aim": the plan's list for that outcome or aim.
  // "what are the outcomes under it?" after an aim: that aim's outcomes.
  // (Only an aim the last question asked about: after "falls and frailty", "outcomes of it" are not aim 1's.)
  const aimAsked = slotsIn(last.question).aim;
  if (aimAsked !== undefined && OUTCOMES_UNDER_IT.test(lower.trim())) return { kind: 'rewrite', question: `outcomes under aim ${aimAsked}`, replaced: true };
  const elseUnder = ELSE_UNDER.exec(lower)?.[1];
  if (elseUnder === 'outcome' && last.passage?.outcome) return { kind: 'rewrite', question: `outcome ${last.passage.outcome}`, replaced: true };
  if (elseUnder === 'aim' && last.passage?.aim !== undefined) return { kind: 'rewrite', question: `aim ${last.passage.aim}`, replaced: true };
  const aimForTimescale = slots.aim ?? last.passage?.aim;
  if (sameTimescale && aimForTimescale !== undefined && !slots.timescale && !slots.outcome) {
    return { kind: 'rewrite', question: termAimsUnder(sameTimescale, aimForTimescale), replaced: true };
  }
  const hasSlots = Object.keys(slots).length > 0;
  // "for young carers?", "for aim 3 then?": a short message starting "for" leans back too.
  // ("over 75s?", "under 18s", "older folk?": a group of people alone asks the last question of them.)
  const lead = LEAD.test(lower) || (/^for\s/.test(lower) && lower.split(' ').length <= 4) || peopleOnly(lower);
  // ("any lunch clubs round there?": the pointer is the place, not part of the topic.)
  // ("what about his sister, shes in gorebridge": with a place, a relative alone is only who lives there.)
  const told = topicWords(placePointed ? lower.replace(PLACE_POINTER, '') : lower);
  const topic = slots.place && told.length > 0 && told.every((t) => KIN.test(t)) ? [] : told;

  // "whats the third one?" after a passage with a list: that item; "outcomes under the second one":
  // the question with the item in place of the pointer.
  const listed = last.listItems?.length ?? 0;
  const inList = listed && slots.option === undefined && slots.aim === undefined && slots.outcome === undefined ? ordinalIn(lower, listed) : undefined;
  if (inList !== undefined && inList <= listed) {
    const rest = contentTokens(lower.replace(new RegExp(ORDINAL.source, 'g'), ' ')).filter((t) => !ITEM_FILLER.has(t));
    if (rest.length === 0) return { kind: 'item', index: inList };
    // ("outcomes under the 2nd one?" after the plan's aims: the item is aim 2, which the plan's structure
    // knows by its number better than by its words.)
    const aimsListed = last.passage?.kind === 'plan' && /\bstrategic aims\b/i.test(last.passage.title) && !/\bterm aims\b/i.test(last.passage.title) && listed <= 3;
    const item = aimsListed ? `aim ${inList}` : (last.listItems?.[inList - 1] ?? '').replace(/\*\*/g, '');
    return { kind: 'rewrite', question: lower.replace(ORDINAL, ` ${item} `).replace(/\s+/g, ' ').trim(), replaced: true };
  }
  // "the 2nd one in plain words" after the four SDS options (no list shown): option 2, so asked.
  // (After a list of passages, "the first one" is the first offered; "short term aims" are not the aims.)
  const countedNoun = !listed && !hasSlots && last.answer === 'passage' ? /\b(?<!term )(option|aim|standard)s\b/i.exec(`${last.question} ${last.passage?.title ?? ''}`)?.[1]?.toLowerCase() : undefined;
  // (Only "the 2nd one", "the first option" or an ordinal alone: "who pays for the first month" is no option.)
  const nth = countedNoun && /\b(?:first|second|third|fourth|1st|2nd|3rd|4th) (?:one|option|aim)\b|^(?:and |the )*(?:first|second|third|fourth|1st|2nd|3rd|4th)$/.test(lower) ? ordinalIn(lower, 0) : undefined;
  if (countedNoun && nth !== undefined && nth <= (countedNoun === 'aim' ? 3 : countedNoun === 'option' ? 4 : 12)) {
    return { kind: 'rewrite', question: `${countedNoun} ${nth} ${lower.replace(new RegExp(ORDINAL.source, 'g'), ' ')}`.replace(/\s+/g, ' ').trim(), replaced: true };
  }
  // "the second one", "open the first": the nth thing the last card offered.
  const ordinal = slots.option === undefined ? ordinalIn(lower, itemCount) : undefined;
  if (ordinal !== undefined && topic.length === 0 && ordinal <= itemCount) return { kind: 'open', index: ordinal };

  // A short message that does not stand on its own ("how often is it reviewed", "who with?") leans on
  // the last answer even without a pronoun.
  const short = lower.split(' ').length <= 6;
  // "who decides?", "how long?", "why?": a question word and at most one everyday word asks about
  // what was just said; alone it would find anything. ("whats an ISF?" names a thing: its own question.)
  // ("until what age?": a word before the question word is part of the asking.)
  const asked = lower.replace(/^(?:until|till|up to|from|since|by) (?=(?:who|what|whats|when|where|why|how|which)\b)/, '');
  const askedTopic = asked === lower ? topic : topicWords(asked);
  const bare =
    BARE_ASKS.test(lower) ||
    (asked.split(' ').length <= 3 && /^(?:who|what|whats|when|where|why|how|which)\b/.test(asked) && askedTopic.length <= 1 && askedTopic.every((t) => isAskingWord(t) || isCommonWord(t)));
  // "what counts as a good enough reason?": asking only the rules or reasons of something asks them of what was shown.
  const rulesOfShown = topic.length > 0 && asksNothingOfItsOwn(lower);
  const anaphoric = lead || bare || pointsBackIn(lower) || (short && !standsAlone(text)) || rulesOfShown;
  // "what does the plan say about that?", "and in the SDS guidance?": the same question, from that source.
  const source = SOURCES.find(([, pattern]) => pattern.test(lower));
  if (source && (anaphoric || lower.split(' ').length <= 4) && topic.every((t) => SOURCE_WORDS.has(t))) {
    return { kind: 'rewrite', question: last.question, kinds: [source[0]] };
  }
  // "and what are the four SDS options?": a lead-in before a question that stands on its own.
  const afterLead = lower.replace(LEAD, '');
  // ("and what's listed as longer term?" names only a timescale: of the part just shown.)
  const onlyATimescale = slots.timescale !== undefined && topic.length === 0 && (last.passage !== undefined || last.answer === 'plan_list');
  if (lead && afterLead !== lower && QUESTION_FORM.test(afterLead) && !pointsBackIn(afterLead) && !onlyATimescale && standsAlone(afterLead)) return { kind: 'new' };
  // Slots alone ("and aim 3?", "Penicuik?", "the short-term ones") lean on the last question; a whole
  // question that names a slot ("what is option 1") is a question of its own.
  if (hasSlots && topic.length === 0) {
    // Without a lead-in or a pronoun only a bare slot leans back: "Penicuik?", "aim 3?", "medium term?".
    if (!anaphoric && (QUESTION_FORM.test(lower) || lower.split(' ').length > 4)) return { kind: 'new' };
    // "the medium term ones" after a part of the plan under an aim: that aim's aims of that timescale.
    // (After a question of the plan's structure, the slot takes its place in the question instead.)
    const aimShown = last.passage?.kind === 'plan' ? last.passage.aim : undefined;
    if (aimShown !== undefined && slots.timescale && !slots.aim && !slots.outcome && !slots.place && !/\b(?:aims?|outcomes?|priorit(?:y|ies))\b|\b(?:short|medium|long(?:er)?)[\s-]*term/i.test(last.question)) {
      return { kind: 'rewrite', question: termAimsUnder(slots.timescale, aimShown) };
    }
    return { kind: 'rewrite', question: applySlots(last.question, slots, last.passage?.title), ...(slots.place ? { place: slots.place } : {}) };
  }
  // ("figures?" alone points at nothing, but asks the figures of what was shown: below.)
  if (!anaphoric && !BARE_STATS.test(lower.trim())) return { kind: 'new' };
  // "what does that mean?", "who with?": nothing of its own but a pointer back: more of the last answer.
  // "why not?", "how come?" ask the reason, which is in what was shown: all of it, not the next part.
  if (ASKS_WHY.test(lower) || (last.passage && ASKS_PARTS.test(lower.trim()))) return { kind: 'more', whole: true };
  // "how many are there?", "how much is it?" after guidance or the plan: that figure of the last topic.
  // ("any figures?", "stats?" after the plan's commitments: its figures on the same topic.)
  if (topic.length === 0 && (last.passage || last.answer === 'plan_list') && (FIGURE_OR_DATE_ASK.test(lower) || STATS_ASK.test(lower))) {
    const own = new Set(lower.split(' '));
    const about = topicWords(last.question.toLowerCase()).filter((w) => !own.has(w));
    if (about.length) return { kind: 'rewrite', question: `${lower} ${about.join(' ')}`, topic: about.join(' ') };
  }
  // "what if it's a sunday?" after services: a time and nothing more asks who can be phoned then.
  if (topic.length === 0 && last.services?.length && asksOutOfHours(lower)) return { kind: 'detail', field: 'phone' };
  // "which options can he still have then?": a question with no words of its own but asking words asks
  // of what was shown, whole; the next part would answer something else.
  // ("what then?", "is there more?", "what next?" ask for the next part, below.)
  const asksNext = /^(?:(?:and|but|so|ok)\s+)?(?:what|whats|is there|are there|any)\s+(?:more|then|now|next|else)$/.test(lower);
  if (topic.length === 0 && last.passage && !asksNext && /^(?:(?:and|but|so|ok)\s+)?(?:which|what|whats|who|how|can|could|is|are|does|do)\b/.test(lower)) return { kind: 'more', whole: true };
  if (topic.length === 0) return { kind: 'more' };
  // "does he have to pay for it", "how often is it reviewed": a word that points at the thing shown and
  // a few words more ask about that thing, even where those words alone would find something.
  const pointsBack = (THING.test(lower) || placePointed) && topic.length <= 3;
  // A lead-in with a few words of its own: "and for carers?", "what about the reserves?". With more
  // words the message may be a question of its own; then only a weak one leans on the last.
  // "and if she can't decide?", "what if he refuses?": a condition on what was just answered, however long.
  const conditional = /^(?:(?:and|but|so)\s+)?(?:what|and|but|even)\s+if\b/.test(lower);
  // ("what happens if he spends it on something else?" is one too, unless it stands on its own.)
  const asksWhatHappensIf = /^(?:(?:and|but|so)\s+)?what (?:happens|would happen|will happen|do (?:we|i|they) do)\s+if\b/.test(lower);
  if (!pointsBack && !conditional && topic.length > 2 && standsAlone(text)) return { kind: 'new' };
  // "her neighbour is 67 and wants something sociable": someone else, with a need of their own, is a new
  // question, whatever "her" points at.
  // (Unless it points at what was shown: "wants something similar", "will they pick her up too".)
  if (introducesAnotherPerson(text) && topic.length > 2 && !SERVICE_POINTER.test(lower) && !ALIKE.test(lower)) return { kind: 'new' };
  // ("on what conditions?" would find a passage on health conditions: it asks the rules of what was shown.)
  if (!pointsBack && !lead && !bare && !rulesOfShown && standsAlone(text)) return { kind: 'new' };
  const base = applySlots(last.question, slots, last.passage?.title);
  // "what about under 16s?" after "who gets an adult carer support plan": the group asked about takes the
  // place of the one in the last question, which would otherwise still ask for adults.
  const swapped = withGroupSwapped(base, lower.replace(LEAD, ''), topic);
  if (swapped) return { kind: 'rewrite', question: swapped, replaced: true, topic: topic.join(' ') };
  // "and on mental health?" after "… committed to on carers": the new topic takes the old one's place.
  // ("can they employ a PA on that one?" points back with "on that": the last question keeps its own topic.)
  const onTopic = /\b(on|about)\s(?!(?:that|this|it|them|those|these)\b)/.test(lower.replace(LEAD, '')) ? /\b(?:on|about)\s+(?!.*\b(?:on|about)\s).+$/i.exec(base) : null;
  // "how many people are in those bands?": a message asking its own figure or date keeps its own
  // words, with the last question's topic added; the last question's frame ("what are …") would lose it.
  const ownWords = new Set(lower.split(' '));
  // ("any stats on carers?" after the plan's commitments on carers asks its figures, not the commitments again.)
  const asksFigure = (last.passage !== undefined && (FIGURE_OR_DATE_ASK.test(lower) || STATS_ASK.test(lower))) || (last.answer === 'plan_list' && STATS_ASK.test(lower));
  const asksOwnFigure = asksFigure && !FIGURE_OR_DATE_ASK.test(last.question.toLowerCase());
  // "and extra care housing there?": a new need in the place asked about, not the old need with more words.
  // "and what if they dont spend it all?": a condition asks its own question of the last one's subject;
  // the last question's frame ("what can … be used for") would answer the last question again.
  const asksOwnCondition = (conditional || asksWhatHappensIf) && !asksOwnFigure && !placePointed;
  const question = asksOwnCondition
    ? `${lower} ${topicWords(last.question.toLowerCase())
        .filter((w) => !ownWords.has(w))
        .join(' ')}`.trim()
    : placePointed && !asksOwnFigure
    ? `${topic.join(' ')} in ${slots.place}`
    : asksOwnFigure
    ? `${lower} ${topicWords(last.question.toLowerCase())
        .filter((w) => !ownWords.has(w) && !(last.answer === 'plan_list' && LIST_FRAME.test(w)))
        .join(' ')}`.trim()
    : onTopic
      ? `${base.slice(0, onTopic.index)}on ${topic.join(' ')}`
      : withTopic(base, topic);
  return { kind: 'rewrite', question, ...(question.startsWith(base) ? {} : { replaced: true }), topic: topic.join(' '), ...(slots.place ? { place: slots.place } : {}) };
}
