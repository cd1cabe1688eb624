/**
 * The sign-in page's single sign-on part: "Sign in with Microsoft" and "Sign in with Google" for
 * staff, using the address typed in the email box (or asking for it), and the clear message for a
 * refused single sign-on the server sent the browser back with (?sso=<reason>).
 */
import {
  SSO_PROVIDER_LABELS,
  SSO_PROVIDERS,
  SSO_REFUSAL_MESSAGES,
  SSO_REFUSALS,
  type SsoProvider,
  type SsoRefusal,
} from '@tandem/core';
import { apiPost, type ApiError, type Parser } from '../api/client';
import { Button, ButtonGroup } from '../components/Form';
import { useAction } from '../components/useAction';

/** Checked by hand: the sign-in page loads no zod until its first submit. */
const startResponse: Parser<{ url: string }> = {
  safeParse: (json) => {
    const url = (json as { url?: unknown } | null)?.url;
    return typeof url === 'string' ? { success: true, data: { url } } : { success: false, error: { issues: [] } };
  },
};

/** The message for a refusal code in the address, or null. */
export function ssoRefusalMessage(code: string | null): string | null {
  return code !== null && (SSO_REFUSALS as readonly string[]).includes(code)
    ? SSO_REFUSAL_MESSAGES[code as SsoRefusal]
    : null;
}

export function SsoSignIn({
  email,
  onProblem,
}: {
  email: string;
  /** Show a problem with the email box (empty, not connected) in the page's error summary. */
  onProblem: (error: { path: 'email'; message: string } | ApiError) => void;
}) {
  const action = useAction<SsoProvider>();
  const start = (provider: SsoProvider) => {
    const label = SSO_PROVIDER_LABELS[provider];
    if (email.trim() === '') {
      onProblem({ path: 'email', message: `Enter your school email address, then choose Sign in with ${label}` });
      return;
    }
    void action.runAs(
      provider,
      async () => {
        const { url } = await apiPost('/api/auth/sso/start', { provider, email }, startResponse);
        window.location.assign(url);
      },
      { stayBusy: true, onRefused: onProblem },
    );
  };
  return (
    <section aria-labelledby="sso-heading" className="sso-sign-in">
      <h2 className="heading-m" id="sso-heading">
        Staff: sign in with your school account
      </h2>
      <p className="hint">Parents and pupils sign in with their Tandem password above.</p>
      <ButtonGroup>
        {SSO_PROVIDERS.map((provider) => (
          <Button
            key={provider}
            variant="secondary"
            busy={action.running === provider}
            busyText="Opening…"
            disabled={action.busy}
            onClick={() => start(provider)}
          >
            Sign in with {SSO_PROVIDER_LABELS[provider]}
          </Button>
        ))}
      </ButtonGroup>
    </section>
  );
}
