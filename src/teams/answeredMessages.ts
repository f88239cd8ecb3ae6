// Which passages each recent answer showed, by the id Teams gave the message. Teams' feedback
// invoke names the message it is about (replyToId) but not the passages, so this is how feedback is
// tied to them. It lives in the conversation's state: shared by every instance (the invoke may reach
// another one), bounded to the last answers, and gone when the conversation's state is.
import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';

/** Answers remembered per conversation: feedback on older ones is still recorded, without passages. */
export const REMEMBERED_ANSWERS = 20;

interface AnsweredMessage {
  id: string;
  passageIds: string[];
}

export class AnsweredMessages {
  private readonly property: StatePropertyAccessor<AnsweredMessage[]>;

  constructor(state: ConversationState) {
    this.property = state.createProperty<AnsweredMessage[]>('answeredMessages');
  }

  async remember(context: TurnContext, messageId: string, passageIds: string[]): Promise<void> {
    const list = await this.property.get(context, []);
    await this.property.set(context, [...list.filter((m) => m.id !== messageId), { id: messageId, passageIds }].slice(-REMEMBERED_ANSWERS));
  }

  /** The passages the message showed, or undefined when it is not one of the recent answers. */
  async passagesOf(context: TurnContext, messageId: string | undefined): Promise<string[] | undefined> {
    if (!messageId) return undefined;
    const list = await this.property.get(context, []);
    return list.find((m) => m.id === messageId)?.passageIds;
  }
}
