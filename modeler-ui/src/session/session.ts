/**
 * The signed-in user's token and claims, kept in localStorage so a reload stays signed in. The token's payload
 * (base64url JSON before the signature) carries the expiry the API checks; the app reads it to end the session
 * on time rather than wait for a 401.
 */
export interface SessionUser {
  login: string;
  name: string;
  roles: string[];
  groups: string[];
  expiresAt: number;
}

export interface Session {
  token: string;
  user: SessionUser;
}

const STORAGE_KEY = 'pmp.session';

export function loadSession(now = Date.now()): Session | undefined {
  try {
    const session = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
    if (session && session.user.expiresAt > now) return session;
  } catch {
    // A damaged entry counts as signed out.
  }
  localStorage.removeItem(STORAGE_KEY);
  return undefined;
}

export function saveSession(session: Session): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(STORAGE_KEY);
}
