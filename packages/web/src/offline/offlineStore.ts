/**
 * What this device keeps so that a concern can be written through an outage (issue 19), in
 * IndexedDB (not the service worker, which caches the app's own files only):
 * - outbox: concerns written while Tandem could not be reached, each with its submission key, until
 *   the server has them. Each belongs to the person who wrote it and is sent only while they are
 *   signed in.
 * - session: who was last signed in here (name, schools, permissions; no pupil data), so that the
 *   app can open offline. Cleared when the session ends.
 * - pupils: for the person who may log concerns, the least needed to choose a pupil offline (id,
 *   names, year group, form) for their school. Cleared when the session ends.
 * - drafts: the log-a-concern form as last typed, when the draft could not be saved on the server
 *   because Tandem could not be reached, for its writer and school. Something the person wrote: kept
 *   (like a waiting concern) until the server has it as the draft, or it is sent or cleared.
 * Storage may be turned off or full: every function here then does nothing rather than throw.
 */
import type { LogConcernBody, SessionResponse } from '@tandem/core';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Values } from '../concerns/logConcernValues';

export interface WaitingConcern {
  submissionKey: string;
  userId: string;
  schoolId: string;
  body: LogConcernBody;
  /** When it was written (ISO). */
  writtenAt: string;
  /** Who it is about, for the person who wrote it: "Yusuf Murphy (9W)". */
  about: string;
  /** Urgent: the person was told to find the DSL in person (and to call 999 if a child is in danger). */
  findDslNow: boolean;
  medicalEmergency: boolean;
  /** The server refused it (not a lost connection): its words, so the person can act. */
  refusal: string | null;
}

export interface OfflinePupil {
  id: string;
  givenName: string;
  preferredName: string | null;
  familyName: string;
  yearGroup: number;
  form: string;
}

interface PupilList {
  key: string;
  schoolId: string;
  userId: string;
  savedAt: string;
  pupils: OfflinePupil[];
}

interface KeptSession {
  key: string;
  userId: string;
  session: SessionResponse;
  /** When the server last answered this person (ms): the session may have ended since. */
  heardAt: number;
}

/** The log-a-concern form as last typed, kept here because the server could not be reached. */
export interface DeviceDraft {
  key: string;
  userId: string;
  schoolId: string;
  draft: Values;
  /** When it was kept (ISO). */
  savedAt: string;
}

interface TandemOffline extends DBSchema {
  outbox: { key: string; value: WaitingConcern };
  session: { key: string; value: KeptSession };
  pupils: { key: string; value: PupilList };
  drafts: { key: string; value: DeviceDraft };
}

const DB_NAME = 'tandem-offline';
const CHANNEL = 'tandem-outbox';

let opening: Promise<IDBPDatabase<TandemOffline>> | null = null;

