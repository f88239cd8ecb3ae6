// The SDK reads the Bot Framework's signing keys (OpenID configuration, then the key set) on demand,
// with no coalescing: while the endpoint fails, or before the first read, every request carrying a
// token makes its own two fetches — so forged tokens can make the bot hammer the endpoint. This
// wraps the SDK's refresh so that one fetch runs at a time per metadata URL (the others wait for
// it), and after a failure the next few seconds fail at once without fetching.
import { OpenIdMetadata } from 'botframework-connector/lib/auth/openIdMetadata';

/** How long a failed read is remembered before the endpoint is tried again. */
export const METADATA_RETRY_MS = 5_000;

export class MetadataUnavailable extends Error {
  override name = 'MetadataUnavailable';
}

interface GateState {
  inFlight?: Promise<void>;
  failedAt?: number;
}

const states = new WeakMap<object, GateState>();
let installed = false;
let fetches = 0;

/** How many times the metadata has actually been fetched since start (for the probe and tests). */
export function metadataFetches(): number {
  return fetches;
}

export function installMetadataGate(now: () => number = Date.now): void {
  if (installed) return;
  installed = true;
  const proto = OpenIdMetadata.prototype as unknown as { refreshCache(this: object): Promise<void> };
  const refresh = proto.refreshCache;
  proto.refreshCache = function gatedRefresh(this: object): Promise<void> {
    let state = states.get(this);
    if (!state) states.set(this, (state = {}));
    if (state.inFlight) return state.inFlight;
    if (state.failedAt !== undefined && now() - state.failedAt < METADATA_RETRY_MS) {
      return Promise.reject(new MetadataUnavailable('signing keys unavailable (recent failure)'));
    }
    const gate = state;
    fetches++;
    gate.inFlight = refresh.call(this).then(
      () => {
        gate.failedAt = undefined;
        gate.inFlight = undefined;
      },
      (error: unknown) => {
        gate.failedAt = now();
        gate.inFlight = undefined;
        throw error;
      },
    );
    return gate.inFlight;
  };
}

/** An authentication failure caused by the signing keys being unreachable, not by the token. */
export function isMetadataFailure(error: unknown): boolean {
  if (error instanceof MetadataUnavailable) return true;
  const message = String((error as Error | undefined)?.message ?? '');
  return /Failed to load (openID config|Keys)|ECONNREFUSED|ETIMEDOUT|ENOTFOUND|fetch failed|socket hang up/i.test(message);
}
