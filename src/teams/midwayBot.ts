// The Teams handler: reads the message (minus the bot's @mention), keeps personal details out of
// everything downstream, asks the answer layer what to say and sends the cards. It also serves the
// search messaging extension and every card button. Handlers end with `await next()`.
import {
  ActivityTypes,
  CardFactory,
  ConversationState,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type InvokeResponse,
  type MessagingExtensionAttachment,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type StatePropertyAccessor,
} from 'botbuilder';
import type { Answer } from '../answer/answerModel';
import { citationsForAnswer } from '../answer/citations';
import { parseCommand } from '../answer/commands';
import { composeAnswer, fitRisk, moreResults, openPassage, safetyFirst, shorten } from '../answer/composeAnswer';
import { planOverview } from '../answer/planQuery';
import { cardsForAnswer, EXAMPLE_QUESTIONS, welcomeCard } from '../cards/cardData';
import type { AdaptiveCardJson } from '../cards/cardTemplates';
import { firstSentence } from '../knowledge/planStructure';
import type { PassageKind } from '../knowledge/types';
import { hashId, type Logger } from '../logger';
import { choiceOrText, knownPassageId } from '../privacy/cardValues';
import { redactPersonalDetails } from '../privacy/redact';
import type { SearchEngine, SearchResponse } from '../search/searchEngine';
import type { DeliveryClaims } from '../storage/claims';
import type { RecordStore } from '../storage/records';
import { advance, isExpired, typedFlowInput, type FlowInput, type FlowState } from '../signpost/flow';
import { buildSignposting, copyForPerson } from '../signpost/signposting';
import { stepPrompt } from '../signpost/steps';
import { AnsweredMessages } from './answeredMessages';
import { sendAnswerMessage } from './answerMessage';
import { parseCardAction } from './cardActions';
import { ConversationTurns } from './conversationTurns';
import { FEEDBACK_INVOKE, handleFeedbackInvoke } from './feedbackInvoke';

export const PRIVACY_REMINDER =
  'A gentle reminder: please keep personal details (names, dates of birth, CHI or NI numbers, phone numbers, addresses) out of this chat. I have removed them and answered the rest.';
export const SORRY_UNKNOWN_ACTION = "Sorry, that button is from an older card and I can't use it any more. Please ask your question again.";
export const FEEDBACK_THANKS = 'Thank you, that helps us improve the answers.';
export const FEEDBACK_REASON_THANKS = 'Thank you. Your feedback goes to the people who curate MidWay Guide.';

/** Characters of a message the bot reads; longer messages are cut before anything else sees them. */
export const MAX_MESSAGE_CHARS = 4000;

/** Messaging-extension results per page at most (Teams shows up to 25). */
const MAX_EXTENSION_RESULTS = 25;

interface ConversationFlags {
  welcomed?: boolean;
}

export const TENANT_REFUSAL = 'Sorry, MidWay Guide is only available to staff of the Midlothian Health and Social Care Partnership organisations.';
export const SIGNPOST_CANCELLED = 'Signposting cancelled. Ask me anything, or type "signpost" to start again.';
export const SIGNPOST_EXPIRED = 'That signposting conversation had been quiet for over 30 minutes, so I let it go. Type "signpost" to start again.';
/** A turn's default deadline (10 s) plus the margin to answer the request, and a little more. */
export const DEFAULT_CLAIM_LEASE_MS = 13_000;
const SIGNPOST_TRIGGER = /^\s*(?:\/?signpost(?:ing)?|help me signpost(?: someone| a person)?|start signposting|signpost someone)\s*[.!?]*\s*$/i;

export interface MidWayBotDeps {
  engine: SearchEngine;
  /** Tenants whose activities are processed; empty means any. */
  allowedTenantIds?: string[];
  /** Claims on activity ids, so a message Teams re-sends is answered once it has been delivered. */
  claims?: DeliveryClaims;
  /** How long an "answering" claim holds off a re-send; after it, the answering instance is presumed
   * dead. Longer than a turn can take (its deadline plus the margin to answer the request). */
  claimLeaseMs?: number;
  records: RecordStore;
  conversationState: ConversationState;
  logger: Logger;
  now?: () => Date;
}

