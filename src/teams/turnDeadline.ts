// Every turn has a deadline inside Teams' 15-second window. The deadline travels with the turn's
// async context (AsyncLocalStorage), so the Bot Connector client — built by the SDK, shared by
// turns — can tell which turn a request belongs to: each outbound request carries the turn's abort
// signal (a hanging connector is cut off, and the SDK's retry back-off is interrupted), and a
// Retry-After longer than the time left aborts the turn at once instead of being waited for.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ConnectorFactory } from 'botframework-connector';

export class TurnDeadlineExceeded extends Error {
  override name = 'TurnDeadlineExceeded';
}

export interface TurnBudget {
  /** Epoch ms after which nothing more is sent for this turn. */
  readonly deadline: number;
  readonly signal: AbortSignal;
  /** Why the turn was cut short, if it was. */
  reason?: 'deadline' | 'retry-after';
  /** Stop every send of this turn now. */
  abort(reason: 'deadline' | 'retry-after'): void;
  /** Clears the timer once the turn is over. */
  dispose(): void;
}

const current = new AsyncLocalStorage<TurnBudget>();

export function createTurnBudget(deadline: number): TurnBudget {
  const controller = new AbortController();
  const budget: TurnBudget = {
    deadline,
    signal: controller.signal,
    abort(reason) {
      if (controller.signal.aborted) return;
      budget.reason = reason;
      controller.abort(new TurnDeadlineExceeded(reason === 'deadline' ? 'turn deadline passed' : 'Retry-After beyond the turn deadline'));
    },
    dispose: () => clearTimeout(timer),
  };
  const timer = setTimeout(() => budget.abort('deadline'), Math.max(0, deadline - Date.now()));
  timer.unref();
  return budget;
}

/** Runs `work` with this budget as the current turn's. */
export function withTurnBudget<T>(budget: TurnBudget, work: () => Promise<T>): Promise<T> {
  return current.run(budget, work);
}

export function currentTurnBudget(): TurnBudget | undefined {
  return current.getStore();
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

// The few members of @azure/core-rest-pipeline's types used here (it is the SDK's, not ours).
interface PipelineRequestLike {
  abortSignal?: AbortSignal;
}
interface PipelineResponseLike {
  status: number;
  headers: { get(name: string): string | undefined };
}
interface PipelinePolicyLike {
  name: string;
  sendRequest(request: PipelineRequestLike, next: (request: PipelineRequestLike) => Promise<PipelineResponseLike>): Promise<PipelineResponseLike>;
}
interface PipelineLike {
  addPolicy(policy: PipelinePolicyLike, options?: { phase?: string; afterPhase?: string }): void;
  getOrderedPolicies(): Array<{ name: string }>;
}

/** Outermost: each request of a turn carries the turn's abort signal, and none starts after the deadline. */
const deadlinePolicy: PipelinePolicyLike = {
  name: 'midway-turn-deadline',
  async sendRequest(request, next) {
    const budget = currentTurnBudget();
    if (!budget) return next(request);
    if (budget.signal.aborted || Date.now() >= budget.deadline) {
      budget.abort('deadline');
      throw new TurnDeadlineExceeded('turn deadline passed before the send');
    }
    request.abortSignal = request.abortSignal ? AbortSignal.any([request.abortSignal, budget.signal]) : budget.signal;
    return next(request);
  },
};

/** Below the SDK's retry policy: a 429/503 asking for more time than the turn has left ends the
 * turn's sends now (the retry policy sees the aborted signal and stops), rather than sleeping past
 * Teams' window and delivering an answer nobody is waiting for. */
const retryAfterGuard: PipelinePolicyLike = {
  name: 'midway-retry-after-guard',
  async sendRequest(request, next) {
    const response = await next(request);
    const budget = currentTurnBudget();
    if (budget && (response.status === 429 || response.status === 503)) {
      const wait = retryAfterMs(response.headers.get('retry-after'));
      if (wait !== undefined && Date.now() + wait >= budget.deadline) budget.abort('retry-after');
    }
    return response;
  },
};

function pipelineOf(client: unknown): PipelineLike | undefined {
  const pipeline = (client as { client?: { pipeline?: PipelineLike } } | undefined)?.client?.pipeline;
  return pipeline && typeof pipeline.addPolicy === 'function' ? pipeline : undefined;
}

/** Adds the deadline policies to every Bot Connector client the factory makes (once per client). */
export function withSendDeadlines(factory: ConnectorFactory): ConnectorFactory {
  return {
    async create(serviceUrl: string, audience?: string) {
      const client = await factory.create(serviceUrl, audience);
      const pipeline = pipelineOf(client);
      if (pipeline && !pipeline.getOrderedPolicies().some((p) => p.name === deadlinePolicy.name)) {
        pipeline.addPolicy(deadlinePolicy);
        pipeline.addPolicy(retryAfterGuard, { afterPhase: 'Retry' });
      }
      return client;
    },
  };
}
