// Spots text that suggests someone is at immediate risk, so the emergency routes come before any
// search result. Patterns are phrase-level on purpose: "end of life care" or "falls prevention" are
// ordinary questions, "wants to end her life" or "has collapsed" are not.

export type RiskKind = 'suicide-self-harm' | 'harm-or-abuse' | 'domestic-abuse' | 'medical-emergency';

export const RISK_KINDS: readonly RiskKind[] = ['suicide-self-harm', 'domestic-abuse', 'harm-or-abuse', 'medical-emergency'];

const SELF = '(?:him|her|them|my|your|our)sel(?:f|ves)';
const POSSESSIVE = '(?:his|her|their|my|your|own)';

const PATTERNS: Record<RiskKind, RegExp[]> = {
  'suicide-self-harm': [
    /\bsuicid/,
    new RegExp(`\\bkill(?:s|ing|ed)? ${SELF}`),
    new RegExp(`\\b(?:end|ending|take|taking|took) ${POSSESSIVE} (?:own )?life\\b`),
    /\b(?:wants?|wanting|wanted) to (?:die|be dead)\b/,
    /\b(?:doesn'?t|does not|don'?t|do not|no longer) wants? to (?:live|be alive|be here|go on)\b/,
    /\bnot want(?:ing)? to (?:live|be alive|be here|go on)\b/,
    /\bself[- ]?harm/,
    new RegExp(`\\b(?:cut|cutting|burn|burning|hurt|hurting|harm|harming)s? ${SELF}`),
    /\boverdos(?:e|ed|ing)\b/,
    /\b(?:better off dead|no reason to live|nothing to live for|can'?t go on|cannot go on)\b/,
    /\b(?:hang|hanging) (?:him|her|them|my)sel/,
    /\b(?:jump|jumping) (?:off|in front of)\b/,
  ],
  'domestic-abuse': [
    /\bdomestic (?:abuse|violence)\b/,
    /\bcoercive control/,
    /\b(?:husband|wife|partner|boyfriend|girlfriend|ex|ex-partner)\b[^.?!]{0,40}\b(?:hits?|hitting|beats?|beating|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|chok(?:es|ed|ing)|strangl\w*|threaten\w*|hurt(?:s|ing)?|controls?|controlling|attack\w*|assault\w*)\b/,
    /\b(?:hits?|hitting|beats?|beating|hurts?|hurting|threatens?|threatening)\b[^.?!]{0,20}\b(?:her|him)\b[^.?!]{0,30}\b(?:husband|wife|partner|boyfriend|girlfriend)\b/,
    /\bfleeing (?:abuse|violence|a violent)\b/,
  ],
  'harm-or-abuse': [
    /\b(?:being|been|is|was|are) (?:\w+ly )?(?:abused|assaulted|hit|beaten|neglected|exploited|harmed|attacked|hurt)\b/,
    /\b(?:physical|sexual|financial|emotional|psychological) abuse\b/,
    /\babus(?:e|ing|ed) (?:her|him|them|the child|a child|my|their|his)\b/,
    /\b(?:child|children|kid|kids|baby|adult|man|woman|mum|dad|gran|neighbour)\b[^.?!]{0,40}\b(?:at risk of harm|in danger|unsafe at home|being harmed|being hurt|being hit)\b/,
    /\b(?:at risk of harm|in immediate danger|not safe at home|unsafe at home|scared to go home|afraid to go home)\b/,
    /\b(?:taking|took|stealing|stole) (?:her|his|their) (?:money|pension|bank card)\b(?! into account)/,
    /\b(?:bruises|bruising|injuries) (?:no one can explain|that can'?t be explained|unexplained)\b|\bunexplained (?:bruis\w*|injur\w*)/,
    /\block(?:ed|s)? (?:her|him|them) in\b/,
    /\b(?:hits?|hitting|beats?|beating|punch(?:es|ing)?|kick(?:s|ing)?) (?:her|him|them|the child|the kids|their child)\b/,
  ],
  'medical-emergency': [
    /\b(?:not|isn'?t|stopped|has stopped) breathing\b/,
    /\b(?:unconscious|unresponsive|collapsed|passed out|won'?t wake|can'?t wake|cannot wake)\b/,
    /\bchest pains?\b/,
    /\b(?:having|had|has had) a (?:stroke|heart attack|seizure|fit)\b|\bsigns of (?:a )?stroke\b/,
    /\b(?:heavy|severe|serious) bleeding\b|\bbleeding heavily\b|\bwon'?t stop bleeding\b/,
    /\bchoking\b|\banaphyla/,
    /\b(?:fallen|fell) and (?:can'?t|cannot) get up\b[^.?!]*\b(?:hurt|injured|bleeding|head)\b/,
  ],
};

/** A question about a topic ("suicide prevention strategy", "domestic abuse services") rather than
 * about a person: institutional words and no one the text is about. */
const TOPIC_WORDS = /\b(?:services?|strateg(?:y|ies)|training|prevention|polic(?:y|ies)|procedures?|plan|statistics|awareness|courses?|documents?|directory|leaflets?|information|figures|data)\b/;
const PERSON_WORDS = /\b(?:\w+sel(?:f|ves)|teenager|girl|boy|wife|husband|partner|resident|tenant|pupil|user|family|she|he|her|him|hers|his|they|them|their|client|patient|man|woman|person|someone|somebody|child|children|kid|kids|baby|mum|dad|son|daughter|gran|neighbour|carer|i|me|my|we|us)\b/;

export interface RiskAssessment {
  kinds: RiskKind[];
}

/** The kinds of immediate risk the text suggests, most urgent first; empty when none. */
export function assessRisk(text: string): RiskAssessment {
  const folded = text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
  const kinds = RISK_KINDS.filter((kind) => PATTERNS[kind].some((p) => p.test(folded)));
  if (kinds.length && TOPIC_WORDS.test(folded) && !PERSON_WORDS.test(folded)) return { kinds: [] };
  return { kinds };
}
