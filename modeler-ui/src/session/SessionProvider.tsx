/**
 * Who is signed in. Signing in stores the token; the session ends at the token's expiry or at the first 401 from
 * any call, and then the sign-in page opens with "session expired" and, once signed in again, returns to the page
 * the user was on.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setApiSession } from '../api/http';
import { clearSession, loadSession, saveSession, type Session, type SessionUser } from './session';

export type SessionEnd = 'expired' | 'signedOut';

interface SessionContextValue {
  user: SessionUser | undefined;
  /** Why there is no session any more, when it ended in this page's life. */
  ended: SessionEnd | undefined;
  signIn(login: string, password: string): Promise<void>;
  signOut(): void;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

/** Where to go back to after signing in again: the path with its query. */
export const returnPathOf = (location: { pathname: string; search: string }): string =>
  location.pathname + location.search;

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const [ended, setEnded] = useState<SessionEnd>();

  // The screens' guard (RequireSession) then opens the sign-in page with the reason and the way back.
  const end = useCallback((reason: SessionEnd) => {
    clearSession();
    setApiSession(undefined, () => undefined);
    setSession(undefined);
    setEnded(reason);
  }, []);

  // Set during render so that the children's first calls already carry the token.
  setApiSession(session?.token, () => end('expired'));

  useEffect(() => {
    if (!session) return;
    const timer = window.setTimeout(
      () => end('expired'),
      Math.min(2 ** 31 - 1, Math.max(0, session.user.expiresAt - Date.now())),
    );
    return () => window.clearTimeout(timer);
  }, [session, end]);

  const signIn = useCallback(
    async (login: string, password: string) => {
      const answer = await api<{ token: string; user: SessionUser }>('/auth/login', {
        method: 'POST',
        body: { login, password },
      });
      const next = { token: answer.token, user: answer.user };
      saveSession(next);
      setApiSession(next.token, () => end('expired'));
      setSession(next);
      setEnded(undefined);
    },
    [end],
  );

  // The API revokes the token (every token of the user); the page ends the session without waiting for it.
  const signOut = useCallback(() => {
    void api('/auth/logout', { method: 'POST' }).catch(() => undefined);
    end('signedOut');
  }, [end]);

  const value = useMemo<SessionContextValue>(
    () => ({ user: session?.user, ended, signIn, signOut }),
    [session, ended, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
