import { sessionResponse, signInBody } from '@tandem/core';
import { useState } from 'react';
import { apiPost, refreshCsrfToken } from '../api/client';
import { Button, ErrorSummary, Form, TextField } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { FlashBanner, PageTitle } from '../components/Page';
import { Link, safeNextPath, useFlash, useNavigate, useSearchParams } from '../router/router';
import { pathForStage, useSession } from './session';

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const { setSession } = useSession();
  const navigate = useNavigate();
  const flash = useFlash();
  const next = safeNextPath(useSearchParams().get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormErrors(FIELDS);
  const action = useAction(form);

  const submit = async () => {
    const parsed = signInBody.safeParse({ email, password });
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    await action.run(
      async () => {
        const session = await apiPost('/api/auth/sign-in', parsed.data, sessionResponse);
        await refreshCsrfToken();
        form.clear();
        setSession(session);
        navigate(pathForStage(session.stage, next), { replace: true });
      },
      { stayBusy: true },
    );
  };

  return (
    <div className="narrow">
      <FlashBanner flash={flash} />
      <ErrorSummary errors={form.errors} />
      <PageTitle>Sign in</PageTitle>
      <Form onSubmit={submit}>
        <TextField
          name="email"
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          value={email}
          onValueChange={setEmail}
          error={form.errorFor('email')}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onValueChange={setPassword}
          error={form.errorFor('password')}
        />
        <Button type="submit" busy={action.busy} busyText="Signing in…">
          Sign in
        </Button>
      </Form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="hint">
        New to Tandem? Your school sends you an email invitation with a link to set up your account.
      </p>
    </div>
  );
}
