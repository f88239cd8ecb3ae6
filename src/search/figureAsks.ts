// Kinds of figure a question can ask for that the knowledge may not hold: what something costs, how
// long a wait is, and a figure as it stands today. The knowledge is the plan, the guidance and the
// directory as published: it holds amounts where a record gives one, and no live figures at all.

/** A price or a sum of money asked for ("how much does a day at the centre cost", "weekly fees for …",
 * "how much was the overspend"). `tokens` are the question's words, lower case. */
export function asksAmount(tokens: readonly string[]): boolean {
  const text = ` ${tokens.join(' ')} `;
  return AMOUNT_ASKED.some((pattern) => pattern.test(text));
}

const MONEY_WORD = '(?:cost|costs|charge|charges|charged|price|prices|fee|fees|spend|spent|overspend|overspent|overspending)';
// "how much time", "how much say": a how much that asks for no money.
const NOT_MONEY = '(?!(?:time|effort|say|notice|control|help|support|choice|input|detail|information|info|involvement|flexibility|freedom|of (?:her|his|their|my|your|our) time) )';
const AMOUNT_ASKED = [
  new RegExp(` how much ${NOT_MONEY}(?:\\S+ ){0,8}?${MONEY_WORD} `),
  new RegExp(` how much (?:is|are|was|does|do) (?:\\S+ ){1,6}?per (?:day|week|session|hour|night|month|visit|class) `),
  / (?:cost|price|fees?) (?:of|for|per) (?!living )/,
  / (?:weekly|daily|hourly) (?:cost|fees?|charge|price) /,
  / (?:overspend|overspent) /,
];

/** A passage's words give an amount of money, or say there is nothing to pay. */
export function holdsAmount(text: string): boolean {
  return /£\s?(?:\d|x{2})|\b\d+p\b|\bfree\b|\bno (?:charge|cost|fee)s?\b|\bnot charged\b|\bwaive[sd]?\b|\bnothing to pay\b|\bwithout charge\b/i.test(text);
}

/** How long a wait is, or how long a waiting list ("how long is the ot waiting list", "waiting time
 * for a first appointment"). */
export function asksWait(tokens: readonly string[]): boolean {
  const text = ` ${tokens.join(' ')} `;
  return / how long (?:\S+ ){0,6}?(?:wait|waits|waiting) | waiting (?:list|lists|time|times) (?:for|at|in|to) | (?:wait|waiting) (?:time|times) /.test(text);
}

/** A passage's words give a length of time ("within six weeks", "22 days"). */
export function holdsDuration(text: string): boolean {
  return /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few) (?:working )?(?:days?|weeks?|months?|years?)\b/i.test(text);
}

/** A figure asked as it stands now ("how many on the waiting list right now", "the overspend this
 * yr", "delayed discharges last month"). A year named ("in 2021") asks for the published figure. */
export function asksLiveFigure(tokens: readonly string[]): boolean {
  const text = ` ${tokens.join(' ')} `;
  if (/ (?:19|20)\d{2}\b| \d{2}\/\d{2} /.test(text)) return false;
  return LIVE_FIGURE.test(text) && NOW.test(text);
}

// Counts and waits change by the day; a rate or a price ("the PA hourly rate at the moment") is
// published and held as it stands.
const LIVE_FIGURE = / how (?:many|long) | (?:percent|percentage|(?<!(?:phone|contact|telephone|tel) )numbers|figures?|waiting list|waiting time|vacancies) /;
const NOW = / (?:right now|just now|the now|at the moment|at present|today|this (?:week|month|year|yr)|last (?:week|month)) /;
