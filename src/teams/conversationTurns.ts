// No lost updates in conversation state. Two layers:
// - on one instance, the turns of one conversation run one after another (a queue per
//   conversation), so messages sent close together each see the state the one before left;
// - across instances, state is written only if unchanged since it was read (GuardedConversationState
//   over an eTag-checking store). On a conflict the turn is run again from a fresh read. Its
//   messages are held back until the state is saved, so a turn that is run again sends nothing twice.
import { ActivityTypes, ConversationState, calculateChangeHash, type Activity, type ResourceResponse, type Storage, type TurnContext } from 'botbuilder';
import { hashId, type Logger } from '../logger';
import { isStateConflict } from '../storage/versionedStore';

/** ConversationState that writes with the eTag it read (botbuilder's writes with "*", last writer
 * wins). A conversation with no state yet is written only if it still has none. */
export class GuardedConversationState extends ConversationState {
  constructor(storage: Storage) {
    super(storage);
  }

  private cacheKey(): symbol {
    // botbuilder keeps the turn's cached state under a private symbol; reading it is the only way to
    // save without its forced "*" eTag.
    return (this as unknown as { stateKey: symbol }).stateKey;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const cached = context.turnState.get(this.cacheKey()) as { state: Record<string, unknown> & { eTag?: string }; hash: string } | undefined;
    if (!force && !(cached && cached.hash !== calculateChangeHash(cached.state))) return;
    const key = await this.storageKey(context);
    const state = cached?.state ?? {};
    const before = state.eTag;
    await this.storage.write({ [key]: state });
    if (state.eTag === before) {
      // A store that does not report the new eTag (botbuilder's MemoryStorage): read it back.
      state.eTag = ((await this.storage.read([key]))[key] as { eTag?: string } | undefined)?.eTag;
    }
    context.turnState.set(this.cacheKey(), { state, hash: calculateChangeHash(state) });
  }
}

/** Runs jobs with the same key one at a time, in arrival order; the map holds only busy keys. */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(job, job);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  busy(): number {
    return this.tails.size;
  }
}

export const STATE_ATTEMPTS = 3;

export class ConversationTurns {
  private readonly queue = new KeyedQueue();

  constructor(private readonly state: ConversationState, private readonly logger: Logger, private readonly attempts = STATE_ATTEMPTS) {}

  /** `work` is the turn's logic; the state is saved after it. */
  run(context: TurnContext, work: () => Promise<void>): Promise<void> {
    return this.queue.run(context.activity.conversation?.id ?? '', () => this.attempt(context, work));
  }

  private async attempt(context: TurnContext, work: () => Promise<void>): Promise<void> {
    // Invokes answer in the HTTP response and do not keep state: run once.
    if (context.activity.type !== ActivityTypes.Message) {
      await work();
      await this.state.saveChanges(context, false);
      return;
    }
    const outbox = new Outbox(context);
    for (let attempt = 1; ; attempt++) {
      outbox.hold();
      try {
        await work();
        await this.state.saveChanges(context, false);
      } catch (error) {
        if (isStateConflict(error)) {
          const conversation = hashId(context.activity.conversation?.id);
          outbox.discard();
          if (attempt >= this.attempts) {
            this.logger.error({ event: 'state-conflict', activityId: context.activity.id, conversation, attempt, retried: false });
            throw error;
          }
          this.logger.warn({ event: 'state-conflict', activityId: context.activity.id, conversation, attempt, retried: true });
          await this.state.load(context, true);
          continue;
        }
        // Any other failure: what the turn had to say so far still goes out, as before.
        await outbox.release();
        throw error;
      }
      await outbox.release();
      return;
    }
  }
}

/** Holds a turn's messages back until its state is saved; typing indicators go at once. */
class Outbox {
  private held: Array<Partial<Activity>> | undefined;

  constructor(private readonly context: TurnContext) {
    context.onSendActivities(async (_context, activities, next) => {
      if (!this.held || !activities.every((a) => a.type === ActivityTypes.Message)) return next();
      this.held.push(...activities);
      return activities.map((): ResourceResponse => ({ id: '' }));
    });
  }

  hold(): void {
    this.held = [];
  }

  discard(): void {
    this.held = [];
  }

  async release(): Promise<void> {
    const held = this.held ?? [];
    this.held = undefined;
    if (held.length) await this.context.sendActivities(held);
  }
}
