import { PUPIL_WORDS } from '@tandem/core';
import { useEffect, useState } from 'react';
import { apiPost, refreshCsrfToken, toApiError } from '../api/client';
import { Button, ErrorSummary, Form, TextField } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { FlashBanner, PageTitle } from '../components/Page';
import { Link, safeNextPath, useFlash, useNavigate, useSearchParams } from '../router/router';
import { pathForStage, sessionResponse, useSession } from './session';
import { SsoSignIn, ssoRefusalMessage } from '../sso/SsoSignIn';

const FIELDS = ['email', 'password', 'code'] as const;

/**
 * Staff and parents sign in with their email address, pupils with the sign-in name their school
 * gave them (which is shaped like one: olivia.clarke@pupils.kingsmead.example), so the box asks
 * for either, and its errors say so rather than speak of an email address alone.
 */
const EMAIL_LABEL = 'Email address or sign-in name';
const EMAIL_HINT = 'Pupils, use the sign-in name your school gave you.';

function emailMessage(issue: { code: string; message: string }, typed: string): string {
  if (typed.trim() === '') return 'Enter your email address or sign-in name';
  if (issue.code === 'invalid_format') {
    return 'Enter your email address or sign-in name in full, with the @ and the part after it';
  }
  return issue.message;
}

export function SignInPage() {
  const { setSession } = useSession();
  const navigate = useNavigate();
  const flash = useFlash();
  const search = useSearchParams();
  const next = safeNextPath(search.get('next'));
  // A single sign-on the server refused and sent the browser back from (?sso=<reason>).
  const ssoRefused = ssoRefusalMessage(search.get('sso'));
  // The checks and the signed-in session's schema, fetched once the page is shown, not before.
  useEffect(() => {
    import('../api/lazySchemas').catch(() => undefined);
  }, []);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Asked for only when the network has had too many failed sign-ins: a password alone is then refused.
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState('');
  const form = useFormErrors(FIELDS);
  const action = useAction(form);

  const submit = async () => {
    // The rules come with the schemas, fetched on the first submit rather than with the page.
    let signInBody: Awaited<typeof import('../api/lazySchemas')>['signInBody'];
    try {
      ({ signInBody } = await import('../api/lazySchemas'));
    } catch (error) {
      form.fromApi(toApiError(error));
      return;
    }
    const parsed = signInBody.safeParse({ email, password, ...(askCode && code.trim() !== '' ? { code } : {}) });
    if (!parsed.success) {
      const emailIssue = parsed.error.issues.find((i) => i.path[0] === 'email');
      form.fromIssues(
        parsed.error.issues,
        emailIssue === undefined ? [] : [{ path: 'email', message: emailMessage(emailIssue, email) }],
      );
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
      {
        stayBusy: true,
        onRefused: (error) => {
          if (error.code === 'rate_limited') {
            setAskCode(true);
            form.fromFields([{ path: 'code', message: error.message }]);
          } else {
            form.fromApi(error);
          }
        },
      },
    );
  };

  return (
    <div className="narrow">
      <FlashBanner flash={flash} />
      <ErrorSummary errors={form.errors} />
      {ssoRefused !== null && form.errors.attempt === 0 && (
        <ErrorSummary
          errors={{ fields: [], message: ssoRefused, attempt: 1 }}
          title="Single sign-on did not sign you in"
        />
      )}
      <PageTitle>Sign in</PageTitle>
      <Form onSubmit={submit}>
        <TextField
          name="email"
          label={EMAIL_LABEL}
          hint={EMAIL_HINT}
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
        {askCode && (
          <TextField
            name="code"
            label="Code from your authenticator app"
            hint="The 6-digit code your app shows now. Without two-factor sign-in, leave this empty and try again in a minute."
            inputMode="numeric"
            autoComplete="one-time-code"
            width="number"
            spellCheck={false}
            value={code}
            onValueChange={setCode}
            error={form.errorFor('code')}
          />
        )}
        <Button type="submit" busy={action.busy} busyText="Signing in…">
          Sign in
        </Button>
      </Form>
      <SsoSignIn
        email={email}
        onProblem={(problem) => ('path' in problem ? form.fromFields([problem]) : form.fromApi(problem))}
      />
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        <Link to="/set-up">{PUPIL_WORDS.signInLink}</Link>
      </p>
      <p className="hint">
        New to Tandem? Your school sends you an email invitation with a link to set up your account.
      </p>
    </div>
  );
}
