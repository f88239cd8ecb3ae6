// Whether a service's record holds a detail staff ask for: in its own field, or said in its words
// ("Free to attend", "open 9am to 5pm"). The search (is "LCiL phone number" answerable?) and the
// follow-ups ("is it free?") read the record the same way, so one never says a detail is missing
// that the other shows.
import { formatAddress } from './servicePassage';
import type { ServiceRecord } from './types';

export type RecordDetail = 'phone' | 'email' | 'hours' | 'cost' | 'address';

/** An email address in running text. */
export const EMAIL_IN_WORDS = /\S+@\S+\.\w/;

/** How each detail shows in a record's words when it has no field of its own. */
const IN_WORDS: Partial<Record<RecordDetail, RegExp>> = {
  email: EMAIL_IN_WORDS,
  hours: /\b\d{1,2} ?(?:am|pm)\b|\b\d{1,2}[:.]\d\d\b|\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekdays?|24 hours|24\/7)\b/i,
  cost: /\bfree\b|£\s?\d|\blow[- ]cost\b|\bno (?:cost|charge)\b|\bcharges? (?:apply|for)\b/i,
};

/** Whether a sentence gives a detail in its words ("drop-ins at Loanhead on Mondays" gives the hours);
 * a detail with no such pattern (a website, how to refer) is never given this way. */
export function givesDetail(sentence: string, detail: string): boolean {
  return (IN_WORDS as Partial<Record<string, RegExp>>)[detail]?.test(sentence) ?? false;
}

/** The sentence of the record's description, eligibility or route that gives the detail, if any. */
export function detailInWords(service: ServiceRecord, detail: RecordDetail): string | undefined {
  const pattern = IN_WORDS[detail];
  if (!pattern) return undefined;
  const text = [service.description, service.eligibility, service.how_to_access].join(' ');
  return text.match(/[^.!?]+[.!?]?/g)?.map((s) => s.trim()).find((s) => pattern.test(s));
}

/** Whether the record gives the detail at all. */
export function holdsDetail(service: ServiceRecord, detail: RecordDetail): boolean {
  switch (detail) {
    case 'phone':
      return (service.phones ?? []).length > 0;
    case 'address':
      return formatAddress(service) !== undefined;
    case 'email':
      return !!service.email || detailInWords(service, 'email') !== undefined;
    case 'hours':
      return !!service.schedule || detailInWords(service, 'hours') !== undefined;
    case 'cost':
      return !!service.fees || detailInWords(service, 'cost') !== undefined;
  }
}
