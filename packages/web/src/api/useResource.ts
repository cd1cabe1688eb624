import { useCallback, useEffect, useState } from 'react';
import { apiGet, toApiError, type ApiError, type ResponseSchema } from './client';

export type Resource<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: ApiError };

export interface ResourceHandle<T> {
  resource: Resource<T>;
  /** Loads again from the server. */
  reload: () => void;
  /** Replaces the data with what a change just returned, without another request. */
  setData: (data: T) => void;
}

/**
 * Loads JSON from a GET path and keeps it while the path stays the same. Pass a schema defined at
 * module level so that it keeps its identity between renders. A null path loads nothing. While
 * loading the same path again (reload), the data already shown stays until the new data arrives,
 * so that nothing on the page (such as a half-filled form) is lost.
 */
export function useResource<T>(path: string | null, schema: ResponseSchema<T>): ResourceHandle<T> {
  const [version, setVersion] = useState(0);
  const key = path === null ? null : `${String(version)}:${path}`;
  const [state, setState] = useState<{ key: string; path: string; resource: Resource<T> } | null>(null);

  useEffect(() => {
    if (path === null || key === null) return;
    let cancelled = false;
    apiGet(path, schema).then(
      (data) => {
        if (!cancelled) setState({ key, path, resource: { status: 'ready', data } });
      },
      (error: unknown) => {
        if (!cancelled) setState({ key, path, resource: { status: 'error', error: toApiError(error) } });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [path, schema, key]);

  const reload = useCallback(() => {
    setVersion((v) => v + 1);
  }, []);

  const setData = useCallback(
    (data: T) => {
      if (key !== null && path !== null) setState({ key, path, resource: { status: 'ready', data } });
    },
    [key, path],
  );

  const resource: Resource<T> =
    state !== null && (state.key === key || (state.path === path && state.resource.status === 'ready'))
      ? state.resource
      : { status: 'loading' };
  return { resource, reload, setData };
}
