/**
 * The signed-in person, as the server last described them. The server decides everything; this
 * only mirrors it so pages can hide what would be refused and send people to the right step.
 */
import { roleGrants, type Permission, type SessionResponse } from '@tandem/core';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  apiGet,
  apiPost,
  lastServerAnswer,
  lastServerContact,
  lazySchema,
  refreshCsrfToken,
  setUnauthenticatedHandler,
  toApiError,
  type ApiError,
  type LazySchema,
} from '../api/client';
import { forgetSessionAndPupils, keepSession, keptSession, sessionHeardAt } from '../offline/offlineStore';
import { useNavigate } from '../router/router';

// Lazily, so that the first page does not wait for zod: see ResponseSchema.
const fullSessionResponse = lazySchema(() => import('../api/lazySchemas').then((m) => m.sessionResponse));
const okResponse = lazySchema(() => import('../api/lazySchemas').then((m) => m.okResponse));

export type SessionSchool = SessionResponse['schools'][number];
export type SessionTrust = SessionResponse['trusts'][number];
export type Stage = SessionResponse['stage'];

export const SIGNED_OUT: SessionResponse = {
  signedIn: false,
  stage: 'signed_out',
  user: null,
  schools: [],
  trusts: [],
  idleTimeoutSeconds: null,
  demo: false,
  handedTo: null,
};

const isSignedOut = (json: unknown): json is SessionResponse => {
  if (typeof json !== 'object' || json === null) return false;
  const j = json as Record<string, unknown>;
  return (
    j.signedIn === false &&
    j.stage === 'signed_out' &&
    j.user === null &&
    Array.isArray(j.schools) &&
    j.schools.length === 0 &&
    Array.isArray(j.trusts) &&
    j.trusts.length === 0 &&
    (j.idleTimeoutSeconds === null || Number.isInteger(j.idleTimeoutSeconds)) &&
    typeof j.demo === 'boolean' &&
    (j.handedTo === null || j.handedTo === undefined)
  );
};

/**
 * The session. A signed-out one (what the sign-in page starts from) is simple enough to check here,
 * so that the first page is shown without waiting for zod; any other is checked with core's schema.
 */
export const sessionResponse: LazySchema<SessionResponse> = {
  load: (json) =>
    isSignedOut(json)
      ? Promise.resolve({
          safeParse: (j: unknown) =>
            isSignedOut(j)
              ? {
                  success: true as const,
                  // Only the schema's fields, as zod would return them.
                  data: {
                    signedIn: j.signedIn,
                    stage: j.stage,
                    user: j.user,
                    schools: [],
                    trusts: [],
                    idleTimeoutSeconds: j.idleTimeoutSeconds,
                    demo: j.demo,
                    handedTo: null,
                  },
                }
              : { success: false as const, error: { issues: ['not a signed-out session'] } },
        })
      : fullSessionResponse.load(json),
};

export const SESSION_ENDED_FLASH = {
  kind: 'info',
  title: 'Your session has ended. Please sign in again.',
  text: 'For your security, Tandem signs you out after a period without activity.',
} as const;

