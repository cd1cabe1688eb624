import { forgotPasswordBody, okResponse } from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { Button, ErrorSummary, Form, TextField } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { PageTitle } from '../components/Page';
import { Link } from '../router/router';

const FIELDS = ['email'] as const;

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useFormErrors(FIELDS);
  const action = useAction(form);

  const submit = async () => {
    const parsed = forgotPasswordBody.safeParse({ email });
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    await action.run(async () => {
      await apiPost('/api/auth/password/forgot', parsed.data, okResponse);
      form.clear();
      setSentTo(parsed.data.email);
    });
  };

  if (sentTo !== null) {
    return (
      <div className="narrow">
        <PageTitle>Check your email</PageTitle>
        <p className="lead">If an account exists for that address, we have sent a link. It works for 1 hour.</p>
        <p>
          We sent it to <strong className="break-anywhere">{sentTo}</strong>, if that address has a Tandem account. The
          email may take a few minutes to arrive. Check your junk or spam folder too.
        </p>
        <p>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setSentTo(null);
            }}
          >
            Try a different email address
          </button>
        </p>
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <ErrorSummary errors={form.errors} />
      <PageTitle>Reset your password</PageTitle>
      <p>Enter the email address you use for Tandem. We will send you a link to choose a new password.</p>
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
        <Button type="submit" busy={action.busy} busyText="Sending…">
          Send the link
        </Button>
      </Form>
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </div>
  );
}
