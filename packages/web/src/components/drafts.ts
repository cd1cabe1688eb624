/**
 * Drafts of long forms kept in this browser tab (sessionStorage) while someone writes, so that a
 * reload or a slip of the back button loses nothing. They go when the tab closes or on saving.
 */
import { useEffect, useState } from 'react';
import type { z } from 'zod';

interface Stored {
  savedAt: string;
  data: unknown;
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** A kept draft read with a lenient schema, or null when there is none or it cannot be read. */
export function readDraft<T>(key: string, schema: z.ZodType<T>): { data: T; savedAt: string } | null {
  const raw = storage()?.getItem(key);
  if (raw === null || raw === undefined) return null;
  try {
    const stored = JSON.parse(raw) as Stored;
    const parsed = schema.safeParse(stored.data);
    if (!parsed.success || typeof stored.savedAt !== 'string') return null;
    return { data: parsed.data, savedAt: stored.savedAt };
  } catch {
    return null;
  }
}

export function writeDraft(key: string, data: unknown): string | null {
  const savedAt = new Date().toISOString();
  try {
    storage()?.setItem(key, JSON.stringify({ savedAt, data } satisfies Stored));
    return savedAt;
  } catch {
    return null;
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to do: the draft simply stays until the tab closes.
  }
}

/**
 * Keeps `data` as a draft under `key` a moment after each change, and says when it was last kept.
 * `enabled` is false until the person has changed something, and while sending or after saving.
 */
export function useKeptDraft(key: string, data: unknown, enabled: boolean, initialSavedAt: string | null) {
  const [savedAt, setSavedAt] = useState<string | null>(initialSavedAt);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const timer = window.setTimeout(() => {
      const at = writeDraft(key, data);
      setSavedAt(at ?? null);
      setFailed(at === null);
    }, 700);
    return () => {
      window.clearTimeout(timer);
    };
  }, [key, data, enabled]);
  return { savedAt, failed };
}

/**
 * The state of a long form whose answers are kept as a draft under `key`: the kept draft, read
 * with `schema`, if there is one that `accept`s; otherwise `initial()`. The draft is kept after
 * each `change`, from the person's first change on, except while `sending`. `set` changes the
 * state without counting as the person's change. `restored` is the kept draft the form started
 * from, until `startAgain` clears it, puts `fresh` in the form and takes the person to the top.
 */
export function useKeptForm<T>(
  key: string,
  schema: z.ZodType<T>,
  { initial, accept = () => true, sending }: { initial: () => T; accept?: (kept: T) => boolean; sending: boolean },
) {
  const [restored] = useState(() => {
    const kept = readDraft(key, schema);
    return kept !== null && accept(kept.data) ? kept : null;
  });
  const [state, setState] = useState<T>(() => restored?.data ?? initial());
  const [dirty, setDirty] = useState(false);
  const [showRestored, setShowRestored] = useState(restored !== null);
  const kept = useKeptDraft(key, state, dirty && !sending, restored?.savedAt ?? null);

  const change = (next: (current: T) => T) => {
    setDirty(true);
    setState(next);
  };

  const startAgain = (fresh: T) => {
    clearDraft(key);
    setDirty(false);
    setState(fresh);
    setShowRestored(false);
    window.scrollTo(0, 0);
    document.getElementById('page-heading')?.focus();
  };

  return {
    state,
    change,
    set: setState,
    restored: showRestored ? restored : null,
    startAgain,
    savedAt: kept.savedAt,
    failed: kept.failed,
  };
}
