// Midlothian's communities, and where each directory service sits among them: based in one
// community, Midlothian-wide, regional (Lothian, Edinburgh and East Lothian) or national. Used to
// rank local services first when a question or the signposting flow names a place.
import type { ServiceRecord } from './types';

export const COMMUNITIES = [
  'Bilston', 'Bonnyrigg', 'Danderhall', 'Dalkeith', 'Easthouses', 'Eskbank', 'Gorebridge', 'Lasswade',
  'Loanhead', 'Mayfield', 'Newtongrange', 'Pathhead', 'Penicuik', 'Poltonhall', 'Rosewell', 'Roslin', 'Straiton', 'Woodburn',
] as const;

export type Community = (typeof COMMUNITIES)[number];

export type PlaceScope = 'local' | 'midlothian' | 'regional' | 'national';

export interface Locality {
  scope: PlaceScope;
  /** Communities the service is based in or names as places it works (e.g. two bureaux). */
  communities: Community[];
}

/** Postcode districts that belong to one community (EH22 spans several, so it is not here). */
const POSTCODE_DISTRICTS: Record<string, Community> = {
  EH18: 'Lasswade', EH19: 'Bonnyrigg', EH20: 'Loanhead', EH23: 'Gorebridge', EH24: 'Rosewell', EH25: 'Roslin', EH26: 'Penicuik', EH37: 'Pathhead',
};

// Compiled once: these run on every question.
const COMMUNITY_PATTERNS = COMMUNITIES.map((community) => ({ community, pattern: new RegExp(`\\b${community}\\b`, 'i') }));

/** Communities named in a piece of text, in the order they appear. */
export function communitiesIn(text: string): Community[] {
  const found: Array<{ at: number; community: Community }> = [];
  for (const { community, pattern } of COMMUNITY_PATTERNS) {
    const at = text.search(pattern);
    if (at >= 0) found.push({ at, community });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.community);
}

export function localityOf(record: ServiceRecord): Locality {
  const area = record.area_served;
  const postcode = POSTCODE_DISTRICTS[(record.address?.postal_code ?? '').split(' ')[0].toUpperCase()];
  const named = communitiesIn(
    [record.area_served, record.address?.city ?? '', record.address?.address_1 ?? '', record.name, record.description, record.eligibility, record.how_to_access, record.schedule ?? ''].join(' | '),
  );
  const communities = [...new Set([...named, ...(postcode ? [postcode] : [])])];
  if (communitiesIn(area).length) return { scope: 'local', communities };
  if (/\b(scotland|uk|united kingdom|national)\b/i.test(area) && !/\bmidlothian\b/i.test(area.split(/[(;]/)[0])) return { scope: 'national', communities };
  if (/^\s*midlothian\b/i.test(area)) return { scope: 'midlothian', communities };
  return { scope: 'regional', communities };
}

/** How well a service's place fits the place asked about (1 = in it, 0 = elsewhere). */
export function placeFit(locality: Locality | undefined, wanted: Community): number {
  if (!locality) return 0.5; // not a service: neither near nor far
  if (locality.communities.includes(wanted)) return 1;
  if (locality.scope === 'midlothian') return locality.communities.length ? 0.5 : 0.6; // based elsewhere in Midlothian: a little further
  if (locality.scope === 'regional' || locality.scope === 'national') return 0.45;
  return 0; // a local service in another community
}

/** Scotland's other council areas (and the rest of the UK) by the names staff use: a question about
 * one of them is outside what MidWay Guide knows, unless the passage found names it too. */
export const OTHER_AREAS = [
  'Aberdeen', 'Aberdeenshire', 'Angus', 'Argyll', 'Bute', 'Clackmannanshire', 'Dumfries', 'Galloway', 'Dundee', 'East Ayrshire',
  'East Dunbartonshire', 'East Renfrewshire', 'Edinburgh', 'Falkirk', 'Fife', 'Glasgow', 'Highland', 'Highlands', 'Inverclyde',
  'Moray', 'North Ayrshire', 'North Lanarkshire', 'Orkney', 'Perth', 'Kinross', 'Renfrewshire', 'Scottish Borders', 'Borders',
  'Shetland', 'South Ayrshire', 'South Lanarkshire', 'Lanarkshire', 'Stirling', 'West Dunbartonshire', 'West Lothian', 'Western Isles',
  'Inverness', 'Livingston', 'Kirkcaldy', 'Dunfermline', 'Paisley', 'England', 'Wales', 'Northern Ireland', 'London', 'Newcastle',
  // Towns elsewhere that staff name instead of their council area (none is named in the knowledge).
  'Musselburgh', 'Haddington', 'Tranent', 'Prestonpans', 'North Berwick', 'Dunbar', 'Peebles', 'Galashiels', 'Hawick', 'Selkirk', 'Kelso',
  'Jedburgh', 'Bathgate', 'Linlithgow', 'Broxburn', 'Glenrothes', 'Alloa', 'Grangemouth', 'Ayr', 'Kilmarnock', 'Motherwell', 'Airdrie',
  'Coatbridge', 'Wishaw', 'East Kilbride', 'Cumbernauld', 'Greenock', 'Dumbarton', 'Stranraer', 'Oban', 'Fort William', 'Elgin', 'Lerwick',
  'Kirkwall', 'Stornoway', 'Arbroath', 'Montrose', 'Forfar', 'Carlisle', 'Manchester', 'Birmingham', 'Leeds', 'Liverpool', 'Bristol', 'Cardiff', 'Belfast',
  // Parts of Edinburgh staff name for where someone lives.
  'Leith', 'Portobello', 'Morningside', 'Corstorphine', 'Craigmillar', 'Wester Hailes',
  // East Lothian has a document of its own here: a question about it is near scope only where the best
  // answers are not about East Lothian ("east lothian young carers project" finding Midlothian's).
  'East Lothian',
] as const;

const OTHER_AREA_PATTERNS = OTHER_AREAS.map((area) => ({ area: area as string, pattern: new RegExp(`\\b${area.replace(/ /g, '\\s+')}\\b`, 'i') }));

/** Other areas a question names, longest names first so "West Lothian" is not read as Lothian. */
export function otherAreasIn(text: string): string[] {
  return OTHER_AREA_PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ area }) => area);
}
