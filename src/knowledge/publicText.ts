// What of a service record is safe to show. The directory's curators leave notes in its fields
// ("The sources read do not say", "… (verify)", "probably … ") for each other: they are not facts, so
// no card, reply or copy text shows them. Some numbers are for professionals only; the text staff
// copy for the person keeps only routes the public can use.
import type { Phone, ServiceRecord } from './types';

const CURATOR_NOTE =
  /\bverify\b|not stated in (?:the )?sources|\bsources?\b[^.;]*\b(?:do|does|did) not\b|\bsources? read\b|\bin the sources\b|\b(?:was|were) (?:not )?(?:found|captured)\b|\bnot captured\b|\bprobably\b|\b(?:could|can|has|have|was|were) not (?:be|been) (?:confirmed|checked|verified)\b|\bnot (?:been )?(?:confirmed|checked) (?:here|against)\b|\btitle not confirmed\b|\bto be confirmed\b|\bper sources?\b/i;

/** True when a piece of text is (or holds) a curator's note. */
export function hasCuratorNote(text: string): boolean {
  return CURATOR_NOTE.test(text);
}

/** The text without the sentences (or clauses after a semicolon) that are curators' notes. */
export function withoutCuratorNotes(text: string): string {
  // A note in brackets goes on its own ("contact the team (no number was captured)"); otherwise its sentence goes.
  const unbracketed = text.replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => (hasCuratorNote(inner) ? '' : whole));
  const sentences = unbracketed.match(/[^.;!?]+(?:[.;!?]+|$)/g) ?? [unbracketed];
  return sentences
    .filter((s) => !hasCuratorNote(s))
    .join('')
    .replace(/;\s*$/, '.')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[a-z]/, (c) => c.toUpperCase());
}

/** How to refer, in words that can be shown: the record's own, or, when it publishes no route, who to ask. */
export function referralRoute(service: ServiceRecord): string {
  const route = withoutCuratorNotes(service.how_to_access);
  if (route) return route;
  return `No referral route is published for this service. Ask ${service.organization} directly, or your team's duty worker, how to refer.`;
}

/** Whether the record marks the whole service as for professionals only. */
export function isProfessionalService(service: ServiceRecord): boolean {
  return service.review_flags.includes('professional-use-only');
}

/** Whether a number is only for professionals: the record says so for all its numbers, or the number's own description does. */
export function isProfessionalOnly(service: ServiceRecord, phone: Phone): boolean {
  if (isProfessionalService(service)) return true;
  return /\bprofessional(?:s|s'|'s)?\b|\bclinicians?\b|\bstaff only\b|\bfor gps?\b/i.test(phone.description) && !/\bpublic\b|\bpatients? can\b/i.test(phone.description);
}

/** The numbers a member of the public can call. */
export function publicPhones(service: ServiceRecord): Phone[] {
  return (service.phones ?? []).filter((p) => !isProfessionalOnly(service, p));
}

/** The record with curators' notes taken out of every field shown to staff. */
export function showableService(service: ServiceRecord): ServiceRecord {
  const clean = (text: string): string => withoutCuratorNotes(text);
  return {
    ...service,
    description: clean(service.description),
    eligibility: clean(service.eligibility) || 'Ask the service who it is for.',
    how_to_access: referralRoute(service),
    ...(service.schedule !== undefined ? { schedule: clean(service.schedule) } : {}),
    ...(service.fees !== undefined ? { fees: clean(service.fees) } : {}),
    area_served: clean(service.area_served) || service.area_served,
    phones: (service.phones ?? []).map((p) => ({ ...p, description: clean(p.description) })),
  };
}
