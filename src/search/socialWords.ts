// Words of thanks, praise and greeting: a message of these alone is small talk, and a question that
// starts with them ("lovely ta. samaritans number again?") is judged on what follows.

/** Thanks and praise ("ur a star", "you're a legend"). */
export const WARM_WORDS: ReadonlySet<string> = new Set(
  ['thanks', 'thank', 'thankyou', 'thanx', 'thnx', 'thx', 'ty', 'ta', 'cheers', 'appreciated', 'appreciate', 'grateful', 'star', 'superstar', 'legend',
    'brilliant', 'amazing', 'helpful', 'lovely', 'fab', 'fabulous', 'fantastic', 'awesome', 'gem', 'lifesaver', 'excellent', 'wonderful', 'genius',
    'champion', 'hero', 'diamond', 'great', 'perfect', 'class', 'magic', 'smashing', 'ace', 'cracking'],
);

/** Greetings ("hiya", "morning"). */
export const GREETING_WORDS: ReadonlySet<string> = new Set(['hi', 'hiya', 'hello', 'hey', 'howdy', 'morning', 'afternoon', 'evening', 'greetings']);

/** Words that carry no question of their own in a social message. */
export const SOCIAL_FILLER: ReadonlySet<string> = new Set(
  ['you', 'your', "you're", 'youre', 'ur', 'u', 'ye', 'yous', 'are', 'a', 'an', 'the', 'so', 'very', 'really', 'much', 'lot', 'lots', 'again', 'for', 'that',
    'this', 'it', "it's", 'its', 'was', 'is', "that's", 'thats', 'too', 'such', 'absolute', 'absolutely', 'total', 'totally', 'just', 'and', 'oh', 'wow', 'aw',
    'aww', 'ok', 'okay', 'mate', 'pal', 'hun', 'hen', 'pet', 'x', 'xx', 'xxx', 'help', 'bot', 'job', 'one', 'nice', 'well', 'done', 'as', 'always', 'all',
    'of', 'me', 'my', 'i', 'love', 'lol', 'haha', 'good', 'there', 'how', "how's", 'hows', 'doing', 'today', 'to', 'everyone', 'folks', 'guys', 'big',
    'kind', 'kindly', 'muchly', 'loads', 'being', 'have', 'day', 'been', 'what', 'be', 'by', 'with', 'things', 'going', 'hope', 'yer', 'ya', 'guide', 'midway',
    "you've", 'youve', "i've", 'ive', "i'm", 'im', 'am', 'were', 'brill',
    // "hello?? can you hear me", "anyone there?", "are you still working": checking the bot is there.
    'can', 'hear', 'anyone', 'anybody', 'working', 'still', 'awake', 'alive', 'online'],
);

/** Words that may open a question without being part of it: thanks, a greeting, "ok". */
const OPENERS = new Set([...WARM_WORDS, ...GREETING_WORDS, 'ok', 'okay', 'right', 'so', 'and', 'you', 'very', 'much', 'again', 'that', 'thats', 'is', 'good']);

/** The words a message opens with before its question starts ("lovely ta" in "lovely ta. samaritans
 * number again?"): none when the message is social words throughout, as it then asks nothing. */
export function socialOpening(tokens: readonly string[]): Set<string> {
  let n = 0;
  while (n < tokens.length && OPENERS.has(tokens[n])) n++;
  if (n === tokens.length || !tokens.slice(0, n).some((t) => WARM_WORDS.has(t) || GREETING_WORDS.has(t))) return new Set();
  return new Set(tokens.slice(0, n));
}
