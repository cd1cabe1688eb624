/**
 * A very small router over the History API. The server answers every non-/api path with
 * index.html, so any path here can be loaded directly or reloaded.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';

export interface AppLocation {
  pathname: string;
  search: string;
  hash: string;
}

/** A one-off message carried to the next page only (e.g. "Invitation sent"). */
export interface Flash {
  kind: 'success' | 'info';
  title: string;
  text?: string;
}

export interface NavigateOptions {
  replace?: boolean;
  flash?: Flash;
}

interface RouterValue {
  location: AppLocation;
  flash: Flash | null;
  /** Increases on every navigation, so pages can react to "a new page was shown". */
  navigationCount: number;
  navigate: (to: string, options?: NavigateOptions) => void;
}

const RouterContext = createContext<RouterValue | null>(null);

function readLocation(): AppLocation {
  return {
    pathname: window.location.pathname,
    search: window.location.search,
    hash: window.location.hash,
  };
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ location: AppLocation; flash: Flash | null; count: number }>(() => ({
    location: readLocation(),
    flash: null,
    count: 0,
  }));

  useEffect(() => {
    const onPop = () => {
      setState((s) => ({ location: readLocation(), flash: null, count: s.count + 1 }));
    };
    window.addEventListener('popstate', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
    };
  }, []);

  const navigate = useCallback((to: string, options: NavigateOptions = {}) => {
    const url = new URL(to, window.location.href);
    if (url.origin !== window.location.origin) {
      window.location.assign(url.href);
      return;
    }
    const target = url.pathname + url.search + url.hash;
    const current = window.location.pathname + window.location.search + window.location.hash;
    if (options.replace === true || target === current) {
      window.history.replaceState(null, '', target);
    } else {
      window.history.pushState(null, '', target);
    }
    if (url.hash === '') window.scrollTo(0, 0);
    setState((s) => ({ location: readLocation(), flash: options.flash ?? null, count: s.count + 1 }));
  }, []);

  const value = useMemo<RouterValue>(
    () => ({ location: state.location, flash: state.flash, navigationCount: state.count, navigate }),
    [state, navigate],
  );
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (value === null) throw new Error('useRouter must be used inside RouterProvider');
  return value;
}

export function useLocation(): AppLocation {
  return useRouter().location;
}

export function useNavigate(): RouterValue['navigate'] {
  return useRouter().navigate;
}

export function useFlash(): Flash | null {
  return useRouter().flash;
}

export function useNavigationCount(): number {
  return useRouter().navigationCount;
}

export function useSearchParams(): URLSearchParams {
  const { search } = useLocation();
  return useMemo(() => new URLSearchParams(search), [search]);
}

export type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** An ordinary link that changes page without reloading when clicked plainly. */
export function Link({ to, onClick, target, children, ...rest }: LinkProps) {
  const navigate = useNavigate();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.altKey ||
      event.ctrlKey ||
      event.shiftKey ||
      (target !== undefined && target !== '_self')
    ) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} target={target} onClick={handleClick} {...rest}>
      {children}
    </a>
  );
}

/** Replaces the current entry with another path as soon as it renders. */
export function Redirect({ to, flash }: { to: string; flash?: Flash }) {
  const navigate = useNavigate();
  useEffect(() => {
    navigate(to, flash === undefined ? { replace: true } : { replace: true, flash });
  }, [navigate, to, flash]);
  return null;
}

export type Params = Record<string, string>;

/** Matches "/schools/:schoolId/staff" against a path; returns the named parts, or null. */
export function matchPath(pattern: string, pathname: string): Params | null {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  if (patternParts.length !== pathParts.length) return null;
  const params: Params = {};
  for (let i = 0; i < patternParts.length; i++) {
    const p = patternParts[i] ?? '';
    const actual = pathParts[i] ?? '';
    if (p.startsWith(':')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(actual);
      } catch {
        return null;
      }
      params[p.slice(1)] = decoded;
    } else if (p !== actual) {
      return null;
    }
  }
  return params;
}

/** Only same-site paths may be used as a "go back to" target after signing in. */
export function safeNextPath(next: string | null): string | null {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return null;
  }
  return next;
}
