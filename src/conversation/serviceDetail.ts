// The reply to "their number", "where are they", "how do I refer", "when are they open": the detail
// asked for, for the service(s) last shown, each line naming the service it is about and where the
// detail comes from, so the reply says what it understood.
import { formatAddress } from '../knowledge/servicePassage';
import { publicPhones, showableService } from '../knowledge/publicText';
import { detailInWords, givesDetail } from '../knowledge/recordDetails';
import type { ServiceRecord } from '../knowledge/types';
import type { DetailField } from './followUp';
import { knowledgeText } from '../cards/markdown';
import { stem } from '../search/stem';

const LABELS: Record<DetailField, string> = {
  phone: 'phone',
  address: 'address',
  refer: 'how to refer',
  hours: 'opening hours',
  email: 'email',
  website: 'website',
  cost: 'cost',
  who: 'who it is for',
};

function phones(s: ServiceRecord): string {
  const list = (s.phones ?? []).map((p) => `${p.number}${p.description ? ` (${p.description})` : ''}`);
  return list.length ? list.join('; ') : `no phone number is published${s.email ? `; email ${s.email}` : s.url ? `; website ${s.url}` : ''}`;
}

function value(s: ServiceRecord, field: DetailField): string {
  switch (field) {
    case 'phone':
      return phones(s);
    case 'address':
      return formatAddress(s) ?? `no address is published (area served: ${s.area_served})`;
    case 'refer':
      // With the routes it names: "contact by email" comes with the address.
      return `${s.how_to_access}${s.phones?.length ? ` Phone: ${phones(s)}.` : ''}${s.email ? ` Email: ${s.email}.` : ''}${!s.phones?.length && !s.email && s.url ? ` Website: ${s.url}.` : ''}`;
    case 'hours':
      // Hours told in the record's words ("a 24-hour line") come with the numbers they are about.
      return s.schedule || (detailInWords(s, 'hours') ? `${detailInWords(s, 'hours')} Phone: ${phones(s)}.` : `no opening hours are published; phone to check: ${phones(s)}`);
    case 'email':
      return s.email ?? detailInWords(s, 'email') ?? `no email is published; phone: ${phones(s)}`;
    case 'website':
      return s.url ?? `no website is published; phone: ${phones(s)}`;
    case 'cost':
      return s.fees || detailInWords(s, 'cost') || 'no cost is published; check with the service';
    case 'who':
      return s.eligibility;
  }
}

function source(s: ServiceRecord): string {
  return s.as_of === 'undated' ? 'service directory, source undated' : `service directory, source dated ${s.as_of}`;
}

/** The line of a service's record that answers a question, with where it comes from. */
export function serviceRecordLine(service: ServiceRecord, snippet: string): string {
  return `**${knowledgeText(service.name)}** — from its record: ${snippet} _(${source(service)})_`;
}

/** One line per service: "**VOCAL Midlothian Carer Centre** — phone: 0131 … (service directory, source dated …)". */
export function serviceDetailText(services: ServiceRecord[], field: DetailField): string {
  return services
    .map((raw) => {
      const s = showableService(raw);
      return `**${knowledgeText(s.name)}** — ${LABELS[field]}: ${value(s, field)} _(${source(s)})_`;
    })
    .join('\n\n');
}

/** What a service's record says in words, as cards show it (curators' notes left out). */
function recordText(raw: ServiceRecord): string {
  const s = showableService(raw);
  return [s.description, s.eligibility, s.how_to_access, s.schedule, s.fees].filter(Boolean).join(' ');
}

const TIME_SPAN = /\b(?:\d+|one|two|three|four|five|six|same|next)[ -](?:working )?(?:hours?|days?|weeks?|months?)\b|\bsame day\b/i;

/** The sentence of a service's record that says most of these words ("do they have to pay it back?" →
 * "Grants that people do not have to pay back."), when one says any. A detail asked in the message's
 * own words is often in the description rather than the field the detail is named by. */
export function recordSentenceSaying(raw: ServiceRecord, words: string[], asksHowSoon = false, detail?: string): string | undefined {
  return bestRecordSentence(raw, words, asksHowSoon, detail)?.sentence;
}

/** The sentence `recordSentenceSaying` picks, with how much of the ask it says (to compare records). */
export function bestRecordSentence(raw: ServiceRecord, words: string[], asksHowSoon = false, detail?: string): { sentence: string; said: number } | undefined {
  const wanted = new Set(words.map(stem));
  if (!wanted.size && !asksHowSoon) return undefined;
  const text = recordText(raw);
  let best: { sentence: string; said: number } | undefined;
  for (const sentence of text.match(/[^.!?]+[.!?]?/g) ?? []) {
    const stems = new Set(sentence.toLowerCase().split(/[^a-z0-9£%]+/).filter(Boolean).map(stem));
    // A time span ("within 4 hours", "2 working days") says how soon, whatever words it uses.
    const named = [...wanted].filter((w) => stems.has(w)).length;
    // "which day is loanhead?": of the sentences naming Loanhead, the one that gives the detail asked (a day).
    const answers = named > 0 && detail !== undefined && givesDetail(sentence, detail) ? 0.5 : 0;
    const said = named + answers + (asksHowSoon && TIME_SPAN.test(sentence) ? 2 : 0);
    if (said > (best?.said ?? 0)) best = { sentence: sentence.trim(), said };
  }
  return best;
}