function db(): Promise<IDBPDatabase<TandemOffline>> {
  opening ??= openDB<TandemOffline>(DB_NAME, 2, {
    upgrade(d, oldVersion) {
      if (oldVersion < 1) {
        d.createObjectStore('outbox', { keyPath: 'submissionKey' });
        d.createObjectStore('session', { keyPath: 'key' });
        d.createObjectStore('pupils', { keyPath: 'key' });
      }
      if (oldVersion < 2) d.createObjectStore('drafts', { keyPath: 'key' });
    },
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

/** Tells the app's other tabs (and this one) that the outbox changed. */
function announce(): void {
  try {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage('changed');
    channel.close();
  } catch {
    // No BroadcastChannel: other tabs notice at their next retry.
  }
  window.dispatchEvent(new Event(CHANNEL));
}

/** Calls `onChange` whenever the outbox changes, in this tab or another. Returns the unsubscribe. */
export function onOutboxChange(onChange: () => void): () => void {
  let channel: BroadcastChannel | null = null;
  try {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = onChange;
  } catch {
    channel = null;
  }
  window.addEventListener(CHANNEL, onChange);
  return () => {
    channel?.close();
    window.removeEventListener(CHANNEL, onChange);
  };
}

/** Keeps a concern on this device. False if the device could not keep it (storage off or full). */
export async function keepWaiting(concern: WaitingConcern): Promise<boolean> {
  try {
    await (await db()).put('outbox', concern);
    announce();
    return true;
  } catch {
    return false;
  }
}

/** Every concern waiting on this device, oldest first. */
export async function allWaiting(): Promise<WaitingConcern[]> {
  try {
    const all = await (await db()).getAll('outbox');
    return all.sort((a, b) => a.writtenAt.localeCompare(b.writtenAt));
  } catch {
    return [];
  }
}

/** The server has it: it is no longer kept here. */
export async function forgetWaiting(submissionKey: string): Promise<void> {
  try {
    await (await db()).delete('outbox', submissionKey);
  } catch {
    // Left in place, it is sent again next time and the submission key makes the repeat harmless.
  }
  announce();
}

export async function markRefused(submissionKey: string, refusal: string): Promise<void> {
  try {
    const d = await db();
    const item = await d.get('outbox', submissionKey);
    if (item !== undefined) await d.put('outbox', { ...item, refusal });
  } catch {
    // Shown again at the next try.
  }
  announce();
}

/** Remembers who is signed in, so the app can open offline. */
export async function keepSession(session: SessionResponse, heardAt: number): Promise<void> {
  if (session.user === null) return;
  try {
    await (await db()).put('session', { key: 'current', userId: session.user.id, session, heardAt });
  } catch {
    // Opening offline will not work on this device; nothing else is lost.
  }
}

/** The server answered this person again at `heardAt`. */
export async function sessionHeardAt(heardAt: number): Promise<void> {
  try {
    const d = await db();
    const kept = await d.get('session', 'current');
    if (kept !== undefined && kept.heardAt < heardAt) await d.put('session', { ...kept, heardAt });
  } catch {
    // The kept session ages sooner; nothing else is lost.
  }
}

/**
 * The session kept on this device, if the server may still hold it: heard from within its idle
 * time-out (30 minutes if it has none). An older one is forgotten, with the pupil list.
 */
export async function keptSession(): Promise<SessionResponse | null> {
  try {
    const kept = await (await db()).get('session', 'current');
    if (kept === undefined) return null;
    const idleMs = (kept.session.idleTimeoutSeconds ?? 30 * 60) * 1000;
    if (Date.now() - kept.heardAt > idleMs) {
      await forgetSessionAndPupils();
      return null;
    }
    return kept.session;
  } catch {
    return null;
  }
}

/** At sign-out (or when the session ends): forget who was signed in and the pupil lists. */
export async function forgetSessionAndPupils(): Promise<void> {
  try {
    const d = await db();
    await d.clear('session');
    await d.clear('pupils');
  } catch {
    // Nothing was kept.
  }
}

export async function keepPupils(schoolId: string, userId: string, pupils: OfflinePupil[]): Promise<void> {
  try {
    await (
      await db()
    ).put('pupils', { key: `${schoolId}:${userId}`, schoolId, userId, savedAt: new Date().toISOString(), pupils });
  } catch {
    // Searching offline will not work; searching online is unaffected.
  }
}

export async function keptPupils(
  schoolId: string,
  userId: string,
): Promise<{ savedAt: string; pupils: OfflinePupil[] } | null> {
  try {
    const list = await (await db()).get('pupils', `${schoolId}:${userId}`);
    return list === undefined ? null : { savedAt: list.savedAt, pupils: list.pupils };
  } catch {
    return null;
  }
}

/** Keeps the form as typed on this device (the server could not be reached). False if it could not. */
export async function keepDraft(schoolId: string, userId: string, draft: Values): Promise<DeviceDraft | null> {
  const item: DeviceDraft = {
    key: `${schoolId}:${userId}`,
    schoolId,
    userId,
    draft,
    savedAt: new Date().toISOString(),
  };
  try {
    await (await db()).put('drafts', item);
    return item;
  } catch {
    return null;
  }
}

export async function keptDraft(schoolId: string, userId: string): Promise<DeviceDraft | null> {
  try {
    return (await (await db()).get('drafts', `${schoolId}:${userId}`)) ?? null;
  } catch {
    return null;
  }
}

/** The server has it as the draft, or it was sent, kept to send, or cleared: no longer kept here. */
export async function forgetDraft(schoolId: string, userId: string): Promise<void> {
  try {
    await (await db()).delete('drafts', `${schoolId}:${userId}`);
  } catch {
    // Offered again next time; the newer of it and the server's draft is the one shown.
  }
}

/** Whether this person has a form kept on this device (asked before signing out). */
export async function hasDraftsKept(userId: string): Promise<boolean> {
  try {
    return (await (await db()).getAll('drafts')).some((d) => d.userId === userId);
  } catch {
    return false;
  }
}
