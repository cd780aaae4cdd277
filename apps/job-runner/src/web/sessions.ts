import { randomBytes } from 'node:crypto';

/** One browser's session: its CSRF token and whether it logged in. */
export interface Session {
  readonly id: string;
  readonly csrf: string;
  readonly loggedIn: boolean;
  lastSeen: number;
}

/** Options of {@link createSessionStore}. */
export interface SessionStoreOptions {
  /** A session unused this long is forgotten (default 12 hours). */
  idleMs?: number;
  /** Most sessions kept; beyond it the oldest anonymous one goes first (default 1000). */
  max?: number;
  /** Clock in ms (tests pass their own). */
  now?: () => number;
}

/** Sessions in memory, expiring and bounded in number. */
export interface SessionStore {
  /** The live session with this id (its idle time starts again), or undefined. */
  find(id: string | undefined): Session | undefined;
  /** A new session; `loggedIn` only after a login (which replaces the anonymous one). */
  create(loggedIn: boolean): Session;
  remove(id: string): void;
  readonly size: number;
  readonly idleMs: number;
}

export function createSessionStore(options: SessionStoreOptions = {}): SessionStore {
  const idleMs = options.idleMs ?? 12 * 60 * 60 * 1000;
  const max = options.max ?? 1000;
  const now = options.now ?? Date.now;
  // Map order is least recently used first: find() moves a session to the end.
  const sessions = new Map<string, Session>();
  const expired = (s: Session, at: number) => at - s.lastSeen > idleMs;

  const makeRoom = (at: number): void => {
    for (const s of sessions.values()) if (expired(s, at)) sessions.delete(s.id);
    while (sessions.size >= max) {
      let victim: Session | undefined;
      for (const s of sessions.values())
        if (!s.loggedIn) {
          victim = s;
          break;
        }
      victim ??= sessions.values().next().value;
      if (!victim) break;
      sessions.delete(victim.id);
    }
  };

  return {
    idleMs,
    get size() {
      return sessions.size;
    },
    find(id) {
      if (!id) return undefined;
      const found = sessions.get(id);
      if (!found) return undefined;
      const at = now();
      sessions.delete(id);
      if (expired(found, at)) return undefined;
      found.lastSeen = at;
      sessions.set(id, found);
      return found;
    },
    create(loggedIn) {
      const at = now();
      makeRoom(at);
      const session: Session = {
        id: randomBytes(24).toString('base64url'),
        csrf: randomBytes(24).toString('base64url'),
        loggedIn,
        lastSeen: at,
      };
      sessions.set(session.id, session);
      return session;
    },
    remove(id) {
      sessions.delete(id);
    },
  };
}
