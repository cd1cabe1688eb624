import { okResponse, ONE_TIME_TOKEN_PURPOSES, resetPasswordBody } from '@tandem/core';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { apiPost, toApiError, type ApiError } from '../api/client';
import { Button, ErrorSummary, Form, TextField } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { Loading, PageTitle } from '../components/Page';
import { Link, useNavigate } from '../router/router';

const FIELDS = ['password', 'confirmPassword'] as const;

const checkTokenResponse = z.object({
  purpose: z.enum(ONE_TIME_TOKEN_PURPOSES),
  displayName: z.string(),
});
type TokenInfo = z.infer<typeof checkTokenResponse>;

/** The token arrives in the fragment (#token=...), which browsers never send to the server. */
function readTokenFromHash(): string | null {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = params.get('token');
  return token === null || token === '' ? null : token;
}

export function SetPasswordPage() {
  const navigate = useNavigate();
  const [token, setToken] = useState(readTokenFromHash);
  const [check, setCheck] = useState<{ token: string; result: { info: TokenInfo } | { error: ApiError } } | null>(null);
  const [password, setPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const form = useFormErrors(FIELDS);
  const action = useAction(form);

  useEffect(() => {
    // Take the token out of the address bar and history straight away.
    const clearHash = () => {
      if (window.location.hash !== '') {
        window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
      }
    };
    clearHash();
    // A second link opened in the same tab only changes the fragment.
    const onHashChange = () => {
      const next = readTokenFromHash();
      clearHash();
      if (next !== null) setToken(next);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
    };
  }, []);

  useEffect(() => {
    if (token === null) return;
    let cancelled = false;
    apiPost('/api/auth/password/check-token', { token }, checkTokenResponse).then(
      (info) => {
        if (!cancelled) setCheck({ token, result: { info } });
      },
      (error: unknown) => {
        if (!cancelled) setCheck({ token, result: { error: toApiError(error) } });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token]);

  const current = check !== null && check.token === token ? check.result : null;
  const invitation = current !== null && 'info' in current && current.info.purpose === 'invitation';
  const title = invitation ? 'Set up your account' : 'Choose a new password';

  if (
    token === null ||
    (current !== null &&
      'error' in current &&
      (current.error.code === 'not_found' ||
        current.error.code === 'bad_request' ||
        current.error.code === 'validation'))
  ) {
    return (
      <div className="narrow">
        <PageTitle>This link has expired</PageTitle>
        <p>The link may be more than 1 hour old, or it may have been used already. Links can only be used once.</p>
        <p>
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
        <p>
          If you were invited to Tandem and your invitation has expired, ask your school administrator to send it again.
        </p>
      </div>
    );
  }

  if (current === null) {
    return (
      <div className="narrow">
        <PageTitle>Checking your link</PageTitle>
        <Loading what="Checking your link" />
      </div>
    );
  }

  if ('error' in current) {
    return (
      <div className="narrow">
        <PageTitle>Sorry, there is a problem</PageTitle>
        <p role="alert">{current.error.message}</p>
        <p>Please open the link from your email again.</p>
      </div>
    );
  }

  const submit = async () => {
    const parsed = resetPasswordBody.safeParse({ token, password });
    const extra =
      confirmPassword === ''
        ? [{ path: 'confirmPassword', message: 'Enter the password again' }]
        : confirmPassword !== password
          ? [{ path: 'confirmPassword', message: 'The passwords are not the same. Enter the same password twice.' }]
          : [];
    if (!parsed.success || extra.length > 0) {
      form.fromIssues(parsed.success ? [] : parsed.error.issues.filter((i) => i.path[0] !== 'token'), extra);
      return;
    }
    await action.run(
      async () => {
        await apiPost('/api/auth/password/reset', parsed.data, okResponse);
        navigate('/sign-in', {
          replace: true,
          flash: invitation
            ? {
                kind: 'success',
                title: 'Your account is ready.',
                text: 'Sign in with your email address and new password.',
              }
            : { kind: 'success', title: 'Your password has been changed.', text: 'Sign in with your new password.' },
        });
      },
      { stayBusy: true },
    );
  };

  return (
    <div className="narrow">
      <ErrorSummary errors={form.errors} />
      <PageTitle>{title}</PageTitle>
      <p className="lead">
        {invitation
          ? `Welcome to Tandem, ${current.info.displayName}. Choose a password to finish setting up your account.`
          : `Choose a new password for ${current.info.displayName}.`}
      </p>
      <Form onSubmit={submit}>
        <TextField
          name="password"
          label="New password"
          hint="Use at least 12 characters. Three random words work well, for example: kettle orbit pansy."
          type="password"
          autoComplete="new-password"
          value={password}
          onValueChange={setPassword}
          error={form.errorFor('password')}
        />
        <TextField
          name="confirmPassword"
          label="Enter the new password again"
          type="password"
          autoComplete="new-password"
          value={confirmPassword}
          onValueChange={setConfirmPassword}
          error={form.errorFor('confirmPassword')}
        />
        <Button type="submit" busy={action.busy} busyText="Saving…">
          {invitation ? 'Set up my account' : 'Save new password'}
        </Button>
      </Form>
    </div>
  );
}
