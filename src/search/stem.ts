// lunr's Porter stemmer as a plain string function, memoised: the ranker stems the same few
// thousand words over and over.
import lunr from 'lunr';

const cache = new Map<string, string>();
const porter = lunr.stemmer as unknown as (token: lunr.Token) => lunr.Token;

/** Words whose Porter stem joins two senses the knowledge keeps apart: the IJB's "directions" are
 * not "direct" payments, "localities" are not "local" services, "life expectancy" is not what is
 * "expected", the plan's and SDS's "values" (what they hold to) are not "Best Value" or what people
 * "value". */
const OWN_STEMS: ReadonlyMap<string, string> = new Map([
  ['direction', 'directions'],
  ['directions', 'directions'],
  ['locality', 'localities'],
  ['localities', 'localities'],
  ['expectancy', 'expectancy'],
  ['expectancies', 'expectancy'],
  ['values', 'values'],
]);

export function stem(word: string): string {
  let out = cache.get(word);
  if (out === undefined) {
    out = OWN_STEMS.get(word) ?? porter(new lunr.Token(word, {})).toString();
    if (cache.size < 50_000) cache.set(word, out);
  }
  return out;
}
