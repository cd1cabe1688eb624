/**
 * Concerns written while Tandem could not be reached, kept on this device until the server has them
 * (issue 19). They are sent when the connection returns (the `online` event), when the app starts,
 * and every 30 seconds while any wait; each once, one tab at a time (a Web Lock), and the
 * submission key makes a repeat harmless. A concern is sent only while the person who wrote it is
 * signed in, and is cleared from the device as soon as the server has it (including when the server
 * answers that it had it already).
 */
import { routeConcern, type LogConcernBody } from '@tandem/core';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { apiPost, lazySchema, toApiError } from '../api/client';
import { useSession } from '../auth/session';
import { concernsApi } from '../concerns/concernsApi';
import {
  allWaiting,
  forgetWaiting,
  keepWaiting,
  markRefused,
  onOutboxChange,
  type WaitingConcern,
} from './offlineStore';

const logConcernResponse = lazySchema(() => import('../concerns/logConcernCheck').then((m) => m.logConcernResponse));

const RETRY_MS = 30_000;

/** A concern that waited on this device and has now been sent (shown until dismissed). */
export interface SentFromDevice {
  submissionKey: string;
  schoolId: string;
  concernId: string;
  reference: string;
  writtenAt: string;
  about: string;
}

interface OutboxValue {
  /** Waiting concerns written by the person signed in now. */
  mine: WaitingConcern[];
  /** Waiting concerns written on this device by anyone else (or by whoever was signed in). */
  others: number;
  /** Sent from this device since the page opened. */
  sent: SentFromDevice[];
  sending: boolean;
  /** Keeps a concern on the device to send later. False if the device could not keep it. */
  keep: (schoolId: string, body: LogConcernBody, about: string) => Promise<WaitingConcern | null>;
  sendNow: () => void;
  dismissSent: (submissionKey: string) => void;
}

const OutboxContext = createContext<OutboxValue | null>(null);

/** Runs `work` in one tab at a time (all tabs share the outbox). */
async function exclusively(work: () => Promise<void>): Promise<void> {
  if ('locks' in navigator) {
    await navigator.locks.request('tandem-outbox', work);
  } else {
    await work();
  }
}

export function OutboxProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const userId = session.stage === 'complete' ? (session.user?.id ?? null) : null;
  const [all, setAll] = useState<WaitingConcern[]>([]);
  const [sent, setSent] = useState<SentFromDevice[]>([]);
  const [sending, setSending] = useState(false);
  const running = useRef(false);

  const reload = useCallback(() => {
    void allWaiting().then(setAll);
  }, []);

  useEffect(() => {
    reload();
    return onOutboxChange(reload);
  }, [reload]);

  const send = useCallback(async () => {
    if (userId === null || running.current) return;
    running.current = true;
    try {
      await exclusively(async () => {
        // Read again inside the lock: another tab may have sent some meanwhile.
        const waiting = (await allWaiting()).filter((c) => c.userId === userId);
        if (waiting.length === 0) return;
        setSending(true);
        for (const item of waiting) {
          try {
            const response = await apiPost(concernsApi(item.schoolId), item.body, logConcernResponse);
            await forgetWaiting(item.submissionKey);
            setSent((s) => [
              ...s.filter((x) => x.submissionKey !== item.submissionKey),
              {
                submissionKey: item.submissionKey,
                schoolId: item.schoolId,
                concernId: response.id,
                reference: response.reference,
                writtenAt: item.writtenAt,
                about: item.about,
              },
            ]);
          } catch (error) {
            const e = toApiError(error);
            // Still offline, the session has ended, or the server is struggling: try again later.
            if (
              e.code === 'network' ||
              e.code === 'unauthenticated' ||
              e.code === 'mfa_required' ||
              e.code === 'handed_to_pupil' ||
              e.code === 'rate_limited' ||
              e.code === 'internal' ||
              e.status >= 500
            ) {
              break;
            }
            // Refused (for example a pupil no longer at the school): kept, and the person is told.
            await markRefused(item.submissionKey, e.message);
          }
        }
      });
    } finally {
      running.current = false;
      setSending(false);
      reload();
    }
  }, [userId, reload]);

  const mineCount = all.filter((c) => c.userId === userId && c.refusal === null).length;

  // On start and when this person signs in; when the connection returns; every 30 s while any wait.
  useEffect(() => {
    void send();
  }, [send]);
  useEffect(() => {
    const onOnline = () => {
      void send();
    };
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
    };
  }, [send]);
  useEffect(() => {
    if (mineCount === 0) return;
    const timer = window.setInterval(() => {
      void send();
    }, RETRY_MS);
    return () => {
      window.clearInterval(timer);
    };
  }, [mineCount, send]);

  const keep = useCallback(
    async (schoolId: string, body: LogConcernBody, about: string) => {
      if (userId === null) return null;
      const decision = routeConcern(body);
      const item: WaitingConcern = {
        submissionKey: body.submissionKey,
        userId,
        schoolId,
        body,
        writtenAt: new Date().toISOString(),
        about,
        findDslNow: decision.findDslNow,
        medicalEmergency: body.medicalEmergency,
        refusal: null,
      };
      if (!(await keepWaiting(item))) return null;
      setAll((a) => [...a.filter((c) => c.submissionKey !== item.submissionKey), item]);
      return item;
    },
    [userId],
  );

  const dismissSent = useCallback((submissionKey: string) => {
    setSent((s) => s.filter((x) => x.submissionKey !== submissionKey));
  }, []);

  const value = useMemo<OutboxValue>(
    () => ({
      mine: all.filter((c) => c.userId === userId),
      others: all.filter((c) => c.userId !== userId).length,
      sent,
      sending,
      keep,
      sendNow: () => {
        void send();
      },
      dismissSent,
    }),
    [all, userId, sent, sending, keep, send, dismissSent],
  );
  return <OutboxContext.Provider value={value}>{children}</OutboxContext.Provider>;
}

export function useOutbox(): OutboxValue {
  const value = useContext(OutboxContext);
  if (value === null) throw new Error('useOutbox must be used inside OutboxProvider');
  return value;
}

/** Whether the browser says it is online (it can be wrong the other way: online but unreachable). */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => {
      setOnline(navigator.onLine);
    };
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
