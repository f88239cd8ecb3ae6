// Card submit data comes from the client and may be old, altered or junk: accept only the shapes
// our cards send, with a `verb`, and nothing else.
import type { PassageKind } from '../knowledge/types';
import { STEPS, type Step } from '../signpost/flow';

export type CardAction =
  | { verb: 'ask'; text: string }
  | { verb: 'open'; passageId: string }
  | { verb: 'more'; text: string; page: number; kinds?: PassageKind[] }
  | { verb: 'feedback'; helpful: boolean; passageId: string }
  | { verb: 'feedback-reason'; passageId: string; reason?: string; comment?: string }
  | { verb: 'feedback-text'; comment: string }
  | { verb: 'signpost'; action: 'start' | 'answer' | 'skip' | 'restart' | 'cancel'; step?: Step; answer?: string; choice?: string }
  | { verb: 'signpost-copy'; serviceIds: string[] };

const KINDS: readonly PassageKind[] = ['plan', 'sds', 'service'];
const REASONS = /^[a-z-]{1,40}$/;

function text(value: unknown, max: number): string | undefined {
  return typeof value === 'string' ? value.slice(0, max) : undefined;
}

export function parseCardAction(value: unknown): CardAction | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  switch (v.verb) {
    case 'ask': {
      const t = text(v.text, 500);
      return t !== undefined ? { verb: 'ask', text: t } : undefined;
    }
    case 'open': {
      const id = text(v.passageId, 300);
      return id ? { verb: 'open', passageId: id } : undefined;
    }
    case 'more': {
      const t = text(v.text, 500);
      const page = Number(v.page);
      if (t === undefined || !Number.isInteger(page) || page < 1) return undefined;
      const kinds = Array.isArray(v.kinds) ? v.kinds.filter((k): k is PassageKind => KINDS.includes(k as PassageKind)) : [];
      return { verb: 'more', text: t, page, ...(kinds.length ? { kinds } : {}) };
    }
    case 'feedback': {
      const id = text(v.passageId, 300);
      return typeof v.helpful === 'boolean' && id ? { verb: 'feedback', helpful: v.helpful, passageId: id } : undefined;
    }
    case 'feedback-reason': {
      const id = text(v.passageId, 300);
      if (!id) return undefined;
      const reason = text(v.reason, 40);
      const comment = text(v.comment, 1000);
      return { verb: 'feedback-reason', passageId: id, ...(reason && REASONS.test(reason) ? { reason } : {}), ...(comment?.trim() ? { comment } : {}) };
    }
    case 'feedback-text': {
      const comment = text(v.comment, 1000);
      return comment?.trim() ? { verb: 'feedback-text', comment } : undefined;
    }
    case 'signpost': {
      const action = v.action;
      if (action !== 'start' && action !== 'answer' && action !== 'skip' && action !== 'restart' && action !== 'cancel') return undefined;
      const step = STEPS.find((st) => st === v.step);
      const answer = text(v.answer, 500);
      const choice = text(v.choice, 100);
      return { verb: 'signpost', action, ...(step ? { step } : {}), ...(answer?.trim() ? { answer } : {}), ...(choice?.trim() ? { choice } : {}) };
    }
    case 'signpost-copy': {
      const ids = Array.isArray(v.serviceIds) ? v.serviceIds.filter((id): id is string => typeof id === 'string').slice(0, 10) : [];
      return ids.length ? { verb: 'signpost-copy', serviceIds: ids } : undefined;
    }
    default:
      return undefined;
  }
}
