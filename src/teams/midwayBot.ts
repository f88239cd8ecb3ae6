// The Teams edge: turns activities into turns for the conversation core and its replies back into
// activities. It owns what is Teams' business — authentication happens before it, then the tenant
// gate, duplicate delivery, @mentions in shared chats, the typing indicator, conversation state,
// writing the records the core asks to keep, sending, and the messaging extension's invoke shapes.
// Handlers end with `await next()`.
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
  type Storage,
} from 'botbuilder';
import { citationsForAnswer } from '../answer/citations';
import type { AdaptiveCardJson } from '../cards/cardTemplates';
import { ConversationCore, type ExtensionItem } from '../conversation/core';
import { readMemory, type ConversationMemory, type LastShown } from '../conversation/memory';
import { TENANT_REFUSAL } from '../conversation/messages';
import type { Reply, TurnOutcome } from '../conversation/turn';
import { hashId, type Logger } from '../logger';
import type { SearchEngine } from '../search/searchEngine';
import type { FlowState } from '../signpost/flow';
import type { DeliveryClaims } from '../storage/claims';
import type { RecordStore } from '../storage/records';
import { AnsweredMessages } from './answeredMessages';
import { sendAnswerMessage } from './answerMessage';
import { ConversationTurns, GuardedConversationState } from './conversationTurns';
import { FEEDBACK_INVOKE, handleFeedbackInvoke } from './feedbackInvoke';

export { MAX_MESSAGE_CHARS } from '../conversation/core';

/** A turn's default deadline (10 s) plus the margin to answer the request, and a little more. */
export const DEFAULT_CLAIM_LEASE_MS = 13_000;

interface ConversationFlags {
  welcomed?: boolean;
}

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
  /** Several cards side by side (the default) or one under another. */
  cardLayout?: 'carousel' | 'list';
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
  private readonly memory: StatePropertyAccessor<LastShown | undefined>;
  private readonly core: ConversationCore;
  private readonly now: () => Date;
  private readonly turns: ConversationTurns;
  private readonly answered: AnsweredMessages;

  constructor(private readonly deps: MidWayBotDeps) {
    super();
    this.turns = new ConversationTurns(deps.conversationState, deps.logger);
    this.answered = new AnsweredMessages(deps.conversationState, deps.logger);
    this.flags = deps.conversationState.createProperty<ConversationFlags>('flags');
    this.signpost = deps.conversationState.createProperty<FlowState | undefined>('signpost');
    this.memory = deps.conversationState.createProperty<LastShown | undefined>('lastShown');
    this.core = new ConversationCore(deps.engine);
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
      const welcome = this.core.welcome(await this.loadMemory(context), this.now());
      if (!welcome) return;
      await this.saveMemory(context, welcome.memory);
      await this.deps.conversationState.saveChanges(context, false);
      await this.send(context, welcome.replies);
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
    const text = isCardAction ? '' : (TurnContext.removeRecipientMention(activity) ?? activity.text ?? '');
    const outcome = this.core.respond({
      input: isCardAction ? { kind: 'action', value: activity.value } : { kind: 'text', text: typeof text === 'string' ? text : '' },
      memory: await this.loadMemory(context),
      now: this.now(),
      conversation: this.conversationHash(context),
    });
    await this.saveMemory(context, outcome.memory);
    await this.keepRecords(context, outcome);
    await this.send(context, outcome.replies);
    this.deps.logger.info({ ...outcome.log, activityId: activity.id, conversation: this.conversationHash(context), ms: Math.round(performance.now() - started) });
  }

  private async loadMemory(context: TurnContext): Promise<ConversationMemory> {
    const flags = await this.flags.get(context, {});
    const signpost = await this.signpost.get(context);
    const last = readMemory(await this.memory.get(context));
    return { ...(flags.welcomed ? { welcomed: true } : {}), ...(signpost ? { signpost } : {}), ...(last ? { last } : {}) };
  }

  private async saveMemory(context: TurnContext, memory: ConversationMemory): Promise<void> {
    await this.flags.set(context, memory.welcomed ? { welcomed: true } : {});
    if (memory.signpost) await this.signpost.set(context, memory.signpost);
    else await this.signpost.delete(context);
    if (memory.last) await this.memory.set(context, memory.last);
    else await this.memory.delete(context);
  }

  private async keepRecords(context: TurnContext, outcome: TurnOutcome): Promise<void> {
    const conversation = this.conversationHash(context);
    for (const record of outcome.records) {
      if (record.kind === 'unanswered') await this.deps.records.addUnanswered(record.question, record.nearest, conversation);
      else {
        const { kind: _kind, passageId, ...details } = record;
        await this.deps.records.addFeedback(passageId, conversation, details);
      }
    }
  }

  private async send(context: TurnContext, replies: Reply[]): Promise<void> {
    for (const reply of replies) {
      if (reply.kind === 'text') await context.sendActivity(MessageFactory.text(reply.text));
      else await sendAnswerMessage(context, reply.cards, reply.answer ? citationsForAnswer(reply.answer, this.deps.engine) : [], this.answered, this.deps.cardLayout);
    }
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
    const skip = Math.max(0, Math.floor(Number(query?.queryOptions?.skip ?? 0)) || 0);
    const count = Math.floor(Number(query?.queryOptions?.count ?? 10)) || 10;
    const attachments = this.core.extensionResults(raw, initialRun, skip, count, this.now()).map(extensionAttachment);
    this.deps.logger.info({ event: 'extension-query', activityId: context.activity.id, initialRun, results: attachments.length, ms: Math.round(performance.now() - started) });
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
  }

  protected override async handleTeamsMessagingExtensionSelectItem(_context: TurnContext, query: unknown): Promise<MessagingExtensionResponse> {
    const id = query && typeof query === 'object' ? (query as { passageId?: unknown }).passageId : undefined;
    const item = typeof id === 'string' ? this.core.extensionItem(id, this.now()) : undefined;
    if (!item) {
      return { composeExtension: { type: 'message', text: "Sorry, that result isn't available any more. Please search again." } };
    }
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [extensionAttachment(item)] } };
  }

  private conversationHash(context: TurnContext): string {
    return hashId(context.activity.conversation?.id);
  }
}

/** No tap action: Teams inserts the attached full card when a preview is picked. selectItem is still
 * answered for clients that send it. */
function extensionAttachment(item: ExtensionItem): MessagingExtensionAttachment {
  return { ...CardFactory.adaptiveCard(item.card), preview: CardFactory.thumbnailCard(item.title, item.text) };
}

/** One card as a message, several as a carousel (or a list, for clients that show only a carousel's first card). */
export async function sendCards(context: TurnContext, cards: AdaptiveCardJson[], layout: 'carousel' | 'list' = 'carousel'): Promise<void> {
  const attachments = cards.map((c) => CardFactory.adaptiveCard(c));
  const message = attachments.length === 1 ? MessageFactory.attachment(attachments[0]) : layout === 'list' ? MessageFactory.list(attachments) : MessageFactory.carousel(attachments);
  await context.sendActivity(message);
}

/** The bot with its conversation state kept in `state` (written only if unchanged since it was read):
 * what the composition root and tools build. */
export function createMidWayBot(deps: Omit<MidWayBotDeps, 'conversationState'> & { state: Storage }): MidWayBot {
  const { state, ...rest } = deps;
  return new MidWayBot({ ...rest, conversationState: new GuardedConversationState(state) });
}
