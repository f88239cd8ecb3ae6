// One passage per directory record: everything a member of staff needs to signpost, in one place,
// so the top search result can be read (or pasted) without opening anything else.
import { MAX_PASSAGE_CHARS } from './chunk';
import { localityOf } from './places';
import type { Passage, ServiceRecord } from './types';

export function formatAddress(record: ServiceRecord): string | undefined {
  const a = record.address;
  if (!a) return undefined;
  const parts = [a.address_1, a.city, a.postal_code].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(', ') : undefined;
}

export function servicePassageText(record: ServiceRecord): string {
  const lines = [
    record.description,
    `Who it is for: ${record.eligibility}`,
    `How to access: ${record.how_to_access}`,
    ...(record.phones ?? []).map((p) => `Phone: ${p.number} (${p.description})`),
    record.email ? `Email: ${record.email}` : '',
    record.url ? `Website: ${record.url}` : '',
    formatAddress(record) ? `Address: ${formatAddress(record)}` : '',
    record.schedule ? `Hours: ${record.schedule}` : '',
    record.fees ? `Cost: ${record.fees}` : '',
    `Area: ${record.area_served}`,
    `Run by: ${record.organization}`,
  ].filter(Boolean);
  let text = lines.join('\n');
  // Long phone descriptions are the only thing that can push a record over the cap; the card
  // still shows them in full.
  if (text.length > MAX_PASSAGE_CHARS) text = `${text.slice(0, MAX_PASSAGE_CHARS - 1).trimEnd()}…`;
  return text;
}

/** The id of a service's passage in the index. */
/** An organisation's short name: its first word when written as an acronym ("VOCAL (Voice of Carers
 * Across Lothian)" → "VOCAL"), which staff use for any of its services. */
export function organisationShortName(organization: string | undefined): string | undefined {
  const first = /^([A-Z][A-Z0-9]{2,})\b/.exec(organization ?? '')?.[1];
  return first && first !== 'NHS' ? first : undefined;
}

export function servicePassageId(serviceId: string): string {
  return `service:${serviceId}`;
}

export function servicePassage(record: ServiceRecord): Passage {
  return {
    id: servicePassageId(record.id),
    kind: 'service',
    docId: record.id,
    docTitle: 'Midlothian service directory',
    headings: ['Service directory', ...record.categories.map((c) => c.replace(/-/g, ' '))],
    title: record.name,
    text: servicePassageText(record),
    questions: record.keywords,
    source: `Service directory (as of ${record.as_of})`,
    sourceUrls: record.source_urls,
    serviceId: record.id,
    locality: localityOf(record),
  };
}
