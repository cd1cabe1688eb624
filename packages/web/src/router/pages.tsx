/**
 * The pieces every route list is made of: a page loaded on demand, and a route (its address, who
 * may open it, what it shows). App.tsx gathers the lists; each area keeps its own in `<area>/routes.tsx`.
 */
import { lazy, type ComponentType, type ReactNode } from 'react';
import type { Params } from './router';

/**
 * Each page is its own chunk, fetched when first shown, so signing in or logging a concern on a
 * phone downloads only what that page needs (the bench's page weight checks it).
 */
type PropsOf<C> = C extends (props: infer P) => ReactNode ? P : never;
const RELOADED_FOR_NEW_VERSION = 'tandem-reloaded-for-new-version';
export function page<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => {
    try {
      const loaded = await load();
      sessionStorage.removeItem(RELOADED_FOR_NEW_VERSION);
      return { default: loaded[name] as ComponentType<PropsOf<M[K]>> };
    } catch (error) {
      // A new version was installed since this tab opened: its page chunks have new names, and
      // the old ones are gone. Reload once, at the address asked for, to pick up the new version.
      // Offline, the error page's retry is better than the browser's own offline page.
      if (navigator.onLine && sessionStorage.getItem(RELOADED_FOR_NEW_VERSION) === null) {
        sessionStorage.setItem(RELOADED_FOR_NEW_VERSION, '1');
        window.location.reload();
        return new Promise<never>(() => undefined);
      }
      throw error;
    }
  });
}

/**
 * Who may open a page: anyone; only people not signed in; people part-way through signing in;
 * or people fully signed in.
 */
export type Access = 'public' | 'signedOut' | 'mfa' | 'enrol' | 'complete';

export interface Route {
  path: string;
  access: Access;
  render: (params: Params) => ReactNode;
}

/** A route parameter ('' when absent). */
export const p = (params: Params, key: string): string => params[key] ?? '';
