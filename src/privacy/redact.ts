// Finds personal details staff may type about the people they support and removes them before
// the text goes anywhere else. The raw text is never logged or stored; only the redacted form.

export type PersonalDetailKind = 'email' | 'phone' | 'postcode' | 'chi' | 'nino' | 'date-of-birth';

export interface Redaction {
  text: string;
  found: PersonalDetailKind[];
}

interface Detector {
  kind: PersonalDetailKind;
  pattern: RegExp;
  accept?: (match: string) => boolean;
}

const DETECTORS: Detector[] = [
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  // CHI: ten digits starting with a real DDMMYY date (checked below), optionally spaced 6+4 or 2-2-2-4.
  { kind: 'chi', pattern: /\b\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{4}\b/g, accept: (m) => isDdmmyy(m.replace(/\D/g, '').slice(0, 6)) },
  { kind: 'nino', pattern: /\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/gi },
  // UK phone numbers: 0 or +44 followed by 9-10 more digits, in the usual groupings.
  { kind: 'phone', pattern: /(?:\+44\s?\(?0?\)?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b/g },
  { kind: 'postcode', pattern: /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/gi },
  { kind: 'date-of-birth', pattern: /\b(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:19|20)?\d{2}\b/g },
];

function isDdmmyy(digits: string): boolean {
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

const LABELS: Record<PersonalDetailKind, string> = {
  email: '[email]',
  phone: '[phone]',
  postcode: '[postcode]',
  chi: '[CHI]',
  nino: '[NI number]',
  'date-of-birth': '[date]',
};

export function redactPersonalDetails(input: string): Redaction {
  let text = input;
  const found = new Set<PersonalDetailKind>();
  for (const detector of DETECTORS) {
    text = text.replace(detector.pattern, (match) => {
      if (detector.accept && !detector.accept(match)) return match;
      found.add(detector.kind);
      return LABELS[detector.kind];
    });
  }
  return { text, found: [...found] };
}
