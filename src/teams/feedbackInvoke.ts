// Teams' own feedback buttons: a like or dislike, with an optional comment, arrives as a
// `message/submitAction` invoke. It is recorded like the cards' feedback (personal details removed,
// tied to the answer's passages) and answered 200 with no message, as Teams expects.
import type { InvokeResponse, TurnContext } from 'botbuilder';
import { hashId, type Logger } from '../logger';
import { redactPersonalDetails } from '../privacy/redact';
import type { RecordStore } from '../storage/records';
import type { AnsweredMessages } from './answeredMessages';

export const FEEDBACK_INVOKE = 'message/submitAction';

export interface TeamsFeedback {
  like: boolean;
  /** What the person typed, as they typed it: redact before keeping it anywhere. */
  comment?: string;
}

/** Teams' default form sends the comment as a JSON string `{"feedbackText": "…"}`; some clients
 * send an object or plain text. Anything else is not feedback. */
export function parseTeamsFeedback(value: unknown): TeamsFeedback | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { actionName, actionValue } = value as { actionName?: unknown; actionValue?: unknown };
  if (actionName !== 'feedback' || !actionValue || typeof actionValue !== 'object') return undefined;
  const { reaction, feedback } = actionValue as { reaction?: unknown; feedback?: unknown };
  if (reaction !== 'like' && reaction !== 'dislike') return undefined;
  const comment = commentOf(feedback)?.trim().slice(0, 1000);
  return { like: reaction === 'like', ...(comment ? { comment } : {}) };
}

function commentOf(feedback: unknown): string | undefined {
  if (typeof feedback === 'string') {
    try {
      return commentOf(JSON.parse(feedback) as unknown) ?? undefined;
    } catch {
      return feedback;
    }
  }
  if (feedback && typeof feedback === 'object') {
    const text = (feedback as { feedbackText?: unknown }).feedbackText;
    return typeof text === 'string' ? text : undefined;
  }
  return undefined;
}

export interface FeedbackInvokeDeps {
  answered: AnsweredMessages;
  records: RecordStore;
  logger: Logger;
}

export async function handleFeedbackInvoke(context: TurnContext, deps: FeedbackInvokeDeps): Promise<InvokeResponse> {
  const feedback = parseTeamsFeedback(context.activity.value);
  if (!feedback) return { status: 400, body: { error: 'Feedback needs a reaction of like or dislike.' } };
  const conversation = hashId(context.activity.conversation?.id);
  // Feedback on an answer no longer remembered (or from a client that does not say which message)
  // is still kept, without passages, rather than guessed onto another answer.
  const passageIds = (await deps.answered.passagesOf(context, context.activity.replyToId)) ?? [];
  const redacted = feedback.comment ? redactPersonalDetails(feedback.comment) : undefined;
  await deps.records.addFeedback(passageIds[0] ?? '', conversation, {
    helpful: feedback.like,
    via: 'teams',
    passageIds,
    ...(redacted?.text.trim() ? { redactedComment: redacted.text } : {}),
  });
  deps.logger.info({
    event: 'teams-feedback',
    activityId: context.activity.id,
    conversation,
    helpful: feedback.like,
    tiedToAnswer: passageIds.length > 0,
    personalDetailsRemoved: redacted?.found ?? [],
  });
  return { status: 200 };
}
