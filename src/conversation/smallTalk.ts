// The small words people acknowledge or end a conversation with get a short reply, not the help
// card; and a message in another language gets a hint that the bot reads English only.

import { GREETING_WORDS, SOCIAL_FILLER, WARM_WORDS } from '../search/socialWords';

export type SmallTalk = 'thanks' | 'bye' | 'ok' | 'hello';

const THANKS = /^(?:(?:ok(?:ay)?|great|brilliant|lovely|perfect|cool|that'?s (?:great|helpful|brilliant|perfect|lovely)|super)[,!. ]*)?(?:thanks?(?: you)?(?: very much| so much| a lot)?|many thanks|cheers|ta|thx|ty|much appreciated|that helps|that'?s helpful)(?: (?:very much|again|for (?:that|this|your help|the help)))?$/;
const BYE = /^(?:(?:ok(?:ay)?|thanks?(?: you)?|cheers)[,!. ]*)?(?:bye|goodbye|bye bye|see you|see ya|cya|that'?s all|that is all|all done|done|no more questions)(?: (?:for now|then|thanks?|thank you))?$/;
const OK = /^(?:ok(?:ay)?|k|right|alright|got it|understood|noted|fine|sure|yes|yep|no|nope|ah|oh|ah ok|oh ok|i see|good|great|brilliant|perfect|lovely|cool)$/;

export function smallTalk(text: string): SmallTalk | undefined {
  const t = text.toLowerCase().replace(/[’]/g, "'").replace(/[!.?,\s]+$/g, '').replace(/^[\s!.?,]+/, '').replace(/\s+/g, ' ');
  if (!t || t.length > 60) return undefined;
  if (THANKS.test(t)) return 'thanks';
  if (BYE.test(t)) return 'bye';
  if (OK.test(t)) return 'ok';
  return socialOnly(t);
}

/** A message of social words only: thanks or praise, or a greeting. "thanks, and is there a lunch club
 * in Penicuik" has words of its own and is a question. */
function socialOnly(t: string): SmallTalk | undefined {
  const words = t.match(/[a-z']+/g) ?? [];
  if (words.length === 0 || words.length > 12) return undefined;
  if (!words.every((w) => WARM_WORDS.has(w) || GREETING_WORDS.has(w) || SOCIAL_FILLER.has(w))) return undefined;
  if (words.some((w) => WARM_WORDS.has(w))) return 'thanks';
  // A greeting on its own ("hi") gets the help card, as before.
  if (words.length >= 2 && (words.some((w) => GREETING_WORDS.has(w)) || /\bhow\b.*\b(are|doing)\b/.test(t))) return 'hello';
  return undefined;
}

/** Words far more common in the languages Midlothian's services most often meet (Polish, Romanian,
 * Spanish, Portuguese, French, German, Italian, Lithuanian) than in English. */
const FOREIGN_WORDS = new Set([
  'jak', 'gdzie', 'czy', 'jest', 'dla', 'nie', 'pomoc', 'mogę', 'moge', 'się', 'sie', 'opieka', 'który', 'jaki',
  'unde', 'este', 'pentru', 'ajutor', 'cum', 'poate', 'și', 'sau',
  'dónde', 'donde', 'puedo', 'ayuda', 'para', 'cómo', 'como', 'está', 'qué', 'los', 'las', 'una', 'por', 'cuidador',
  'onde', 'posso', 'ajuda', 'você', 'não', 'uma', 'cuidar',
  'où', 'est-ce', 'aide', 'pour', 'comment', 'je', 'peux', 'une', 'des', 'avec', 'les', 'aidant',
  'wo', 'kann', 'ich', 'hilfe', 'für', 'und', 'der', 'die', 'das', 'ist', 'eine', 'nicht', 'wie',
  'dove', 'posso', 'aiuto', 'sono', 'della', 'gli', 'che',
  'kur', 'galiu', 'pagalba', 'kaip',
]);

/** True when the text is mostly not English: another script, or several common foreign words. */
export function looksLikeAnotherLanguage(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 4) return false;
  const nonLatin = letters.filter((c) => !/\p{Script=Latin}/u.test(c)).length;
  if (nonLatin / letters.length > 0.5) return true;
  const words = text.toLowerCase().match(/[\p{L}'-]+/gu) ?? [];
  const foreign = words.filter((w) => FOREIGN_WORDS.has(w)).length;
  return words.length > 0 && foreign >= 2 && foreign / words.length >= 0.25;
}