/** In group chats and channels the bot speaks only when @mentioned. */
export function isMentioned(context: TurnContext): boolean {
  const botId = context.activity.recipient?.id;
  return TurnContext.getMentions(context.activity).some((m) => m.mentioned?.id === botId);
}

function isSharedConversation(context: TurnContext): boolean {
  const type = context.activity.conversation?.conversationType;
  return type === 'groupChat' || type === 'channel';
}

export class MidWayBot extends TeamsActivityHandler {
  private readonly flags: StatePropertyAccessor<ConversationFlags>;
  private readonly signpost: StatePropertyAccessor<FlowState | undefined>;
  private readonly now: () => Date;
  private readonly turns: ConversationTurns;
  private readonly answered: AnsweredMessages;

  constructor(private readonly deps: MidWayBotDeps) {
    super();
    this.turns = new ConversationTurns(deps.conversationState, deps.logger);
    this.answered = new AnsweredMessages(deps.conversationState, deps.logger);
    this.flags = deps.conversationState.createProperty<ConversationFlags>('flags');
    this.signpost = deps.conversationState.createProperty<FlowState | undefined>('signpost');
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
    if (!this.tenantAllowed(context)) {
      await this.refuseTenant(context);
      return;
    }
    const settle = await this.firstDelivery(context);
    if (!settle) return;
    let delivered = false;
    try {
      await this.turns.run(context, () => super.run(context));
      delivered = true;
    } finally {
      await settle(delivered);
    }
  }

  /** Teams re-sends an activity that took too long, with the same id, possibly to another instance:
   * answer it unless its answer was delivered (or is being answered right now). Returns how to record
   * the outcome, or undefined when this copy is not to be answered. */
  private async firstDelivery(context: TurnContext): Promise<((delivered: boolean) => Promise<void>) | undefined> {
    const { id, type } = context.activity;
    const claims = this.deps.claims;
    if (!claims || !id || type !== ActivityTypes.Message) return async () => undefined;
    const key = `${this.conversationHash(context)}:${id}`;
    const verdict = await claims.begin(key, this.deps.claimLeaseMs ?? DEFAULT_CLAIM_LEASE_MS);
    if (verdict === 'delivered' || verdict === 'in-progress') {
      this.deps.logger.info({ event: 'duplicate-delivery', activityId: id, conversation: this.conversationHash(context), claim: verdict });
      return undefined;
    }
    if (verdict === 'answer-again') this.deps.logger.info({ event: 'redelivery', activityId: id, conversation: this.conversationHash(context) });
    return async (delivered) => {
      try {
        await claims.settle(key, delivered);
      } catch (error) {
        this.deps.logger.warn({ event: 'claim-settle-failed', activityId: id, delivered, error: (error as Error).name });
      }
    };
  }

  private tenantAllowed(context: TurnContext): boolean {
    const allowed = this.deps.allowedTenantIds ?? [];
    if (allowed.length === 0) return true;
    const activity = context.activity;
    const tenant = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
    return typeof tenant === 'string' && allowed.includes(tenant);
  }

