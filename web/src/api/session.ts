import type { LoginResponse } from '../contracts';

export type SessionUser = LoginResponse['user'];

export interface Session {
  token: string;
  user: SessionUser;
}

/** Why the last session ended, so the login page can tell an expired session from a logout. */
export type SessionEndReason = 'logout' | 'expired';

const TOKEN_KEY = 'muster.accessToken';
const USER_KEY = 'muster.user';

function readStoredSession(): Session | null {
  try {
    const token = localStorage.getItem(TOKEN_KEY);
    const user = localStorage.getItem(USER_KEY);
    if (!token || !user) return null;
    const parsed = JSON.parse(user) as SessionUser;
    if (typeof parsed?.id !== 'string' || typeof parsed.role !== 'string') return null;
    return { token, user: parsed };
  } catch {
    // Unreadable storage (private mode, corrupted JSON) means "not signed in", never a crash.
    return null;
  }
}

let current: Session | null = readStoredSession();
let endReason: SessionEndReason | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

/**
 * The signed-in session, kept in localStorage so a reload keeps the user signed in. A small
 * external store (read with useSyncExternalStore) rather than React state, because the API
 * client, which lives outside React, must be able to end the session on a 401.
 */
export const sessionStore = {
  get(): Session | null {
    return current;
  },

  lastEndReason(): SessionEndReason | null {
    return endReason;
  },

  start(session: Session): void {
    localStorage.setItem(TOKEN_KEY, session.token);
    localStorage.setItem(USER_KEY, JSON.stringify(session.user));
    current = session;
    endReason = null;
    emit();
  },

  updateUser(user: SessionUser): void {
    if (!current) return;
    current = { ...current, user };
    localStorage.setItem(USER_KEY, JSON.stringify(user));
    emit();
  },

  end(reason: SessionEndReason): void {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(USER_KEY);
    if (current === null) return;
    current = null;
    endReason = reason;
    emit();
  },

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// Signing out (or in as someone else) in one tab must not leave another tab acting with a
// token that is no longer the current one.
window.addEventListener('storage', (event) => {
  if (event.key !== TOKEN_KEY && event.key !== USER_KEY && event.key !== null) return;
  const next = readStoredSession();
  if (next?.token === current?.token) return;
  current = next;
  if (!next) endReason = 'logout';
  emit();
});
