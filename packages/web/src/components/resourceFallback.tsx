import type { ReactElement } from 'react';
import type { Resource } from '../api/useResource';
import { LoadError, NotFoundContent } from '../errors/ErrorPages';
import { BackLink, Loading, PageTitle } from './Page';

export interface FallbackText {
  /** The page's heading while it cannot show its content yet. */
  title: string;
  /** Above the heading: usually the school's name. */
  caption: string;
  /** What the loading line says, such as "Loading the plan". */
  loading: string;
  /** A back link above the heading, if the page has one. */
  back?: { to: string; text: string };
  /** Loads again, offered when loading failed. */
  onRetry: () => void;
}

/**
 * What a page shows in place of its content until its data is ready: its heading and a loading
 * line; "Page not found" if the server found no such thing (or it may not be seen); or why loading
 * failed, with "Try again".
 *
 * A function to call (`return resourceFallback(resource, {...})`) rather than a component to draw:
 * what it gives is then part of the page itself, so React keeps the back link or heading that the
 * next state shares with it (with focus, if it has it) instead of making them again.
 */
export function resourceFallback(
  resource: Exclude<Resource<unknown>, { status: 'ready' }>,
  { title, caption, loading, back, onRetry }: FallbackText,
): ReactElement {
  if (resource.status === 'error' && resource.error.code === 'not_found') {
    return (
      <>
        <PageTitle>Page not found</PageTitle>
        <NotFoundContent />
      </>
    );
  }
  const body =
    resource.status === 'loading' ? <Loading what={loading} /> : <LoadError error={resource.error} onRetry={onRetry} />;
  if (back === undefined) {
    return (
      <>
        <PageTitle caption={caption}>{title}</PageTitle>
        {body}
      </>
    );
  }
  return (
    <>
      <BackLink to={back.to}>{back.text}</BackLink>
      <PageTitle caption={caption}>{title}</PageTitle>
      {body}
    </>
  );
}
