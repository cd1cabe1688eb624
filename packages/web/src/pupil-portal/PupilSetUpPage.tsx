/**
 * A pupil sets up their account (/set-up, signed out): the code from the sheet their school gave
 * them, then their sign-in name, then a password, set with the same request (and rules) as the
 * set-password page, using the one-time token the code gave.
 */
import {
  okResponse,
  PUPIL_WORDS as W,
  pupilSetUpSchema,
  resetPasswordBody,
  type PupilSetUpResponse,
} from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { Button, ErrorSummary, Form, TextField } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { PageTitle } from '../components/Page';
import { familyApi, pupilSetUpResponse } from '../family/familyApi';
import { useNavigate } from '../router/router';
import { HelpLines } from './HelpNowContent';
import '../family/family.css';

const CODE_FIELDS = ['code'] as const;
const PASSWORD_FIELDS = ['password', 'confirmPassword'] as const;

export function PupilSetUpPage() {
  const [account, setAccount] = useState<PupilSetUpResponse | null>(null);
  return (
    <div className="narrow family">
      {account === null ? <CodeStep onAccount={setAccount} /> : <PasswordStep account={account} />}
      <details className="details">
        <summary className="details__summary">
          <span className="details__summary-text">{W.helpButton}</span>
        </summary>
        <div className="details__text">
          <HelpLines headingLevel={2} />
        </div>
      </details>
    </div>
  );
}

function CodeStep({ onAccount }: { onAccount: (account: PupilSetUpResponse) => void }) {
  const [code, setCode] = useState('');
  const form = useFormErrors(CODE_FIELDS);
  const action = useAction(form);
  const submit = async () => {
    const parsed = pupilSetUpSchema.safeParse({ code });
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    await action.run(
      async () => {
        onAccount(await apiPost(`${familyApi}/pupil-setup`, parsed.data, pupilSetUpResponse));
      },
      {
        onRefused: (error) => {
          // A wrong or used code: say so plainly, beside the box.
          if (error.code === 'not_found') {
            form.fromFields([{ path: 'code', message: W.codeUsed }]);
          } else {
            form.fromApi(error);
          }
        },
      },
    );
  };
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <PageTitle>{W.setUpTitle}</PageTitle>
      <p className="lead">{W.setUpIntro}</p>
      <Form onSubmit={submit}>
        <TextField
          name="code"
          label={W.codeLabel}
          hint={W.codeHint}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          width="code"
          value={code}
          onValueChange={setCode}
          error={form.errorFor('code')}
        />
        <Button type="submit" busy={action.busy} busyText={W.codeBusy}>
          {W.codeNext}
        </Button>
      </Form>
    </>
  );
}

function PasswordStep({ account }: { account: PupilSetUpResponse }) {
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const form = useFormErrors(PASSWORD_FIELDS);
  const action = useAction(form);
  const submit = async () => {
    const parsed = resetPasswordBody.safeParse({ token: account.token, password });
    const extra =
      confirmPassword === ''
        ? [{ path: 'confirmPassword', message: W.passwordAgainEmpty }]
        : confirmPassword !== password
          ? [{ path: 'confirmPassword', message: W.passwordAgainDiffers }]
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
          flash: { kind: 'success', title: W.setUpDoneTitle, text: W.setUpDoneText },
        });
      },
      { stayBusy: true },
    );
  };
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <PageTitle>{W.helloTitle(account.firstName)}</PageTitle>
      <p className="lead">{W.signInNameIs}</p>
      <p>
        <span className="sign-in-name">{account.signInName}</span>
      </p>
      <p>{W.signInNameKeep}</p>
      <Form onSubmit={submit}>
        {/* The sign-in name, for password managers to save with the new password. */}
        <input type="hidden" name="username" autoComplete="username" value={account.signInName} readOnly />
        <TextField
          name="password"
          label={W.passwordLabel}
          hint={W.passwordHint}
          type="password"
          autoComplete="new-password"
          value={password}
          onValueChange={setPassword}
          error={form.errorFor('password')}
        />
        <TextField
          name="confirmPassword"
          label={W.passwordAgain}
          type="password"
          autoComplete="new-password"
          value={confirmPassword}
          onValueChange={setConfirmPassword}
          error={form.errorFor('confirmPassword')}
        />
        <Button type="submit" busy={action.busy} busyText={W.setUpBusy}>
          {W.setUpButton}
        </Button>
      </Form>
    </>
  );
}
