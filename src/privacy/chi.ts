// Community Health Index (CHI) numbers: NHS Scotland's ten-digit patient identifier.
//
// Layout: DDMMYY (date of birth) + two digits + a ninth digit (odd for male, even for female) + a
// check digit. No library validates these, so the rules are written out here.
//
// Check digit. Two schemes are accepted, and a number is a CHI if it passes EITHER:
//
//  * Modulus 11, the long-standing scheme: weights 10,9,8,7,6,5,4,3,2 on the first nine digits;
//    check = 11 - (sum mod 11); a result of 11 becomes 0; a result of 10 means no valid number
//    exists for those nine digits.
//
//  * Modulus 10, the scheme Public Health Scotland is introducing (2026) for new CHI numbers once
//    the modulus-11 numbers for a birth date run out. This project reads it as the Luhn
//    ("double-add-double") check over all ten digits: counting from the right, with the check digit
//    as position 1, every second digit (positions 2, 4, ... i.e. the 9th, 7th, 5th, 3rd and 1st
//    digits) is doubled, 9 is subtracted from any doubled value over 9, and the ten values must sum
//    to a multiple of 10. That matches Public Health Scotland's own phsmethods::chi_check (which
//    doubles digits 9, 7, 5, 3 and 1 and takes check = (10 - sum mod 10) mod 10). If the published
//    specification turns out to differ, only `mod10CheckDigit` needs to change.
//
// Accepting both means roughly one in five ten-digit strings with a valid DDMMYY prefix is treated
// as a CHI; for redaction, erring that way is the safe side.

/** How many digits a CHI number has. */
export const CHI_LENGTH = 10;

/** Days in a month; with a two-digit year the century is unknown, so 29 February is allowed whenever YY is divisible by 4. */
function daysInMonth(month: number, yy: number): number {
  if (month === 2) return yy % 4 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when six digits are a date that exists, read as DDMMYY (any year 00-99). */
export function isValidChiDate(ddmmyy: string): boolean {
  if (!/^\d{6}$/.test(ddmmyy)) return false;
  const day = Number(ddmmyy.slice(0, 2));
  const month = Number(ddmmyy.slice(2, 4));
  const yy = Number(ddmmyy.slice(4, 6));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, yy);
}

function digitsOf(text: string): number[] {
  return [...text].map(Number);
}

/**
 * The modulus-11 check digit for the first nine digits of a CHI, or undefined when the
 * calculation gives 10 (no modulus-11 CHI exists with those nine digits).
 */
export function mod11CheckDigit(firstNine: string): number | undefined {
  if (!/^\d{9}$/.test(firstNine)) throw new RangeError('mod11CheckDigit needs exactly nine digits');
  const sum = digitsOf(firstNine).reduce((total, digit, i) => total + digit * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return undefined;
  return check;
}

/** The modulus-10 (Luhn) check digit for the first nine digits of a CHI. */
export function mod10CheckDigit(firstNine: string): number {
  if (!/^\d{9}$/.test(firstNine)) throw new RangeError('mod10CheckDigit needs exactly nine digits');
  const sum = digitsOf(firstNine).reduce((total, digit, i) => {
    // With the check digit appended, digit i (0-based) sits at position 10 - i from the right;
    // even positions are doubled, i.e. i = 0, 2, 4, 6, 8.
    if (i % 2 === 1) return total + digit;
    const doubled = digit * 2;
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return (10 - (sum % 10)) % 10;
}

/** True when ten digits pass the modulus-11 check. */
export function passesMod11(digits: string): boolean {
  return /^\d{10}$/.test(digits) && mod11CheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

/** True when ten digits pass the modulus-10 (Luhn) check. */
export function passesMod10(digits: string): boolean {
  return /^\d{10}$/.test(digits) && mod10CheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

/**
 * True when the text is a CHI number: ten digits (spaces and hyphens between groups are ignored),
 * the first six a real DDMMYY date, and a check digit valid under modulus 11 or modulus 10.
 */
export function isValidChi(digits: string): boolean {
  const compact = digits.replace(/[\s\-\u2010-\u2013]/g, '');
  if (!/^\d{10}$/.test(compact)) return false;
  return isValidChiDate(compact.slice(0, 6)) && (passesMod11(compact) || passesMod10(compact));
}

// Where a CHI may be written: ten digits together, or grouped 6+4, 2-2-2-4 or 3-3-4 with a space
// or a hyphen (optionally spaced) between groups. Not part of a longer run of digits, and not the
// subscriber part of an international phone number (+44 131 201 0450, 0044 ..., (0)...).
const SEP = String.raw`(?:\s?[-\u2010-\u2013]\s?|\s)`;
const NOT_AFTER_PHONE_PREFIX = String.raw`(?<!\d|\+|\+\d{1,3}[\s-]?|\b00\d{1,3}[\s-]?|\(0\)\s?)`;
const CHI_CANDIDATE = new RegExp(
  NOT_AFTER_PHONE_PREFIX +
    String.raw`(?:\d{10}|\d{6}${SEP}\d{4}|\d{2}${SEP}\d{2}${SEP}\d{2}${SEP}\d{4}|\d{3}${SEP}\d{3}${SEP}\d{4})` +
    String.raw`(?!\d)`,
  'g',
);
// Any other grouping of exactly ten digits (0101 50 1234), but only as a whole: not next to
// further digits, even across a space or hyphen, so it never takes ten digits out of a longer
// number.
const CHI_ANY_GROUPING = new RegExp(
  NOT_AFTER_PHONE_PREFIX + String.raw`(?<!\d[\s-])\d(?:[\s-]?\d){9}(?![\s-]?\d)`,
  'g',
);

export interface Span {
  start: number;
  end: number;
}

/** Where valid CHI numbers occur in the text (start inclusive, end exclusive), in order. */
export function findChis(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of [CHI_CANDIDATE, CHI_ANY_GROUPING]) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (spans.some((s) => start < s.end && s.start < end)) continue;
      if (isValidChi(match[0])) spans.push({ start, end });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
