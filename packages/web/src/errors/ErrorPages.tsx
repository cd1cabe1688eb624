import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { Button } from '../components/Form';
import { PageTitle } from '../components/Page';
import { Link } from '../router/router';

export function NotFoundPage() {
  return (
    <>
      <PageTitle>Page not found</PageTitle>
      <NotFoundContent />
    </>
  );
}

export function NotFoundContent() {
  return (
    <div className="prose">
      <p>We could not find that page. It may have moved, or you may not have access to it.</p>
      <p>If you typed the web address, check it is correct.</p>
      <p>
        <Link to="/">Go to your Tandem home page</Link>
      </p>
    </div>
  );
}

export function ErrorPage({ message, onRetry }: { message?: string; onRetry?: () => void }) {
  return (
    <>
      <PageTitle>Sorry, there is a problem</PageTitle>
      <div className="prose">
        <p>{message ?? 'Something went wrong on our side. Nothing has been changed.'}</p>
        <p>Please try again in a few minutes. If it keeps happening, tell your school office.</p>
        {onRetry !== undefined ? (
          <Button onClick={onRetry}>Try again</Button>
        ) : (
          <p>
            <Link to="/">Go to your Tandem home page</Link>
          </p>
        )}
      </div>
    </>
  );
}

/**
 * What to show in place of a page's content when loading it failed. The page keeps its own heading.
 */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  switch (error.code) {
    case 'not_found':
      return <NotFoundContent />;
    case 'forbidden':
      return (
        <div className="prose">
          <p>{error.message}</p>
          <p>If you need this for your work, ask your school administrator or headteacher.</p>
          <p>
            <Link to="/">Go to your Tandem home page</Link>
          </p>
        </div>
      );
    case 'unauthenticated':
    case 'mfa_required':
    case 'handed_to_pupil':
      return <p role="status">{error.message}</p>;
    case 'bad_request':
    case 'validation':
    case 'conflict':
    case 'payload_too_large':
    case 'rate_limited':
    case 'account_locked':
    case 'internal':
    case 'network':
      return (
        <div className="prose">
          <p className="error-text" role="alert">
            {error.message}
          </p>
          {onRetry !== undefined && (
            <Button variant="secondary" onClick={onRetry}>
              Try again
            </Button>
          )}
        </div>
      );
  }
}

interface BoundaryState {
  failed: boolean;
}

/** Catches a crash while drawing a page, so nobody meets a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failed: false };

  static getDerivedStateFromError(): BoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Page failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.failed) {
      return (
        <ErrorPage
          onRetry={() => {
            this.setState({ failed: false });
          }}
        />
      );
    }
    return this.props.children;
  }
}
