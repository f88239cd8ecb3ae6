// Finds personal details staff may type about the people they support and removes them before
// the text goes anywhere else. The raw text is never logged or stored; only the redacted form.
//
// Detectors run one after another over the text, each replacing what it finds with a label, in
// this order: email, CHI, National Insurance number, date of birth, postcode, phone. Order
// matters: an email can contain digits, a valid CHI is a CHI rather than a phone number, and a
// date such as 03-04-1948 also looks like a phone number to the phone finder.
//
// What is deliberately NOT redacted (so staff can still ask about services and the plan):
//  * phone numbers listed in the service directory (knowledge/services.json), short codes
//    (111, 999, 101, 116 123) and numbers that cannot belong to a private person: UK freephone
//    and other 08 non-geographic numbers, 03 numbers and 116/118 helplines;
//  * plan figures (96,600, 27%, 2025/26, 2.1, 5,200, £622.90), years, months with years
//    ("April 2023"), financial years and partial postcodes ("EH22");
//  * a full date that reads as a policy or event date: directly after a word such as "since",
//    "from", "on", "by", "until", "in force", "the" or a document name ("in force since 1 April
//    2014", "guidance 21 November 2022"), or directly before one ("what did 1 April 2019
//    change", "the 1 April 2014 commencement") - unless the message also talks about birth
//    ("born", "DOB", "date of birth"), which makes every full date a date of birth. Any other
//    full day-month-year date, including a bare one with no context, is treated as a date of
//    birth: when in doubt, redact.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js';
import { KNOWLEDGE_DIR } from '../paths';
import { findChis, type Span } from './chi';

export type PersonalDetailKind = 'email' | 'phone' | 'postcode' | 'chi' | 'nino' | 'date-of-birth' | 'name';

export interface Redaction {
  text: string;
  found: PersonalDetailKind[];
}

const LABELS: Record<PersonalDetailKind, string> = {
  email: '[email]',
  phone: '[phone]',
  postcode: '[postcode]',
  chi: '[CHI]',
  nino: '[NI number]',
  'date-of-birth': '[date]',
  name: '[name]',
};

// ---------------------------------------------------------------------------------------------
// Names after a title ("Mrs Smith", "Mr John O'Neil", "Dr. McLean-Hay"): the title says a person
// follows. Names without a title are not detected — the reminder asks staff to leave them out.

// (The curly apostrophe as \u2019: String.raw keeps the escape for the RegExp to read, and the
// bundle is written in ASCII.)
const NAME_WORD = String.raw`(?:Mc|Mac|O'|O\u2019)?[A-Z][a-z][A-Za-z'\u2019-]*`;
const TITLED_NAME = new RegExp(String.raw`\b(?:Mrs|Mr|Ms|Miss|Mx|Dr|Master)\.?\s+(?:[A-Z]\.?\s+)?${NAME_WORD}(?:\s+(?!And\b|Or\b|In\b|On\b|At\b)${NAME_WORD})?`, 'g');

// ---------------------------------------------------------------------------------------------
// Email

const EMAIL = /(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/g;

// ---------------------------------------------------------------------------------------------
// National Insurance numbers (HMRC rules): two prefix letters, the first not D, F, I, Q, U or V,
// the second not D, F, I, O, Q, U or V, and never BG, GB, KN, NK, NT, TN or ZZ; six digits; a
// suffix letter A-D. Spaces or hyphens between the letters, digits and suffix are optional
// (usually pairs: JT 12 34 56 C; sometimes JT 123 456 C). Without the suffix, or when a
// lower-case English word is followed by a plain six-digit number ("it will be 125000 a year"),
// it only counts when "NI", "NINO" or "national insurance" appears shortly before it.

const NINO = /(?<![A-Za-z0-9])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][\s-]?\d(?:[\s-]?\d){5}(?:[\s-]?([A-D]))?(?![A-Za-z0-9])/gi;
const NINO_CONTEXT = /(?:^|[^\p{L}])(?:NINO|N\.?I\.?|national\s+insurance)(?![\p{L}])/iu;

