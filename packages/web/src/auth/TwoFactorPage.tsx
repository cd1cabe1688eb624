import { mfaCodeBody, sessionResponse } from '@tandem/core';
import { useState } from 'react';
import { apiPost, refreshCsrfToken } from '../api/client';
import { Button, ErrorSummary, Form, TextField } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { PageTitle } from '../components/Page';
import { safeNextPath, useNavigate, useSearchParams } from '../router/router';
import { pathForStage, useSession } from './session';

const FIELDS = ['code', 'recoveryCode'] as const;

export function TwoFactorPage() {
  const { setSession, signOut, refresh } = useSession();
  const navigate = useNavigate();
  const next = safeNextPath(useSearchParams().get('next'));
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const form = useFormErrors(FIELDS);
  const action = useAction<'code' | 'recoveryCode'>(form);

  const verify = async (field: 'code' | 'recoveryCode') => {
    const value = field === 'code' ? code : recoveryCode;
    const parsed = mfaCodeBody.safeParse({ code: value });
    if (!parsed.success) {
      form.fromFields(
        parsed.error.issues.map((i) => ({
          path: field,
          message:
            field === 'code'
              ? i.message.replace('Enter the code', 'Enter the 6-digit code from your app')
              : i.message.replace('Enter the code', 'Enter a recovery code'),
        })),
      );
      return;
    }
    if (field === 'code' && !/^\d{6}$/.test(parsed.data.code)) {
      form.fromFields([{ path: 'code', message: 'Enter the 6-digit code from your authenticator app' }]);
      return;
    }
    await action.runAs(
      field,
      async () => {
        const session = await apiPost('/api/auth/mfa/verify', parsed.data, sessionResponse);
        await refreshCsrfToken();
        setSession(session);
        navigate(pathForStage(session.stage, next), { replace: true });
      },
      {
        stayBusy: true,
        onRefused: async (apiError) => {
          const now = await refresh().catch(() => null);
          if (now !== null && now.stage === 'signed_out') {
            // The half-finished sign-in has ended (too slow, or too many wrong codes): start again.
            navigate('/sign-in', {
              replace: true,
              flash: { kind: 'info', title: 'Please sign in again.', text: apiError.message },
            });
            await refreshCsrfToken().catch(() => undefined);
            return;
          }
          if (apiError.fields.length > 0) {
            // Both boxes send the same "code" field; show the message beside the one used.
            form.fromFields(apiError.fields.map((f) => ({ path: field, message: f.message })));
          } else if (apiError.code !== 'network' && apiError.code !== 'internal') {
            form.fromFields([{ path: field, message: apiError.message }]);
          } else {
            form.fromApi(apiError);
          }
        },
      },
    );
  };

  return (
    <div className="narrow">
      <ErrorSummary errors={form.errors} />
      <PageTitle>Enter the code from your authenticator app</PageTitle>
      <Form onSubmit={() => verify('code')}>
        <TextField
          name="code"
          label="Code"
          hint="Open the authenticator app on your phone and enter the 6-digit code it shows for Tandem. The code changes every 30 seconds."
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          width="code"
          value={code}
          onValueChange={setCode}
          error={form.errorFor('code')}
        />
        <Button type="submit" busy={action.running === 'code'} disabled={action.busy} busyText="Checking…">
          Continue
        </Button>
      </Form>

      <details className="details" open={form.errorFor('recoveryCode') !== undefined ? true : undefined}>
        <summary className="details__summary">
          <span className="details__summary-text">Use a recovery code instead</span>
        </summary>
        <div className="details__text">
          <p>
            If you cannot use your phone, enter one of the recovery codes you saved when you set up two-factor sign-in.
            Each code works once.
          </p>
          <Form onSubmit={() => verify('recoveryCode')}>
            <TextField
              name="recoveryCode"
              label="Recovery code"
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="none"
              width="code"
              value={recoveryCode}
              onValueChange={setRecoveryCode}
              error={form.errorFor('recoveryCode')}
            />
            <Button
              type="submit"
              variant="secondary"
              busy={action.running === 'recoveryCode'}
              disabled={action.busy}
              busyText="Checking…"
            >
              Continue with recovery code
            </Button>
          </Form>
          <p>If you have no recovery codes left, ask your school administrator to reset your two-factor sign-in.</p>
        </div>
      </details>

      <p>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            void signOut();
          }}
        >
          Cancel and sign out
        </button>
      </p>
    </div>
  );
}