interface SessionValue {
  session: SessionResponse;
  /** Use the session a sign-in step has just returned. */
  setSession: (session: SessionResponse) => void;
  refresh: () => Promise<SessionResponse>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

type LoadState =
  { status: 'loading' } | { status: 'ready'; session: SessionResponse } | { status: 'error'; error: ApiError };

function signedOutKeepingDemo(state: LoadState): LoadState {
  const demo = state.status === 'ready' && state.session.demo;
  return { status: 'ready', session: { ...SIGNED_OUT, demo } };
}

function currentPath(): string {
  return window.location.pathname + window.location.search;
}

export function SessionProvider({
  children,
  loading,
  failed,
}: {
  children: ReactNode;
  loading: ReactNode;
  failed: (error: ApiError, retry: () => void) => ReactNode;
}) {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  /** Opened without a connection, as the person last signed in here (see below). */
  const [offlineStart, setOfflineStart] = useState(false);
  const navigate = useNavigate();

  useEffect(() => {
    let cancelled = false;
    // Signed out here earlier without a connection: end that session on the server first.
    const pendingSignOut = signOutPending()
      ? apiPost('/api/auth/sign-out', {}, okResponse).then(clearSignOutPending, (error: unknown) => {
          if (toApiError(error).code !== 'network') clearSignOutPending();
        })
      : Promise.resolve();
    pendingSignOut
      .then(() => Promise.all([refreshCsrfToken(), apiGet('/api/auth/session', sessionResponse)]))
      .then(
        ([, session]) => {
          if (!cancelled) setState({ status: 'ready', session });
        },
        async (error: unknown) => {
          const failure = toApiError(error);
          // Tandem cannot be reached: open as the person last signed in on this device (if they did
          // not sign out), so that a concern can still be written (issue 19). Asked again once online.
          const kept = failure.code === 'network' ? await keptSession() : null;
          if (cancelled) return;
          if (kept !== null) {
            setOfflineStart(true);
            setState({ status: 'ready', session: kept });
          } else {
            setState({ status: 'error', error: failure });
          }
        },
      );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  // Signed out without a connection: tell the server when it returns, unless someone has signed in
  // since (their sign-in replaced the session the server would end).
  const signedOutHere = state.status === 'ready' && state.session.stage === 'signed_out';
  useEffect(() => {
    if (!signedOutHere) {
      if (state.status === 'ready') clearSignOutPending();
      return;
    }
    const finish = () => {
      if (!signOutPending()) return;
      apiPost('/api/auth/sign-out', {}, okResponse).then(
        () => {
          clearSignOutPending();
          refreshCsrfToken().catch(() => undefined);
        },
        (error: unknown) => {
          if (toApiError(error).code !== 'network') clearSignOutPending();
        },
      );
    };
    finish();
    window.addEventListener('online', finish);
    return () => {
      window.removeEventListener('online', finish);
    };
  }, [signedOutHere, state.status]);

  // Opened offline from what this device kept: once the connection returns, ask the server who is
  // signed in (a session that ended meanwhile goes to the sign-in page).
  useEffect(() => {
    if (!offlineStart) return;
    const onOnline = () => {
      Promise.all([refreshCsrfToken(), apiGet('/api/auth/session', sessionResponse)]).then(
        ([, session]) => {
          setOfflineStart(false);
          setState({ status: 'ready', session });
        },
        () => undefined,
      );
    };
    window.addEventListener('online', onOnline);
    const timer = window.setInterval(onOnline, 30_000);
    return () => {
      window.removeEventListener('online', onOnline);
      window.clearInterval(timer);
    };
  }, [offlineStart]);

  const setSession = useCallback((session: SessionResponse) => {
    setState({ status: 'ready', session });
  }, []);

  const refresh = useCallback(async () => {
    const session = await apiGet('/api/auth/session', sessionResponse);
    setState({ status: 'ready', session });
    return session;
  }, []);

  const endSession = useCallback(() => {
    setState(signedOutKeepingDemo);
    refreshCsrfToken().catch(() => undefined);
    const here = currentPath();
    const next = here.startsWith('/sign-in') ? '' : `?next=${encodeURIComponent(here)}`;
    navigate(`/sign-in${next}`, { replace: true, flash: SESSION_ENDED_FLASH });
  }, [navigate]);

  const signOut = useCallback(async () => {
    try {
      await apiPost('/api/auth/sign-out', {}, okResponse);
    } catch (error) {
      // Already signed out on the server (or unreachable): forget the session here all the same.
      // Unreachable: the server is told once the connection returns (see below).
      if (toApiError(error).code === 'network') markSignOutPending();
    }
    setState(signedOutKeepingDemo);
    await refreshCsrfToken().catch(() => undefined);
    navigate('/sign-in', { flash: { kind: 'success', title: 'You have signed out.' } });
  }, [navigate]);

  useEffect(() => {
    setUnauthenticatedHandler((code) => {
      if (code === 'unauthenticated') {
        endSession();
        return;
      }
      // Two-factor needed first, or the device handed to a pupil: the session says which.
      refresh().catch(() => undefined);
    });
    return () => {
      setUnauthenticatedHandler(null);
    };
  }, [refresh, endSession]);

  // The server ends a session after a period without requests. Notice it here too, so that a
  // screen left open in a classroom does not keep showing names after the session has gone.
  const session = state.status === 'ready' ? state.session : null;

  // Kept on this device while signed in, so the app opens offline; forgotten when the session ends
  // and while the device is handed to a pupil (who must never open the staff app offline).
  useEffect(() => {
    if (session === null) return;
    if (session.stage === 'complete' && session.handedTo === null) {
      if (!offlineStart) void keepSession(session, lastServerAnswer() || Date.now());
    } else if (session.stage === 'signed_out' || session.handedTo !== null) {
      void forgetSessionAndPupils();
    }
  }, [session, offlineStart]);
  // How recently the server answered, so that a session that may have ended is not opened offline.
  const keeping = session?.stage === 'complete' && session.handedTo === null && !offlineStart;
  useEffect(() => {
    if (!keeping) return;
    const note = () => {
      const at = lastServerAnswer();
      if (at > 0) void sessionHeardAt(at);
    };
    const timer = window.setInterval(note, 60_000);
    window.addEventListener('pagehide', note);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('pagehide', note);
    };
  }, [keeping]);

  const idleSeconds = session?.stage === 'complete' ? session.idleTimeoutSeconds : null;
  useEffect(() => {
    if (idleSeconds === null || idleSeconds <= 0) return;
    const timer = window.setInterval(() => {
      if (Date.now() - lastServerContact() < idleSeconds * 1000 + 5000) return;
      apiGet('/api/auth/session', sessionResponse).then(
        (fresh) => {
          if (fresh.stage === 'complete') setState({ status: 'ready', session: fresh });
          else endSession();
        },
        () => undefined,
      );
    }, 15_000);
    return () => {
      window.clearInterval(timer);
    };
  }, [idleSeconds, endSession]);

  // A device handed to a pupil in another tab: when this tab is looked at again, it asks whether
  // the session still reads records, so it does not go on showing one (see the handed-device gate).
  const signedIn = session?.stage === 'complete';
  useEffect(() => {
    if (!signedIn) return;
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      apiGet('/api/auth/session', sessionResponse).then(
        (fresh) => {
          if (fresh.handedTo !== null) setState({ status: 'ready', session: fresh });
        },
        () => undefined,
      );
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [signedIn]);

  const value = useMemo<SessionValue | null>(
    () => (session === null ? null : { session, setSession, refresh, signOut }),
    [session, setSession, refresh, signOut],
  );

  if (state.status === 'loading') return <>{loading}</>;
  if (state.status === 'error' || value === null) {
    return (
      <>
        {failed(state.status === 'error' ? state.error : toApiError(null), () => {
          setState({ status: 'loading' });
          setAttempt((a) => a + 1);
        })}
      </>
    );
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession must be used inside SessionProvider');
  return value;
}

/** Where someone at this stage of signing in must go next. */
export function pathForStage(stage: Stage, next: string | null): string {
  const suffix = next === null || next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
  switch (stage) {
    case 'signed_out':
      return `/sign-in${suffix}`;
    case 'mfa_required':
      return `/sign-in/two-factor${suffix}`;
    case 'mfa_enrolment_required':
      return `/set-up-two-factor${suffix}`;
    case 'complete':
      return next ?? '/';
  }
}

export function schoolPermissions(school: SessionSchool | undefined): ReadonlySet<string> {
  return new Set(school?.permissions ?? []);
}

export function schoolCan(school: SessionSchool | undefined, permission: Permission): boolean {
  return school?.permissions.includes(permission) ?? false;
}

/** Trust permissions are not sent by the server; they follow from the trust roles. */
export function trustCan(trust: SessionTrust | undefined, permission: Permission): boolean {
  return trust?.roles.some((r) => roleGrants(r, permission)) ?? false;
}

export function useSchool(schoolId: string): SessionSchool | undefined {
  const { session } = useSession();
  return session.schools.find((s) => s.id === schoolId);
}

export function useTrust(trustId: string): SessionTrust | undefined {
  const { session } = useSession();
  return session.trusts.find((t) => t.id === trustId);
}

const SIGN_OUT_PENDING_KEY = 'tandem.signOutPending';

function markSignOutPending(): void {
  try {
    window.localStorage.setItem(SIGN_OUT_PENDING_KEY, '1');
  } catch {
    // Storage off: the server ends the session at its idle time-out.
  }
}

function signOutPending(): boolean {
  try {
    return window.localStorage.getItem(SIGN_OUT_PENDING_KEY) !== null;
  } catch {
    return false;
  }
}

function clearSignOutPending(): void {
  try {
    window.localStorage.removeItem(SIGN_OUT_PENDING_KEY);
  } catch {
    // Nothing was kept.
  }
}

const LAST_PLACE_KEY = 'tandem.lastPlace';

/** Remembers the school or trust last looked at, per person, on this device. */
export function rememberPlace(userId: string, path: string): void {
  try {
    window.localStorage.setItem(`${LAST_PLACE_KEY}.${userId}`, path);
  } catch {
    // Storage may be turned off; remembering is only a convenience.
  }
}

export function recallPlace(userId: string): string | null {
  try {
    return window.localStorage.getItem(`${LAST_PLACE_KEY}.${userId}`);
  } catch {
    return null;
  }
}