// Lower-case two-letter English words that are also valid prefixes ("it will be 125000 a year").
// Followed by a space and six digits in one run, they need the NI context to count.
const NINO_WORD_PREFIXES = new Set(
  'ah am an as at aw ax ay be by eh em en er ex ha he hm la ma me my na ne oh ok om on or ow ox oy pa re sh ta we ya ye'.split(' '),
);

function findNinos(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(NINO)) {
    const prefix = match[0].slice(0, 2);
    const inContext = NINO_CONTEXT.test(text.slice(Math.max(0, match.index - 40), match.index));
    const hasSuffix = match[1] !== undefined;
    const looksLikeWord =
      prefix !== prefix.toUpperCase() && NINO_WORD_PREFIXES.has(prefix.toLowerCase()) && /^..\s+\d{6}\b/.test(match[0]);
    if (inContext || (hasSuffix && !looksLikeWord)) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Dates of birth: full day-month-year dates only.

const MONTH_NAMES =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTH_INDEX: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** 03/04/1948, 3.4.48, 03-04-1948 (the same separator twice). */
const NUMERIC_DMY = /(?<![\d./-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d]|[./-]\d)/g;
/** 1948-04-03, 1948/04/03. */
const NUMERIC_YMD = /(?<![\d./-])((?:19|20)\d{2})([/.-])(\d{1,2})\2(\d{1,2})(?![\d]|[./-]\d)/g;
/** 3 April 1948, 3rd April 1948, 3rd of April 1948, 03-Apr-1948, 3 Apr '48. */
const TEXT_DMY = new RegExp(
  String.raw`(?<![\w])(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?(?:\s+|-)(${MONTH_NAMES})\.?,?(?:\s+|-)(['\u2019]?\d{2}|\d{4})(?![\w])`,
  'gi',
);
/** April 3 1948, April 3rd, 1948. */
const TEXT_MDY = new RegExp(String.raw`(?<![\w])(${MONTH_NAMES})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?![\w])`, 'gi');

/** Talk of birth anywhere in the message makes every full date a date of birth. */
const BIRTH_CUE = /\bborn\b|\bbirth|\bdob\b|\bd\.\s?o\.\s?b\b/i;
/**
 * Words that, directly before a date, mark it as a policy or event date rather than a birth date:
 * prepositions ("since 1 April 2014", "from", "on", "by", "until"), event verbs ("published",
 * "commenced", "in force") and the names of documents ("guidance 21 November 2022", "the Act").
 */
const POLICY_CUE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:since|from|until|till|by|before|after|on|of|as\s+(?:of|at)|effective|commenc(?:ed|es|ing)|commencement|introduced|implemented|published|updated|issued|passed|approved|agreed|launched|dated|starts?|started|starting|begins?|began|beginning|in\s+force|ends?|ended|ending|expires?|expired|between|the|guidance|act|regulations?|order|plan|policy|circular|report|minutes|meeting|consultation|version|update|letter|budget|strategy|standards|framework|legislation|notice|deadline|bulletin|briefing)\s+(?:(?:on|from|the|of)\s+)?$`,
  'iu',
);
/** Words that, directly after a date, mark it as a policy or event date ("1 April 2014 guidance", "what did 1 April 2019 change"). */
const POLICY_FOLLOWER =
  /^\s*(?:['\u2019]s\s+)?(?:guidance|act|regulations?|commencement|version|update|changes?|changed|deadline|meeting|report|minutes|consultation|plan|policy|budget|rules?|launch|announcement|circular|letter|notice|order)\b/i;
/** Joins the second date of a range to the first ("from 1 April 2014 to 31 March 2015"). */
const RANGE_JOIN = /^\s*(?:and|to|until|till|through|-|\u2013|\u2014)\s*$/i;

interface DateMatch extends Span {
  day: number;
  month: number;
  year: string;
}

function dateExists(day: number, month: number, year: string): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const digits = year.replace(/['\u2019]/, '');
  const y = Number(digits);
  if (digits.length === 4 && (y < 1880 || y > 2099)) return false;
  // With a two-digit year the century is unknown, so 29 February is allowed whenever YY is divisible by 4.
  const leap = digits.length === 4 ? (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 : y % 4 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

function monthNumber(name: string): number {
  return MONTH_INDEX[name.slice(0, 3).toLowerCase()] ?? 0;
}

function findFullDates(text: string): DateMatch[] {
  const dates: DateMatch[] = [];
  const add = (index: number, length: number, day: number, month: number, year: string) => {
    if (dateExists(day, month, year)) dates.push({ start: index, end: index + length, day, month, year });
  };
  for (const m of text.matchAll(NUMERIC_DMY)) add(m.index, m[0].length, Number(m[1]), Number(m[3]), m[4]!);
  for (const m of text.matchAll(NUMERIC_YMD)) add(m.index, m[0].length, Number(m[4]), Number(m[3]), m[1]!);
  for (const m of text.matchAll(TEXT_DMY)) add(m.index, m[0].length, Number(m[1]), monthNumber(m[2]!), m[3]!);
  for (const m of text.matchAll(TEXT_MDY)) add(m.index, m[0].length, Number(m[2]), monthNumber(m[1]!), m[3]!);
  return dropOverlaps(dates);
}

function findDatesOfBirth(text: string): Span[] {
  const dates = findFullDates(text);
  if (BIRTH_CUE.test(text)) return dates;
  const spans: Span[] = [];
  let previousPolicyEnd = -1;
  for (const date of dates) {
    const before = text.slice(Math.max(0, date.start - 40), date.start);
    const joinsRange = previousPolicyEnd >= 0 && RANGE_JOIN.test(text.slice(previousPolicyEnd, date.start));
    const after = text.slice(date.end, date.end + 40);
    if (POLICY_CUE.test(before) || POLICY_FOLLOWER.test(after) || joinsRange) {
      previousPolicyEnd = date.end;
      continue;
    }
    spans.push(date);
  }
  return spans;
}

/** Text that is just a numeric date (so the phone finder leaves it alone). */
const WHOLE_NUMERIC_DATE = /^\s*(?:\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})|(?:19|20)\d{2}([/.-])\d{1,2}\2\d{1,2})\s*$/;

// ---------------------------------------------------------------------------------------------
// Postcodes: full UK postcodes only (outward and inward code), any case, space optional.
// "EH22" on its own is a district, not an address, and is kept.

const POSTCODE =
  /(?<![A-Za-z0-9])(?:GIR(?:\s{1,2}|-)?0AA|(?:[A-PR-UWYZ]\d\d?|[A-PR-UWYZ][A-HK-Y]\d\d?|[A-PR-UWYZ]\d[A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y]\d[ABEHMNPRVWXY])(?:\s{1,2}|-)?\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])/gi;

// ---------------------------------------------------------------------------------------------
// Phone numbers, found with libphonenumber-js (default country GB, "possible" leniency so numbers
// in ranges it does not list as valid, such as Ofcom's drama ranges, are still caught).

/** National significant numbers (no trunk 0) of every number in the service directory. */
const DIRECTORY_NUMBERS: ReadonlySet<string> = loadDirectoryNumbers();

function loadDirectoryNumbers(): Set<string> {
  const numbers = new Set<string>();
  try {
    const services: unknown = JSON.parse(readFileSync(resolve(KNOWLEDGE_DIR, 'services.json'), 'utf8'));
    if (!Array.isArray(services)) return numbers;
    for (const service of services) {
      const phones: unknown = (service as { phones?: unknown })?.phones;
      if (!Array.isArray(phones)) continue;
      for (const phone of phones) {
        const number: unknown = (phone as { number?: unknown })?.number;
        if (typeof number !== 'string') continue;
        numbers.add(nationalDigits(number));
        const parsed = parsePhoneNumberFromString(number, 'GB');
        if (parsed && parsed.countryCallingCode === '44') numbers.add(parsed.nationalNumber);
      }
    }
  } catch {
    // Without the directory every number is redacted: the safe direction.
  }
  return numbers;
}

/** Digits of a UK number without the +44/0044 prefix or trunk 0. */
function nationalDigits(text: string): string {
  const digits = text.replace(/\D/g, '');
  if (/^\s*(?:\+|00)44/.test(text)) return digits.replace(/^(?:00)?44/, '').replace(/^0/, '');
  return digits.replace(/^0/, '');
}

/**
 * Numbers no private person has: the directory's own numbers, 08 (freephone and other
 * non-geographic), 03 (public bodies and charities), and 116/118 helpline and enquiry codes.
 */
function isPublicNumber(national: string): boolean {
  return DIRECTORY_NUMBERS.has(national) || /^(?:8|3|11[68])/.test(national);
}

/** UK-style numbers libphonenumber-js may pass over (a safety net; runs after it). */
const UK_PHONE_FALLBACK =
  /(?<![\w+])(?:(?:\+|00)44\s?(?:\(0\)\s?)?\(?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)/g;

function findPhones(text: string): Span[] {
  const spans: Span[] = [];
  for (const found of findPhoneNumbersInText(text, { defaultCountry: 'GB', extended: true })) {
    const raw = text.slice(found.startsAt, found.endsAt);
    // People write UK numbers with the trunk 0 or an international prefix; a bare run of digits
    // (a reference number, a figure) is not taken as a phone number.
    if (!/^[\s(]*(?:\+|0)/.test(raw)) continue;
    if (WHOLE_NUMERIC_DATE.test(raw)) continue;
    if (found.number.countryCallingCode === '44' && isPublicNumber(found.number.nationalNumber)) continue;
    spans.push({ start: found.startsAt, end: found.endsAt });
  }
  return spans;
}

function findFallbackPhones(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(UK_PHONE_FALLBACK)) {
    const national = nationalDigits(match[0]);
    if (national.length < 9 || national.length > 10) continue;
    if (WHOLE_NUMERIC_DATE.test(match[0]) || isPublicNumber(national)) continue;
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------

function regexSpans(pattern: RegExp): (text: string) => Span[] {
  return (text) => [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Keeps the earliest (then longest) of overlapping spans. */
function dropOverlaps<T extends Span>(spans: T[]): T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const span of sorted) {
    const last = kept[kept.length - 1];
    if (last && span.start < last.end) continue;
    kept.push(span);
  }
  return kept;
}

interface Detector {
  kind: PersonalDetailKind;
  find: (text: string) => Span[];
}

const DETECTORS: Detector[] = [
  { kind: 'email', find: regexSpans(EMAIL) },
  { kind: 'chi', find: findChis },
  { kind: 'nino', find: findNinos },
  { kind: 'date-of-birth', find: findDatesOfBirth },
  { kind: 'postcode', find: regexSpans(POSTCODE) },
  { kind: 'phone', find: findPhones },
  { kind: 'phone', find: findFallbackPhones },
  // Last, so the numbers that follow a name are found as what they are first.
  { kind: 'name', find: regexSpans(TITLED_NAME) },
];

export function redactPersonalDetails(input: string): Redaction {
  let text = input;
  const found = new Set<PersonalDetailKind>();
  for (const detector of DETECTORS) {
    const spans = dropOverlaps(detector.find(text));
    if (!spans.length) continue;
    found.add(detector.kind);
    let next = '';
    let from = 0;
    for (const span of spans) {
      next += text.slice(from, span.start) + LABELS[detector.kind];
      from = span.end;
    }
    text = next + text.slice(from);
  }
  return { text, found: [...found] };
}
