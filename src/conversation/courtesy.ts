// The courtesies around a question written like an email: a greeting first ("Hi, hope you are well."),
// thanks for the last answer ("Thank you, that's really helpful."), and a sign-off last ("Kind regards,
// Fiona"). They are kind, but they are not what is asked: left in, they read as a question of their own
// words and hide that "Could you give me their number?" asks on from the last answer.

const GREETING = /^(?:(?:hi|hello|hiya|hey|morning|afternoon|evening|good (?:morning|afternoon|evening)|dear [a-z]+)(?: there| all| team| again)?\s*[,!.]?\s*)?(?:(?:i )?hope (?:you(?:'re| are)|you're|youre|all(?:'s| is)|alls|this finds you|things are|your day is)(?: (?:keeping|doing|all))? (?:well|ok|okay|good|going well|fine)(?: with you)?(?: today)?\s*[.!,]+\s*|(?:hi|hello|hiya|hey|good (?:morning|afternoon|evening))(?: there| all| team| again)?\s*[,!.]+\s*)/i;

/** One word or phrase of thanks or praise for the last answer. */
const THANKS_ITEM = "(?:thank you|thanks|many thanks|thanks again|cheers|brilliant|great|lovely|perfect|excellent|fab|helpful|really helpful|super|that'?s (?:really |very |so |super |all |just )?(?:helpful|useful|great|ideal|perfect|clear|brilliant|interesting|good to know|lovely|handy|what i needed|(?:exactly |just )?(?:the kind of thing|the sort of thing|what i (?:needed|was after|was looking for)))|that sounds (?:really |very )?(?:ideal|promising|great|perfect|good|helpful|useful|like (?:just )?the thing)|(?:really |much )?appreciate(?:d)? (?:this|it|that|the help)|ok(?:ay)?|right|that helps)(?: (?:very much|so much|again))?(?: for (?:that|this|the (?:info|information|help|quick (?:reply|response))|your help))?";
/** Thanks said first, ended by a full stop: "Thank you, that's really helpful." */
const THANKED = new RegExp(`^(?:${THANKS_ITEM}\\s*[,-]\\s*)*${THANKS_ITEM}\\s*[.!]+\\s*`, 'i');

/** A sign-off after the question: its words and perhaps a name or an initial ("Kind regards, Fiona",
 * "Thanks, D"), or a name alone after the question ("… on their own? Sam"). */
const SIGN_OFF = /(?<=[.?!])\s+(?:with (?:many |grateful |best )?thanks|with (?:best|kind|warm) (?:wishes|regards)|many thanks|thanks(?: again| very much| so much| in advance)?|thank you(?: (?:again|very much|so much|in advance))?|kind(?:est)? regards|best wishes|warm(?:est)? regards|regards|best|cheers|all the best|speak soon|ta)\s*[,.!]?\s*(?:[a-z]+)?\s*[.!]?\s*$/i;
const NAME_ALONE = /(?<=[.?!])\s+[A-Z][a-z]+\s*[.!]?\s*$/;

/** The message without a greeting before it, thanks for the last answer and a sign-off after it, when a
 * question of a few words is left; the message as written otherwise. */
export function withoutCourtesies(text: string): string {
  let left = text.trim();
  const cuts: Array<(s: string) => string> = [(s) => s.replace(GREETING, ''), (s) => s.replace(THANKED, ''), (s) => s.replace(SIGN_OFF, '').replace(NAME_ALONE, '')];
  for (const cut of cuts) {
    const next = cut(left).trim();
    if (next.split(/\s+/).length >= 2) left = next;
  }
  return left;
}
