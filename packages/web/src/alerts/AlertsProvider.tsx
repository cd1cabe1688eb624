/**
 * Live alerts: one Server-Sent Events stream per signed-in member of staff, which sends the unread
 * count for each of their schools when it opens and whenever a new alert arrives. The header shows
 * the count; a new urgent alert is also announced (politely) and shown in a notice under the header.
 * Pages that list concerns or alerts reload when the counts change.
 */
import { ALERT_URGENT_KINDS } from '@tandem/core';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { apiGet, lazySchema, withQuery } from '../api/client';
import { useSession } from '../auth/session';
import { alertsApi, alertWords } from '../concerns/concernsApi';

// Lazily, so that the header does not bring zod to the first page: see ResponseSchema.
const alertListResponse = lazySchema(() => import('../api/lazySchemas').then((m) => m.alertListResponse));
const alertCountsEvent = lazySchema(() => import('../api/lazySchemas').then((m) => m.alertCountsEvent));

export interface AlertNotice {
  schoolId: string;
  urgent: boolean;
  message: string;
  /** Changes with each notice, so the same words are announced again. */
  at: number;
}

interface AlertsValue {
  /** Unread alerts in a school, or null before the stream has said. */
  unread: (schoolId: string) => number | null;
  /** Increases whenever any count changes. */
  version: number;
  notice: AlertNotice | null;
  dismissNotice: () => void;
  /** After marking alerts read here, before the stream says so. */
  setUnread: (schoolId: string, unread: number) => void;
}

const AlertsContext = createContext<AlertsValue | null>(null);

const RECONNECT_MS = 15_000;

export function AlertsProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const userId = session.stage === 'complete' ? (session.user?.id ?? null) : null;
  const isStaff = session.schools.some((s) => s.permissions.includes('concern.log'));
  const enabled = userId !== null && isStaff;
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>(new Map());
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<AlertNotice | null>(null);
  const previous = useRef<ReadonlyMap<string, number> | null>(null);
  const announcedUpTo = useRef<string>(new Date().toISOString());

  const announceNew = useCallback((schoolId: string) => {
    const since = announcedUpTo.current;
    apiGet(withQuery(alertsApi(schoolId), { unread: 'true', limit: 5 }), alertListResponse).then(
      (list) => {
        const fresh = list.alerts.filter((a) => a.createdAt > since);
        const newest = fresh[0]?.createdAt;
        if (newest !== undefined && newest > announcedUpTo.current) announcedUpTo.current = newest;
        // Only urgent alerts interrupt; the count in the header tells of the others.
        const urgent = fresh.find((a) => ALERT_URGENT_KINDS.has(a.kind));
        if (urgent === undefined) return;
        setNotice({ schoolId, urgent: true, message: alertWords(urgent.message), at: Date.now() });
      },
      () => undefined,
    );
  }, []);

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: number | null = null;
    let stopped = false;
    let received: Promise<void> = Promise.resolve();

    const open = () => {
      source = new EventSource('/api/alerts/stream');
      source.addEventListener('counts', (event: MessageEvent<string>) => {
        let data: unknown;
        try {
          data = JSON.parse(event.data);
        } catch {
          return;
        }
        // In arrival order, each once the schema has come (at once after the first).
        received = received
          .then(() => alertCountsEvent.load())
          .then((schema) => {
            const parsed = schema.safeParse(data);
            if (stopped || !parsed.success) return;
            const next = new Map(parsed.data.counts.map((c) => [c.schoolId, c.unread]));
            const before = previous.current;
            previous.current = next;
            if (before !== null) {
              for (const [schoolId, unread] of next) {
                if (unread > (before.get(schoolId) ?? 0)) announceNew(schoolId);
              }
            }
            setCounts(next);
            setVersion((v) => v + 1);
            // Once everything in a school has been read, its urgent notice has been seen to.
            setNotice((n) => (n !== null && next.get(n.schoolId) === 0 ? null : n));
          })
          .catch(() => undefined);
      });
      source.addEventListener('signed-out', () => {
        source?.close();
      });
      source.addEventListener('error', () => {
        // The browser retries by itself after a dropped connection; a refusal closes the stream,
        // and then it is tried again later in case the refusal was passing.
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          retry = window.setTimeout(open, RECONNECT_MS);
        }
      });
    };
    open();
    return () => {
      stopped = true;
      if (retry !== null) window.clearTimeout(retry);
      source?.close();
      previous.current = null;
    };
  }, [enabled, userId, announceNew]);

  const unread = useCallback(
    (schoolId: string) => (enabled ? (counts.get(schoolId) ?? null) : null),
    [counts, enabled],
  );
  const dismissNotice = useCallback(() => {
    setNotice(null);
  }, []);
  const setUnread = useCallback((schoolId: string, n: number) => {
    setCounts((c) => new Map([...c, [schoolId, n]]));
  }, []);

  const value = useMemo<AlertsValue>(
    () => ({ unread, version, notice: enabled ? notice : null, dismissNotice, setUnread }),
    [unread, version, notice, enabled, dismissNotice, setUnread],
  );
  return <AlertsContext.Provider value={value}>{children}</AlertsContext.Provider>;
}

export function useAlerts(): AlertsValue {
  const value = useContext(AlertsContext);
  if (value === null) throw new Error('useAlerts must be used inside AlertsProvider');
  return value;
}

/** Calls `reload` whenever the alert counts change (a new concern may have arrived). */
export function useReloadOnAlerts(reload: () => void): void {
  const { version } = useAlerts();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reload();
  }, [version, reload]);
}
