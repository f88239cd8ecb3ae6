// lunr's Porter stemmer as a plain string function, memoised: the ranker stems the same few
// thousand words over and over.
import lunr from 'lunr';

const cache = new Map<string, string>();
const porter = lunr.stemmer as unknown as (token: lunr.Token) => lunr.Token;

export function stem(word: string): string {
  let out = cache.get(word);
  if (out === undefined) {
    out = porter(new lunr.Token(word, {})).toString();
    if (cache.size < 50_000) cache.set(word, out);
  }
  return out;
}
