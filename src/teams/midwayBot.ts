// The Teams handler: reads the message (minus the bot's @mention), keeps personal details out of
// everything downstream, asks the answer layer what to say and sends the cards. Each handler ends
// with `await next()`, as the SDK expects.
import {
  ActivityTypes,
  CardFactory,
  ConversationState,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type StatePropertyAccessor,
} from 'botbuilder';
import type { Answer } from '../answer/answerModel';
import { composeAnswer, openPassage } from '../answer/composeAnswer';
import { cardsForAnswer, welcomeCard } from '../cards/cardData';
import type { AdaptiveCardJson } from '../cards/cardTemplates';
import { hashId, type Logger } from '../logger';
import { redactPersonalDetails } from '../privacy/redact';
import type { SearchEngine, SearchResponse } from '../search/searchEngine';
import type { RecordStore } from '../storage/records';

export const PRIVACY_REMINDER =
  'A gentle reminder: please keep personal details (names, dates of birth, CHI or NI numbers, phone numbers, addresses) out of this chat. I have removed them and answered the rest.';
export const SORRY_UNKNOWN_ACTION = "Sorry, that button is from an older card and I can't use it any more. Please ask your question again.";
export const FEEDBACK_THANKS = 'Thank you, that helps us improve the answers.';
export const FEEDBACK_SORRY = "Thank you for telling us. We'll use this to improve the answer. You could try asking in other words.";

interface ConversationFlags {
  welcomed?: boolean;
}

export interface MidWayBotDeps {
  engine: SearchEngine;
  records: RecordStore;
  conversationState: ConversationState;
  logger: Logger;
  now?: () => Date;
}

type CardAction =
  | { verb: 'ask'; text: string }
  | { verb: 'open'; passageId: string }
  | { verb: 'feedback'; helpful: boolean; passageId: string };

/** Card submit data comes from the client: accept only the shapes our cards send. */
export function parseCardAction(value: unknown): CardAction | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (v.verb === 'ask' && typeof v.text === 'string') return { verb: 'ask', text: v.text };
  if (v.verb === 'open' && typeof v.passageId === 'string') return { verb: 'open', passageId: v.passageId };
  if (v.verb === 'feedback' && typeof v.helpful === 'boolean' && typeof v.passageId === 'string') {
    return { verb: 'feedback', helpful: v.helpful, passageId: v.passageId };
  }
  return undefined;
}

export class MidWayBot extends TeamsActivityHandler {
  private readonly flags: StatePropertyAccessor<ConversationFlags>;
  private readonly now: () => Date;

  constructor(private readonly deps: MidWayBotDeps) {
    super();
    this.flags = deps.conversationState.createProperty<ConversationFlags>('flags');
    this.now = deps.now ?? (() => new Date());

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id === botId)) await this.welcomeOnce(context);
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcomeOnce(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
  }

  private async welcomeOnce(context: TurnContext): Promise<void> {
    const flags = await this.flags.get(context, {});
    if (flags.welcomed) return;
    flags.welcomed = true;
    await this.flags.set(context, flags);
    await sendCards(context, [welcomeCard()]);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const started = performance.now();
    const activity = context.activity;
    if (activity.value !== undefined && activity.value !== null && !activity.text) {
      await this.handleCardAction(context, activity.value, started);
      return;
    }
    const mentionless = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
    await this.answerText(context, mentionless, started);
  }

  private async answerText(context: TurnContext, raw: string, started: number): Promise<void> {
    const redaction = redactPersonalDetails(typeof raw === 'string' ? raw : '');
    if (redaction.found.length) await context.sendActivity(MessageFactory.text(PRIVACY_REMINDER));
    const { answer, response } = composeAnswer(this.deps.engine, redaction.text);
    if (answer.type === 'not_sure') {
      await this.deps.records.addUnanswered(redaction.text, answer.nearest.map((n) => n.id), this.conversationHash(context));
    }
    await this.sendAnswer(context, answer);
    this.logTurn(context, 'answer', answer, response, started, redaction.found);
  }

  private async handleCardAction(context: TurnContext, value: unknown, started: number): Promise<void> {
    const action = parseCardAction(value);
    if (!action) {
      await context.sendActivity(MessageFactory.text(SORRY_UNKNOWN_ACTION));
      this.deps.logger.info({ activityId: context.activity.id, conversation: this.conversationHash(context), event: 'unknown-card-action' });
      return;
    }
    switch (action.verb) {
      case 'ask':
        await this.answerText(context, action.text.slice(0, 500), started);
        return;
      case 'open': {
        const answer = openPassage(this.deps.engine, action.passageId);
        if (!answer) {
          await context.sendActivity(MessageFactory.text(SORRY_UNKNOWN_ACTION));
          return;
        }
        await this.sendAnswer(context, answer);
        this.logTurn(context, 'open', answer, undefined, started, []);
        return;
      }
      case 'feedback':
        await this.deps.records.addFeedback(action.passageId, action.helpful, this.conversationHash(context));
        await context.sendActivity(MessageFactory.text(action.helpful ? FEEDBACK_THANKS : FEEDBACK_SORRY));
        this.deps.logger.info({ activityId: context.activity.id, conversation: this.conversationHash(context), event: 'feedback', helpful: action.helpful });
        return;
    }
  }

  private async sendAnswer(context: TurnContext, answer: Answer): Promise<void> {
    await sendCards(context, cardsForAnswer(answer, this.now()));
  }

  private conversationHash(context: TurnContext): string {
    return hashId(context.activity.conversation?.id);
  }

  private logTurn(
    context: TurnContext,
    event: string,
    answer: Answer,
    response: SearchResponse | undefined,
    started: number,
    personalDetails: string[],
  ): void {
    this.deps.logger.info({
      event,
      activityId: context.activity.id,
      conversation: this.conversationHash(context),
      answer: answer.type,
      results: response?.results.slice(0, 3).map((r) => ({ id: r.passage.id, score: Math.round(r.score * 1000) / 1000 })),
      confident: response?.confident,
      personalDetailsRemoved: personalDetails,
      ms: Math.round(performance.now() - started),
    });
  }
}

/** One card as a message, several as a carousel. */
export async function sendCards(context: TurnContext, cards: AdaptiveCardJson[]): Promise<void> {
  const attachments = cards.map((c) => CardFactory.adaptiveCard(c));
  const message = attachments.length === 1 ? MessageFactory.attachment(attachments[0]) : MessageFactory.carousel(attachments);
  await context.sendActivity(message);
}

export { ActivityTypes };
