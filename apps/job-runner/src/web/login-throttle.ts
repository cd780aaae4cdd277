/** Options of {@link createLoginThrottle}. */
export interface LoginThrottleOptions {
  /** Wrong tokens allowed without any wait, for typing mistakes (default 3). */
  freeTries?: number;
  /** Wait after the first wrong token past the free tries; it doubles with each further one (default 1 s). */
  baseDelayMs?: number;
  /** Longest wait between two tries before the lockout (default 60 s). */
  maxDelayMs?: number;
  /** Wrong tokens after which a client is locked out (default 10). */
  lockoutAfter?: number;
  /** How long a lockout lasts; every wrong token after it locks out again (default 15 min). */
  lockoutMs?: number;
  /** Clients remembered at most; the oldest is forgotten first (default 10,000). */
  maxClients?: number;
  /** Clock in ms (tests pass their own). */
  now?: () => number;
}

/** Whether a client may try a token now. */
export type LoginVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Failed logins per client: a growing delay between tries, then a lockout. */
export interface LoginThrottle {
  check(client: string): LoginVerdict;
  failed(client: string): void;
  succeeded(client: string): void;
}

interface ClientState {
  failures: number;
  nextTryAt: number;
}

export function createLoginThrottle(options: LoginThrottleOptions = {}): LoginThrottle {
  const freeTries = options.freeTries ?? 3;
  const base = options.baseDelayMs ?? 1_000;
  const maxDelay = options.maxDelayMs ?? 60_000;
  const lockoutAfter = options.lockoutAfter ?? 10;
  const lockoutMs = options.lockoutMs ?? 15 * 60_000;
  const maxClients = options.maxClients ?? 10_000;
  const now = options.now ?? Date.now;
  const clients = new Map<string, ClientState>();

  return {
    check(client) {
      const state = clients.get(client);
      const at = now();
      if (!state || at >= state.nextTryAt) return { allowed: true };
      return { allowed: false, retryAfterMs: state.nextTryAt - at };
    },
    failed(client) {
      const state = clients.get(client) ?? { failures: 0, nextTryAt: 0 };
      clients.delete(client);
      state.failures += 1;
      const delayed = state.failures - freeTries;
      state.nextTryAt =
        now() +
        (state.failures >= lockoutAfter
          ? lockoutMs
          : delayed > 0
            ? Math.min(base * 2 ** (delayed - 1), maxDelay)
            : 0);
      while (clients.size >= maxClients) {
        const oldest = clients.keys().next().value;
        if (oldest === undefined) break;
        clients.delete(oldest);
      }
      clients.set(client, state);
    },
    succeeded(client) {
      clients.delete(client);
    },
  };
}