  /** Other organisations get a short refusal to a message, a 403 to an invoke, and nothing else. */
  private async refuseTenant(context: TurnContext): Promise<void> {
    this.deps.logger.warn({ event: 'tenant-refused', activityId: context.activity.id, type: context.activity.type });
    if (context.activity.type === ActivityTypes.Message) await context.sendActivity(MessageFactory.text(TENANT_REFUSAL));
    else if (context.activity.type === ActivityTypes.Invoke) {
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403, body: { error: 'This app is not available to your organisation.' } } });
    }
  }

  /** Teams sends both installationUpdate and conversationUpdate when the app is added, often at
   * once: this guard stops the second while the first is still saving the welcomed flag. */
  private readonly welcoming = new Set<string>();

  private async welcomeOnce(context: TurnContext): Promise<void> {
    const key = context.activity.conversation?.id ?? '';
    if (this.welcoming.has(key)) return;
    this.welcoming.add(key);
    try {
      const flags = await this.flags.get(context, {});
      if (flags.welcomed) return;
      flags.welcomed = true;
      await this.flags.set(context, flags);
      await this.deps.conversationState.saveChanges(context, false);
      await sendCards(context, [welcomeCard()]);
    } finally {
      this.welcoming.delete(key);
    }
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const started = performance.now();
    const activity = context.activity;
    const isCardAction = activity.value !== undefined && activity.value !== null && !activity.text;
    if (!isCardAction && isSharedConversation(context) && !isMentioned(context)) return;
    await context.sendActivity({ type: ActivityTypes.Typing });
    if (isCardAction) {
      await this.handleCardAction(context, activity.value, started);
      return;
    }
    const mentionless = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
    await this.answerText(context, mentionless, started);
  }

  private async answerText(context: TurnContext, raw: string, started: number): Promise<void> {
    // Only the start of a long message is used; the rest is dropped unread, so it cannot leak.
    const redaction = redactPersonalDetails(typeof raw === 'string' ? raw.slice(0, MAX_MESSAGE_CHARS) : '');
    // Safety first: when someone may be at risk now, the emergency routes come before anything else.
    const emergency = safetyFirst(this.deps.engine, redaction.text);
    if (emergency) await this.sendAnswer(context, emergency);
    if (redaction.found.length) await context.sendActivity(MessageFactory.text(PRIVACY_REMINDER));
    if (SIGNPOST_TRIGGER.test(redaction.text)) {
      await this.runFlow(context, { kind: 'start' });
      return;
    }
    const flow = await this.signpost.get(context);
    if (flow) {
      if (!isExpired(flow, this.now())) {
        await this.runFlow(context, typedFlowInput(redaction.text));
        return;
      }
      await this.signpost.delete(context);
      await context.sendActivity(MessageFactory.text(SIGNPOST_EXPIRED));
    }
    const command = parseCommand(redaction.text);
    let answer: Answer;
    let response: SearchResponse | undefined;
    if (command?.name === 'feedback') answer = { type: 'feedback_form' };
    else if (command?.name === 'help') answer = { type: 'help', reason: 'help' };
    else if (command?.name === 'plan' && !command.text) answer = planOverview(this.deps.engine.plan);
    else {
      // "plan <topic>" keeps the word "plan" so structural questions ("plan aim 2 short term") parse.
      const text = command ? (command.name === 'plan' ? `plan ${command.text}` : command.text) : redaction.text;
      const kinds: PassageKind[] | undefined = command?.name === 'search' ? command.kinds : command?.name === 'plan' ? ['plan'] : undefined;
      ({ answer, response } = composeAnswer(this.deps.engine, text, kinds));
    }
    if (answer.type === 'not_sure') {
      await this.deps.records.addUnanswered(redaction.text, answer.nearest.map((n) => n.id), this.conversationHash(context));
    }
    // After the emergency routes, only an answer that fits the risk, or none.
    const shown = emergency ? fitRisk(this.deps.engine, answer, emergency.risks) : answer;
    if (shown) await this.sendAnswer(context, shown);
    this.logTurn(context, command ? `command-${command.name}` : 'answer', shown ?? answer, response, started, redaction.found, emergency?.risks);
  }

  private async handleCardAction(context: TurnContext, value: unknown, started: number): Promise<void> {
    const action = parseCardAction(value);
    const conversation = this.conversationHash(context);
    if (!action) {
      await context.sendActivity(MessageFactory.text(SORRY_UNKNOWN_ACTION));
      this.deps.logger.info({ activityId: context.activity.id, conversation, event: 'unknown-card-action' });
      return;
    }
    switch (action.verb) {
      case 'ask':
        await this.answerText(context, action.text, started);
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
      case 'more': {
        const answer = moreResults(this.deps.engine, { text: redactPersonalDetails(action.text).text, page: action.page, ...(action.kinds ? { kinds: action.kinds } : {}) });
        await this.sendAnswer(context, answer);
        this.logTurn(context, 'more', answer, undefined, started, []);
        return;
      }
      case 'feedback': {
        const passageId = knownPassageId(this.deps.engine, action.passageId);
        if (!passageId) {
          await context.sendActivity(MessageFactory.text(SORRY_UNKNOWN_ACTION));
          this.deps.logger.info({ activityId: context.activity.id, conversation, event: 'unknown-card-action', verb: action.verb });
          return;
        }
        await this.deps.records.addFeedback(passageId, conversation, { helpful: action.helpful });
        if (action.helpful) await context.sendActivity(MessageFactory.text(FEEDBACK_THANKS));
        else await this.sendAnswer(context, { type: 'feedback_reason', passageId });
        this.deps.logger.info({ activityId: context.activity.id, conversation, event: 'feedback', helpful: action.helpful });
        return;
      }
      case 'signpost': {
        const redacted = redactPersonalDetails(action.answer ?? '');
        if (redacted.found.length) await context.sendActivity(MessageFactory.text(PRIVACY_REMINDER));
        const emergency = safetyFirst(this.deps.engine, redacted.text);
        if (emergency) await this.sendAnswer(context, emergency);
        const value = action.choice ? choiceOrText(this.deps.engine, action.choice, action.step) : redacted.text;
        const input: FlowInput =
          action.action === 'answer'
            ? { kind: 'answer', value, ...(action.step ? { step: action.step } : {}) }
            : action.action === 'skip'
              ? { kind: 'skip', ...(action.step ? { step: action.step } : {}) }
              : { kind: action.action };
        await this.runFlow(context, input);
        return;
      }
      case 'signpost-copy': {
        const services = action.serviceIds.map((id) => this.deps.engine.service(id)).filter((x): x is NonNullable<typeof x> => x !== undefined);
        await context.sendActivity(MessageFactory.text(services.length ? copyForPerson(services) : SORRY_UNKNOWN_ACTION));
        return;
      }
      case 'feedback-reason':
      case 'feedback-text': {
        const redacted = action.comment ? redactPersonalDetails(action.comment) : undefined;
        const passageId = action.verb === 'feedback-reason' ? (knownPassageId(this.deps.engine, action.passageId) ?? '') : '';
        const reason = action.verb === 'feedback-reason' ? action.reason : undefined;
        await this.deps.records.addFeedback(passageId, conversation, {
          ...(action.verb === 'feedback-reason' ? { helpful: false } : {}),
          ...(reason ? { reason } : {}),
          ...(redacted ? { redactedComment: redacted.text } : {}),
        });
        if (redacted?.found.length) await context.sendActivity(MessageFactory.text(PRIVACY_REMINDER));
        await context.sendActivity(MessageFactory.text(FEEDBACK_REASON_THANKS));
        this.deps.logger.info({ activityId: context.activity.id, conversation, event: action.verb, reason });
        return;
      }
    }
  }

  /** One step of the guided signposting conversation; its state lives in conversation state. */
  private async runFlow(context: TurnContext, input: FlowInput): Promise<void> {
    const state = await this.signpost.get(context);
    const { state: next, outcome } = advance(state, input, this.now());
    if (next) await this.signpost.set(context, next);
    else await this.signpost.delete(context);
    switch (outcome.kind) {
      case 'ask':
        await this.sendAnswer(context, {
          type: 'signpost_step',
          prompt: stepPrompt(outcome.step, this.deps.engine.signposting),
          ...(outcome.repeated ? { notice: 'That button was for an earlier question. Here is where we are now.' } : {}),
        });
        break;
      case 'done':
        await this.sendAnswer(context, { type: 'signposting', result: buildSignposting(this.deps.engine, outcome.answers) });
        break;
      case 'cancelled':
        await context.sendActivity(MessageFactory.text(SIGNPOST_CANCELLED));
        break;
      case 'expired':
        await context.sendActivity(MessageFactory.text(SIGNPOST_EXPIRED));
        break;
    }
    this.deps.logger.info({ event: 'signpost', activityId: context.activity.id, conversation: this.conversationHash(context), outcome: outcome.kind, step: outcome.kind === 'ask' ? outcome.step : undefined });
  }

  /** Invokes this bot does not handle are a bad request from the client, not a server fault. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    try {
      if (context.activity.name === FEEDBACK_INVOKE) return await handleFeedbackInvoke(context, { answered: this.answered, records: this.deps.records, logger: this.deps.logger });
      const response = await super.onInvokeActivity(context);
      return response.status === 501 ? { status: 400, body: { error: `Unsupported invoke: ${String(context.activity.name).slice(0, 60)}` } } : response;
    } catch (error) {
      // An invoke whose value is not what its name promises: the client's request was malformed.
      this.deps.logger.warn({ event: 'bad-invoke', activityId: context.activity.id, name: String(context.activity.name).slice(0, 60), error: (error as Error).name });
      return { status: 400, body: { error: 'The request could not be handled.' } };
    }
  }

  /** The search messaging extension: list results with a one-line preview; the full card is inserted. */
  protected override async handleTeamsMessagingExtensionQuery(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    const started = performance.now();
    const parameters = Array.isArray(query?.parameters) ? query.parameters : [];
    const initialRun = parameters.some((p) => p.name === 'initialRun');
    // Our manifest names the parameter searchQuery; other clients may send another name.
    const raw = (parameters.find((p) => p.name === 'searchQuery') ?? parameters.find((p) => p.name !== 'initialRun' && typeof p.value === 'string'))?.value;
    const text = redactPersonalDetails(typeof raw === 'string' ? raw : '').text.trim();
    const skip = Math.max(0, Math.floor(Number(query?.queryOptions?.skip ?? 0)) || 0);
    const count = Math.min(MAX_EXTENSION_RESULTS, Math.max(1, Math.floor(Number(query?.queryOptions?.count ?? 10)) || 10));
    const passageIds = initialRun || !text ? this.popularPassageIds() : this.deps.engine.search(text, { limit: skip + count }).results.map((r) => r.passage.id);
    const attachments = passageIds
      .slice(initialRun || !text ? 0 : skip, (initialRun || !text ? 0 : skip) + count)
      .map((id) => this.extensionAttachment(id))
      .filter((a): a is MessagingExtensionAttachment => a !== undefined);
    this.deps.logger.info({ event: 'extension-query', activityId: context.activity.id, initialRun, results: attachments.length, ms: Math.round(performance.now() - started) });
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
  }

  protected override async handleTeamsMessagingExtensionSelectItem(_context: TurnContext, query: unknown): Promise<MessagingExtensionResponse> {
    const id = query && typeof query === 'object' ? (query as { passageId?: unknown }).passageId : undefined;
    const attachment = typeof id === 'string' ? this.extensionAttachment(id) : undefined;
    if (!attachment) {
      return { composeExtension: { type: 'message', text: "Sorry, that result isn't available any more. Please search again." } };
    }
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [attachment] } };
  }

  /** The top passage for each example question: what staff most often look for. */
  private popularPassageIds(): string[] {
    const ids = EXAMPLE_QUESTIONS.map((q) => this.deps.engine.search(q.text, { limit: 1 }).results[0]?.passage.id).filter((id): id is string => Boolean(id));
    return [...new Set(ids)];
  }

  private extensionAttachment(passageId: string): MessagingExtensionAttachment | undefined {
    const passage = this.deps.engine.passage(passageId);
    const answer = openPassage(this.deps.engine, passageId);
    if (!passage || !answer) return undefined;
    const [card] = cardsForAnswer(answer, this.now());
    // No tap action: Teams inserts the attached full card when a preview is picked. selectItem is
    // still answered for clients that send it.
    const preview = CardFactory.thumbnailCard(shorten(passage.title, 80), shorten(firstSentence(passage.kind === 'service' ? passage.text : passage.summary ?? passage.text, 140), 140));
    return { ...CardFactory.adaptiveCard(card), preview };
  }

  private async sendAnswer(context: TurnContext, answer: Answer): Promise<void> {
    await sendAnswerMessage(context, cardsForAnswer(answer, this.now()), citationsForAnswer(answer, this.deps.engine), this.answered);
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
    risks?: string[],
  ): void {
    this.deps.logger.info({
      event,
      activityId: context.activity.id,
      conversation: this.conversationHash(context),
      answer: answer.type,
      results: response?.results.slice(0, 3).map((r) => ({ id: r.passage.id, score: Math.round(r.score * 1000) / 1000 })),
      confident: response?.confident,
      personalDetailsRemoved: personalDetails,
      // Only the kind of risk routed, never the message.
      ...(risks ? { risk: risks } : {}),
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
