// The guided signposting conversation as a small state machine over conversation state, rather than
// botbuilder-dialogs: four questions need no dialog stack, the state stays plain JSON in the bot's
// Storage (so it survives a restart or another instance), the logic is testable without botbuilder,
// and botbuilder-dialogs' postinstall would complicate a non-interactive install.

export type Step = 'what' | 'who' | 'where' | 'when';
export const STEPS: readonly Step[] = ['what', 'who', 'where', 'when'];

/** A flow left alone this long is forgotten: the next message is treated as a new question. */
export const FLOW_TTL_MS = 30 * 60 * 1000;

export interface FlowAnswers {
  /** What matters to the person, with personal details removed. */
  what?: string;
  /** A "who" option id, or free text describing them (redacted). */
  who?: string;
  /** A community name, or "anywhere". */
  where?: string;
  /** A "when" option id. */
  when?: string;
}

export interface FlowState {
  step: Step;
  answers: FlowAnswers;
  updatedAt: string;
}

export type FlowInput =
  | { kind: 'start' }
  | { kind: 'answer'; step?: Step; value: string }
  | { kind: 'skip'; step?: Step }
  | { kind: 'cancel' }
  | { kind: 'restart' };

export type FlowOutcome =
  | { kind: 'ask'; step: Step; repeated?: boolean }
  | { kind: 'done'; answers: FlowAnswers }
  | { kind: 'cancelled' }
  | { kind: 'expired' };

export interface FlowResult {
  /** The state to keep; undefined clears it. */
  state?: FlowState;
  outcome: FlowOutcome;
}

export function isExpired(state: FlowState, now: Date): boolean {
  return now.getTime() - new Date(state.updatedAt).getTime() > FLOW_TTL_MS;
}

function fresh(now: Date): FlowState {
  return { step: 'what', answers: {}, updatedAt: now.toISOString() };
}

/** Words typed during a flow that steer it rather than answer it. */
export function typedFlowInput(text: string): FlowInput {
  const t = text.trim().toLowerCase().replace(/[.!?]+$/, '');
  if (/^(cancel|stop|quit|exit|end)$/.test(t)) return { kind: 'cancel' };
  if (/^(start again|restart|start over|begin again)$/.test(t)) return { kind: 'restart' };
  if (/^(skip|pass|don'?t know|dont know|not sure|next)$/.test(t)) return { kind: 'skip' };
  return { kind: 'answer', value: text.trim() };
}

export function advance(state: FlowState | undefined, input: FlowInput, now: Date): FlowResult {
  if (input.kind === 'start' || input.kind === 'restart') return { state: fresh(now), outcome: { kind: 'ask', step: 'what' } };
  if (!state) return { outcome: { kind: 'expired' } };
  if (isExpired(state, now)) return { outcome: { kind: 'expired' } };
  if (input.kind === 'cancel') return { outcome: { kind: 'cancelled' } };
  // A button from an earlier question: ask the current one again rather than file the answer wrongly.
  if (input.step && input.step !== state.step) return { state, outcome: { kind: 'ask', step: state.step, repeated: true } };
  const answers = { ...state.answers };
  if (input.kind === 'answer' && input.value.trim()) answers[state.step] = input.value.trim().slice(0, 500);
  const next = STEPS[STEPS.indexOf(state.step) + 1];
  if (!next) return { outcome: { kind: 'done', answers } };
  return { state: { step: next, answers, updatedAt: now.toISOString() }, outcome: { kind: 'ask', step: next } };
}
