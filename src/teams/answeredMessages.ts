// Which passages each recent answer showed, by the id Teams gave the message. Teams' feedback
// invoke names the message it is about (replyToId) but not the passages, so this is how feedback is
// tied to them. It lives in the conversation's state: shared by every instance (the invoke may reach
// another one), bounded to the last answers, and gone when the conversation's state is.
import type { Activity, ConversationState, ResourceResponse, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';

/** Answers remembered per conversation: feedback on older ones is still recorded, without passages. */
export const REMEMBERED_ANSWERS = 20;

interface AnsweredMessage {
  id: string;
  passageIds: string[];
}

/** Rides on an outgoing answer through every copy the SDK makes of it; a symbol is never serialised. */
const PASSAGES = Symbol('answered passages');
const WATCHING = Symbol('watching sent answers');

type MarkedActivity = Partial<Activity> & { [PASSAGES]?: string[] };

export class AnsweredMessages {
  private readonly property: StatePropertyAccessor<AnsweredMessage[]>;

  constructor(private readonly state: ConversationState, private readonly logger?: Logger) {
    this.property = state.createProperty<AnsweredMessage[]>('answeredMessages');
  }

  /** Marks an answer so that, once sent, its id is remembered with these passages. A turn's messages
   * may be held back until its state is saved, so the id is known only when the message really goes
   * out: this turn's sent messages are watched, and the ids saved to the state then. */
  mark(context: TurnContext, message: Partial<Activity>, passageIds: string[]): void {
    (message as MarkedActivity)[PASSAGES] = passageIds;
    if (context.turnState.get(WATCHING)) return;
    context.turnState.set(WATCHING, true);
    context.onSendActivities(async (ctx, activities, next) => {
      const responses = await next();
      const sent = activities
        .map((a, i) => ({ id: (responses as Array<ResourceResponse | undefined> | undefined)?.[i]?.id, passageIds: (a as MarkedActivity)[PASSAGES] }))
        .filter((s): s is AnsweredMessage => Boolean(s.id && s.passageIds));
      if (sent.length) await this.remember(ctx, sent);
      return responses;
    });
  }

  private async remember(context: TurnContext, sent: AnsweredMessage[]): Promise<void> {
    try {
      const list = await this.property.get(context, []);
      const ids = new Set(sent.map((s) => s.id));
      await this.property.set(context, [...list.filter((m) => !ids.has(m.id)), ...sent].slice(-REMEMBERED_ANSWERS));
      await this.state.saveChanges(context, false);
    } catch (error) {
      // The answer is out; without this record its feedback is still kept, only without passages.
      this.logger?.warn({ event: 'answered-not-remembered', activityId: context.activity.id, error: (error as Error).name });
    }
  }

  /** The passages the message showed, or undefined when it is not one of the recent answers. */
  async passagesOf(context: TurnContext, messageId: string | undefined): Promise<string[] | undefined> {
    if (!messageId) return undefined;
    const list = await this.property.get(context, []);
    return list.find((m) => m.id === messageId)?.passageIds;
  }
}
