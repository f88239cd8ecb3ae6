// What the bot says in plain text, in one place so the core, the Teams edge and the tests agree.

export const PRIVACY_REMINDER =
  'A gentle reminder: please keep personal details (names, dates of birth, CHI or NI numbers, phone numbers, addresses) out of this chat. I have removed them and answered the rest.';
export const SORRY_UNKNOWN_ACTION = "Sorry, that button is from an older card and I can't use it any more. Please ask your question again.";
export const FEEDBACK_THANKS = 'Thank you, that helps us improve the answers.';
export const FEEDBACK_REASON_THANKS = 'Thank you. Your feedback goes to the people who curate MidWay Guide.';
export const TENANT_REFUSAL = 'Sorry, MidWay Guide is only available to staff of the Midlothian Health and Social Care Partnership organisations.';
export const SIGNPOST_CANCELLED = 'Signposting cancelled. Ask me anything, or type "signpost" to start again.';
export const SIGNPOST_EXPIRED = 'That signposting conversation had been quiet for over 30 minutes, so I let it go. Type "signpost" to start again.';
export const SIGNPOST_REPEATED = 'That button was for an earlier question. Here is where we are now.';
export const LONG_MESSAGE_NOTICE = 'Your message was very long, so I read only its first 4,000 characters.';
export const OTHER_LANGUAGE_HINT =
  'I can only read questions in English for now. The help below shows what I can answer; if the person needs an interpreter, ask about interpreting services.';
export const NO_SERVICE_IN_VIEW = 'I have not shown a service in this conversation yet, so I am not sure whose details you mean. Ask about a need or a service, e.g. "short breaks for carers".';

export const NO_OTHER_SERVICES = 'none that I know of. Ask about another need, or type "signpost" to look at it together.';

/** Short replies to the small words people end or acknowledge a conversation with. */
export const SMALL_TALK_REPLIES = {
  thanks: "You're welcome. Ask me anything else, any time.",
  bye: 'Goodbye. Ask me anything, any time.',
  ok: 'OK. Ask me anything else, or type "help" to see what I can do.',
  hello: 'Hello. Ask me about the Midlothian IJB Strategic Plan, self-directed support or local services, or type "help" to see what I can do.',
} as const;