/** Whether a service's record says every one of these words (by stem, or a typo's first letters:
 * "waitin list" → "waiting list"): then a short question made of them asks about that service. */
export function recordSaysAll(raw: ServiceRecord, words: string[]): boolean {
  return words.length > 0 && recordSays(raw, words).length === words.length;
}

/** The words of `words` a record says, as a word or (five letters or more) by its start ("waitin"). */
export function recordSays(raw: ServiceRecord, words: string[]): string[] {
  if (!words.length) return [];
  const tokens = recordText(raw).toLowerCase().split(/[^a-z0-9£%]+/).filter(Boolean);
  const said = new Set(tokens.map(stem));
  return words.filter((w) => said.has(stem(w)) || (w.length >= 5 && tokens.some((t) => t.startsWith(w.slice(0, 5)))));
}

/** A span of hours in a schedule: "8am-10pm", "6pm to Mon 6am". */
const HOURS_SPAN = /(\d{1,2})(?::\d{2})?\s*(am|pm)\s*(?:-|–|to)\s*(?:[a-z]{3,9}\s+)?(\d{1,2})(?::\d{2})?\s*(am|pm)/gi;

function hourOf(n: string, half: string): number {
  return (Number(n) % 12) + (half.toLowerCase() === 'pm' ? 12 : 0);
}

/** Whether a schedule has the service open at an hour of the day (0-23), on any day it gives:
 * undefined when it gives no hours to judge by. */
export function openAt(schedule: string | undefined, hour: number): boolean | undefined {
  if (!schedule) return undefined;
  if (/\b24[- ]?hours?\b|24\/7/i.test(schedule)) return true;
  const spans = [...schedule.matchAll(HOURS_SPAN)].map((m) => [hourOf(m[1], m[2]), hourOf(m[3], m[4])] as const);
  if (!spans.length) return undefined;
  // A span past midnight ("6pm-2am") is open from its start to the end of the day and from midnight to its end.
  return spans.some(([from, to]) => (from < to ? hour >= from && hour < to : hour >= from || hour < to));
}

/** The hour the last of some schedules closes ("8am-10pm" → 22; with "6pm-2am" beside it, 2), or
 * undefined when none gives hours or each runs round the clock. */
export function latestClosing(schedules: ReadonlyArray<string | undefined>): number | undefined {
  // A span past midnight ends the next day (counted past 24): later than any ending the same day.
  const ends = schedules
    .filter((schedule): schedule is string => schedule !== undefined && !/\b24[- ]?hours?\b|24\/7/i.test(schedule))
    .flatMap((schedule) => [...schedule.matchAll(HOURS_SPAN)].map((m) => {
      const [from, to] = [hourOf(m[1], m[2]), hourOf(m[3], m[4])];
      return to <= from ? to + 24 : to;
    }));
  return ends.length ? Math.max(...ends) % 24 : undefined;
}

/** Whether a service can be rung at an hour of the day: a line said to be for out of hours is taken
 * at its word (the record's schedule may be the office's); otherwise its schedule decides, and a
 * schedule that gives no hours does not rule it out. */
export function openAtHour(raw: ServiceRecord, hour: number): boolean {
  if (publicPhones(raw).some((p) => OUT_OF_HOURS_SAID.test(p.description ?? '') && !ABOUT_THE_SERVICE.test(p.description ?? ''))) return true;
  return openAt(raw.schedule, hour) !== false;
}

/** Said of a phone line or a record: open outside office hours. */
const OUT_OF_HOURS_SAID = /\b(?:24[- ]?hours?|24\/7|365 days|out[- ]of[- ]hours|outside office hours|after hours|evenings?|nights?|overnight|weekends?|ooh)\b/i;
/** A line for comments or complaints about a service is no line to ring for help. */
const ABOUT_THE_SERVICE = /\b(?:complaints?|comments|feedback|patient experience)\b/i;

/** The phone lines of a service a person can ring outside office hours: those said to be, or all of its
 * public lines when the service as a whole is open then (a 24-hour helpline, the out-of-hours social work
 * service); never a line for professionals only, or for complaints. */
export function outOfHoursLines(raw: ServiceRecord): NonNullable<ServiceRecord['phones']> {
  const phones = publicPhones(raw).filter((p) => !ABOUT_THE_SERVICE.test(p.description ?? ''));
  const whole = raw.categories?.includes('emergency-out-of-hours') || OUT_OF_HOURS_SAID.test(raw.schedule ?? '') || (raw.keywords ?? []).some((k) => OUT_OF_HOURS_SAID.test(k));
  const said = phones.filter((p) => OUT_OF_HOURS_SAID.test(p.description ?? ''));
  return said.length ? said : whole ? phones : [];
}
