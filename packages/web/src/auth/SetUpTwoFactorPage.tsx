import { mfaCodeBody, mfaEnrolmentResponse, recoveryCodesResponse } from '@tandem/core';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { apiPost, refreshCsrfToken, toApiError, type ApiError } from '../api/client';
import { Button, ButtonGroup, ErrorSummary, Form, TextField } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { saveFile } from '../components/download';
import { Loading, PageTitle, WarningText } from '../components/Page';
import { safeNextPath, useNavigate, useSearchParams } from '../router/router';
import { pathForStage, useSession } from './session';

type Enrolment = z.infer<typeof mfaEnrolmentResponse>;

const FIELDS = ['code'] as const;

/** "ABCD EFGH IJKL" so the key can be typed in by hand. */
function spaced(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

export function SetUpTwoFactorPage() {
  const { refresh, signOut } = useSession();
  const navigate = useNavigate();
  const next = safeNextPath(useSearchParams().get('next'));
  const [attempt, setAttempt] = useState(0);
  const [enrolment, setEnrolment] = useState<
    { attempt: number; data: Enrolment } | { attempt: number; error: ApiError } | null
  >(null);
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const form = useFormErrors(FIELDS);
  const action = useAction(form);
  const continuing = useAction();

  useEffect(() => {
    let cancelled = false;
    apiPost('/api/auth/mfa/enrol/start', {}, mfaEnrolmentResponse).then(
      (data) => {
        if (!cancelled) setEnrolment({ attempt, data });
      },
      (error: unknown) => {
        if (!cancelled) setEnrolment({ attempt, error: toApiError(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const confirm = async () => {
    const parsed = mfaCodeBody.safeParse({ code });
    if (!parsed.success || !/^\d{6}$/.test(parsed.data.code)) {
      form.fromFields([{ path: 'code', message: 'Enter the 6-digit code shown in your authenticator app' }]);
      return;
    }
    await action.run(
      async () => {
        const result = await apiPost('/api/auth/mfa/enrol/confirm', parsed.data, recoveryCodesResponse);
        await refreshCsrfToken();
        form.clear();
        setRecoveryCodes(result.recoveryCodes);
      },
      {
        onRefused: (apiError) => {
          if (apiError.fields.length === 0 && apiError.code !== 'network' && apiError.code !== 'internal') {
            form.fromFields([{ path: 'code', message: apiError.message }]);
          } else {
            form.fromApi(apiError);
          }
        },
      },
    );
  };

  const finish = async () => {
    await continuing.run(
      async () => {
        const session = await refresh();
        navigate(pathForStage(session.stage, next), {
          replace: true,
          flash: {
            kind: 'success',
            title: 'Two-factor sign-in is set up.',
            text: 'Next time you sign in, you will need a code from your app.',
          },
        });
      },
      // Two-factor is already on; the button simply comes back so the user can try again.
      { stayBusy: true, onRefused: () => undefined },
    );
  };

  if (recoveryCodes !== null) {
    return <RecoveryCodes codes={recoveryCodes} busy={continuing.busy} onContinue={() => void finish()} />;
  }

  const current = enrolment !== null && enrolment.attempt === attempt ? enrolment : null;

  return (
    <div className="narrow">
      <ErrorSummary errors={form.errors} />
      <PageTitle>Set up two-factor sign-in</PageTitle>
      <p className="lead">
        Your account gives you access to sensitive information about pupils, or to who can see it. To keep that
        information safe, you need to enter a code from an app on your phone each time you sign in, as well as your
        password.
      </p>

      <h2 className="heading-m">1. Get an authenticator app</h2>
      <p>
        Install an authenticator app on your phone if you do not have one. For example, Microsoft Authenticator or
        Google Authenticator. Any app that makes time-based codes will work.
      </p>

      <h2 className="heading-m">2. Add Tandem to the app</h2>
      {current === null && <Loading what="Preparing your key" />}
      {current !== null && 'error' in current && (
        <div className="prose">
          <p className="error-text" role="alert">
            {current.error.message}
          </p>
          <Button
            variant="secondary"
            onClick={() => {
              setAttempt((a) => a + 1);
            }}
          >
            Try again
          </Button>
        </div>
      )}
      {current !== null && 'data' in current && (
        <>
          <p>In the app, choose to add an account, then scan this QR code with your phone&rsquo;s camera.</p>
          <img
            className="qr-code"
            src={current.data.qrCodeDataUrl}
            alt="QR code to add Tandem to your authenticator app. If you cannot scan it, use the key below."
            width={200}
            height={200}
          />
          <p>If you cannot scan the code, choose to enter a key in the app and type in this key:</p>
          <p className="secret-key">
            <span className="visually-hidden">Key: </span>
            <code>{spaced(current.data.secret)}</code>
          </p>
          <p className="hint">Spaces do not matter. The key is not case sensitive.</p>
        </>
      )}

      <h2 className="heading-m">3. Enter the code from the app</h2>
      <Form onSubmit={confirm}>
        <TextField
          name="code"
          label="6-digit code"
          hint="The app shows a new code every 30 seconds."
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          width="code"
          value={code}
          onValueChange={setCode}
          error={form.errorFor('code')}
        />
        <Button type="submit" busy={action.busy} disabled={current === null || 'error' in current} busyText="Checking…">
          Turn on two-factor sign-in
        </Button>
      </Form>
      <p>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            void signOut();
          }}
        >
          Sign out and do this later
        </button>
      </p>
    </div>
  );
}

function RecoveryCodes({ codes, busy, onContinue }: { codes: string[]; busy: boolean; onContinue: () => void }) {
  const download = () => {
    const text = [
      'Tandem recovery codes',
      '',
      'Each code can be used once to sign in if you cannot use your authenticator app.',
      'Keep them somewhere safe, such as a password manager.',
      '',
      ...codes,
      '',
    ].join('\r\n');
    saveFile(new Blob([text], { type: 'text/plain;charset=utf-8' }), 'tandem-recovery-codes.txt');
  };

  return (
    <div className="narrow">
      <PageTitle>Save your recovery codes</PageTitle>
      <p className="lead">Two-factor sign-in is now on.</p>
      <p>
        If you lose your phone or cannot use your authenticator app, you can sign in with one of these codes instead.
        Each code works once.
      </p>
      <WarningText>
        We will only show these codes once. Store them somewhere safe, such as a password manager.
      </WarningText>
      <ol className="recovery-codes" aria-label="Recovery codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <ButtonGroup>
        <Button variant="secondary" onClick={download}>
          Download as text file
        </Button>
      </ButtonGroup>
      <ButtonGroup>
        <Button onClick={onContinue} busy={busy} busyText="Please wait…">
          I have saved these codes
        </Button>
      </ButtonGroup>
    </div>
  );
}
