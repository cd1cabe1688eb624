import { useState } from 'react';
import { toApiError, type ApiError } from '../api/client';

/** Where a refused request's message goes when the run names no `onRefused` of its own. */
export interface RefusalTarget {
  /** Shows the refusal in a form's error summary (see useFormErrors). */
  fromApi: (error: ApiError) => void;
}

export interface RunOptions {
  /**
   * Keep the button busy after the request succeeds, because the page is about to go elsewhere or
   * close the form: letting it come back to life for a moment would invite a second press.
   */
  stayBusy?: boolean;
  /**
   * What to do with a refusal instead of the usual (the hook's form, else its `problem`). It may
   * be async (to ask the server whether the session has ended, say); the hook is busy until it ends.
   */
  onRefused?: (error: ApiError) => void | Promise<void>;
}

export interface Action<Key extends string> {
  /** Whether a request is running. Drives `busy` on buttons and `aria-busy` on regions. */
  busy: boolean;
  /**
   * Which request is running, for pages with several buttons (a role to remove, an action to mark
   * done): the button whose key this is shows its busy text, the others are only disabled. Null
   * when nothing runs or the run gave no key.
   */
  running: Key | null;
  /** The last refusal's message, for pages without an error summary (shown with role="alert"). */
  problem: string | null;
  /** Runs a request with no key; see `runAs`. */
  run: (work: () => Promise<void>, options?: RunOptions) => Promise<boolean>;
  /**
   * Runs `work` with the action busy under `key`, first clearing the last `problem`. On success
   * the action stops being busy (unless `stayBusy`) and the answer is true. If `work` throws, the
   * error becomes an ApiError whose message is safe to show, and goes to `onRefused`, else to the
   * hook's form, else to `problem`; the action stops being busy and the answer is false.
   */
  runAs: (key: Key, work: () => Promise<void>, options?: RunOptions) => Promise<boolean>;
  /** Forgets the last refusal's message (when the panel it was about closes, say). */
  clearProblem: () => void;
}

/**
 * The one way a page runs a request that changes something: whether it is running (so the button
 * says "Saving…" and cannot be pressed twice) and what to tell the user if the server refuses it.
 *
 * Pages with a form pass it (`useAction(form)`) so a refusal lands in the form's error summary,
 * which takes focus and links to the fields the server named. Pages without one show `problem`.
 * What a page does on success (clear its form, show a banner, go elsewhere) stays inside `work`.
 */
export function useAction<Key extends string = never>(form?: RefusalTarget): Action<Key> {
  // `{ key: null }` is a run without a key: busy, but no one button's busy text.
  const [state, setState] = useState<{ key: Key | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const runAs = async (key: Key | null, work: () => Promise<void>, options: RunOptions = {}): Promise<boolean> => {
    setState({ key });
    setProblem(null);
    try {
      await work();
    } catch (error) {
      const refusal = toApiError(error);
      try {
        if (options.onRefused !== undefined) await options.onRefused(refusal);
        else if (form !== undefined) form.fromApi(refusal);
        else setProblem(refusal.message);
      } finally {
        setState(null);
      }
      return false;
    }
    if (options.stayBusy !== true) setState(null);
    return true;
  };

  return {
    busy: state !== null,
    running: state?.key ?? null,
    problem,
    run: (work, options) => runAs(null, work, options),
    runAs,
    clearProblem: () => {
      setProblem(null);
    },
  };
}
