// An answer as a Teams message: the cards, Teams' citation entity with `[n]` markers in the text, and
// Teams' own feedback buttons (channelData.feedbackLoopEnabled) where the client is Teams. Answers
// are retrieved from the knowledge, not generated, so the entity carries no "AI generated" label.
import { CardFactory, MessageFactory, type Activity, type Entity, type TurnContext } from 'botbuilder';
import { citationText, MAX_CITATIONS, type Citation } from '../answer/citations';
import type { AdaptiveCardJson } from '../cards/cardTemplates';
import type { AnsweredMessages } from './answeredMessages';
import './entitySerialization';

/** Teams' citation entity: a schema.org Message with one Claim per citation. */
export function citationEntity(citations: readonly Citation[]): Entity {
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    citation: citations.slice(0, MAX_CITATIONS).map((c) => ({
      '@type': 'Claim',
      position: c.position,
      appearance: {
        '@type': 'DigitalDocument',
        name: c.name,
        abstract: c.abstract,
        ...(c.url ? { url: c.url } : {}),
        ...(c.keywords.length ? { keywords: c.keywords } : {}),
      },
    })),
  };
}

/** Teams draws its own like / dislike buttons on the bot's messages; other clients (npm run chat,
 * Web Chat, the tests' TestAdapter) do not, and keep the cards' Helpful / Not helpful buttons. */
export function showsTeamsFeedback(activity: Partial<Activity>): boolean {
  return activity.channelId === 'msteams';
}

/** The card without its Helpful / Not helpful buttons, so a person sees one way to give feedback. */
export function withoutCardFeedback(card: AdaptiveCardJson): AdaptiveCardJson {
  const actions = card.actions;
  if (!Array.isArray(actions)) return card;
  const kept = actions.filter((a) => (a as { data?: { verb?: unknown } } | null)?.data?.verb !== 'feedback');
  return kept.length === actions.length ? card : { ...card, actions: kept };
}

/** One card as a message, several as a carousel (or a list); with citations, the entity and the `[n]`
 * text; with Teams' feedback, its buttons instead of the cards'. */
export function answerMessage(cards: AdaptiveCardJson[], citations: readonly Citation[], teamsFeedback: boolean, layout: 'carousel' | 'list' = 'carousel'): Partial<Activity> {
  const feedbackLoop = teamsFeedback && citations.length > 0;
  const attachments = (feedbackLoop ? cards.map(withoutCardFeedback) : cards).map((c) => CardFactory.adaptiveCard(c));
  const message = attachments.length === 1 ? MessageFactory.attachment(attachments[0]) : layout === 'list' ? MessageFactory.list(attachments) : MessageFactory.carousel(attachments);
  if (citations.length === 0) return message;
  return {
    ...message,
    text: citationText(citations),
    entities: [citationEntity(citations)],
    ...(feedbackLoop ? { channelData: { feedbackLoopEnabled: true } } : {}),
  };
}

/** Sends an answer and, when Teams may send feedback on it, remembers which passages it showed. */
export async function sendAnswerMessage(
  context: TurnContext,
  cards: AdaptiveCardJson[],
  citations: readonly Citation[],
  answered: AnsweredMessages,
  layout: 'carousel' | 'list' = 'carousel',
): Promise<void> {
  const message = answerMessage(cards, citations, showsTeamsFeedback(context.activity), layout);
  if ((message.channelData as { feedbackLoopEnabled?: boolean } | undefined)?.feedbackLoopEnabled) {
    answered.mark(context, message, citations.map((c) => c.passageId));
  }
  await context.sendActivity(message);
}
