/**
 * The parts of turning on two-factor sign-in, shared by the staff page shown mid sign-in
 * (SetUpTwoFactorPage) and a parent's settings (family/TwoStepSetUp): starting (a new key, kept
 * pending on the server until a code from it is confirmed), the QR code and the key to type, the
 * code from the app, and the recovery codes the server gives once it is on. Each page brings its
 * own words: staff and parents are told the same things differently.
 */
import { mfaCodeBody, mfaEnrolmentResponse, recoveryCodesResponse } from '@tandem/core';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { apiPost, refreshCsrfToken, toApiError, type ApiError } from '../api/client';
import { Button, ButtonGroup, Form, TextField } from '../components/Form';
import { saveFile } from '../components/download';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { Loading } from '../components/Page';

type Enrolment = z.infer<typeof mfaEnrolmentResponse>;
type Started = { data: Enrolment } | { error: ApiError };

const FIELDS = ['code'] as const;

/** "ABCD EFGH IJKL" so the key can be typed in by hand. */
export function spaced(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

export interface EnrolmentWords {
  /** While the key is being made. */
  preparing: string;
  scan: string;
  qrAlt: string;
  typeKey: string;
  keyHint: string;
  tryAgain: string;
  codeLabel: string;
  codeHint: string;
  /** When what was typed is not six digits. */
  codeMissing: string;
  turnOn: string;
  checking: string;
}

export interface RecoveryCodeWords {
  listLabel: string;
  download: string;
  fileName: string;
  /** The lines at the top of the downloaded file, before the codes. */
  fileLines: readonly string[];
}

/**
 * Setting up, from the moment it is shown: the server's key (or why it could not make one), the
 * code box and its errors, and the recovery codes once a code from the app is confirmed. The
 * confirmation gives the session a new token (and a new CSRF token is fetched); the caller then
 * asks for the session again, when it suits it, to learn that two-factor is on.
 */
export function useTwoFactorEnrolment(words: Pick<EnrolmentWords, 'codeMissing'>) {
  const [attempt, setAttempt] = useState(0);
  const [enrolment, setEnrolment] = useState<({ attempt: number } & Started) | null>(null);
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const form = useFormErrors(FIELDS);
  const action = useAction(form);

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
      form.fromFields([{ path: 'code', message: words.codeMissing }]);
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

  const current: Started | null = enrolment !== null && enrolment.attempt === attempt ? enrolment : null;
  return {
    /** Null while the key is being made. */
    current,
    retry: () => {
      setAttempt((a) => a + 1);
    },
    code,
    setCode,
    confirm,
    busy: action.busy,
    form,
    recoveryCodes,
  };
}

export type TwoFactorEnrolment = ReturnType<typeof useTwoFactorEnrolment>;

/** Step 2: the QR code to scan and the key to type instead, or why there is none. */
export function EnrolmentKey({ enrolment, words }: { enrolment: TwoFactorEnrolment; words: EnrolmentWords }) {
  const { current } = enrolment;
  if (current === null) return <Loading what={words.preparing} />;
  if ('error' in current) {
    return (
      <div className="prose">
        <p className="error-text" role="alert">
          {current.error.message}
        </p>
        <Button variant="secondary" onClick={enrolment.retry}>
          {words.tryAgain}
        </Button>
      </div>
    );
  }
  return (
    <>
      <p>{words.scan}</p>
      <img className="qr-code" src={current.data.qrCodeDataUrl} alt={words.qrAlt} width={200} height={200} />
      <p>{words.typeKey}</p>
      <p className="secret-key">
        <span className="visually-hidden">Key: </span>
        <code>{spaced(current.data.secret)}</code>
      </p>
      <p className="hint">{words.keyHint}</p>
    </>
  );
}

/** Step 3: the code the app shows, which turns two-factor on. */
export function EnrolmentCodeForm({ enrolment, words }: { enrolment: TwoFactorEnrolment; words: EnrolmentWords }) {
  const { current } = enrolment;
  return (
    <Form onSubmit={enrolment.confirm}>
      <TextField
        name="code"
        label={words.codeLabel}
        hint={words.codeHint}
        inputMode="numeric"
        autoComplete="one-time-code"
        spellCheck={false}
        width="code"
        value={enrolment.code}
        onValueChange={enrolment.setCode}
        error={enrolment.form.errorFor('code')}
      />
      <Button
        type="submit"
        busy={enrolment.busy}
        disabled={current === null || 'error' in current}
        busyText={words.checking}
      >
        {words.turnOn}
      </Button>
    </Form>
  );
}

/** The recovery codes, shown once, and a button to save them as a text file. */
export function RecoveryCodeList({ codes, words }: { codes: readonly string[]; words: RecoveryCodeWords }) {
  const download = () => {
    const text = [...words.fileLines, '', ...codes, ''].join('\r\n');
    saveFile(new Blob([text], { type: 'text/plain;charset=utf-8' }), words.fileName);
  };
  return (
    <>
      <ol className="recovery-codes" aria-label={words.listLabel}>
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <ButtonGroup>
        <Button variant="secondary" onClick={download}>
          {words.download}
        </Button>
      </ButtonGroup>
    </>
  );
}
