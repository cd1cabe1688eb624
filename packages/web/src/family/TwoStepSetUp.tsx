/**
 * A parent or carer turns on two-step sign-in from their settings (/family/settings?set-up=two-step):
 * the same steps and server routes as the staff set-up during sign-in, in plainer words, from a
 * session that is already signed in. Once on, the recovery codes are shown once, and the session
 * is asked for again so every page knows that two-step sign-in is on.
 */
import { useEffect, useState } from 'react';
import { useSession } from '../auth/session';
import { EnrolmentCodeForm, EnrolmentKey, RecoveryCodeList, useTwoFactorEnrolment } from '../auth/TwoFactorEnrolment';
import { Button, ButtonGroup, ErrorSummary } from '../components/Form';
import { BackLink, PageTitle, WarningText } from '../components/Page';
import { Link, Redirect, useNavigate } from '../router/router';
import { familySettingsPage } from './familyApi';
import { TWO_STEP_ENROLMENT_WORDS, TWO_STEP_RECOVERY_WORDS, TWO_STEP_WORDS as T } from './twoStepWords';
import './family.css';

export const twoStepSetUpPage = `${familySettingsPage}?set-up=two-step`;

export function TwoStepSetUp() {
  const { session } = useSession();
  // Whether it was off when this opened: once turned on here, the session says so, but the
  // recovery codes must stay on the screen until the parent has saved them.
  const [offAtStart] = useState(session.user?.mfaEnabled !== true);
  if (!offAtStart) return <Redirect to={familySettingsPage} />;
  return <Steps />;
}

function Steps() {
  const { refresh } = useSession();
  const navigate = useNavigate();
  const enrolment = useTwoFactorEnrolment(TWO_STEP_ENROLMENT_WORDS);
  const on = enrolment.recoveryCodes !== null;

  useEffect(() => {
    if (!on) return;
    // The new view replaces the form that had focus: start reading from its heading.
    document.getElementById('page-heading')?.focus();
    // Mirror the server: two-step sign-in is now on (a failure here changes nothing; the next
    // page asks again).
    refresh().catch(() => undefined);
  }, [on, refresh]);

  if (enrolment.recoveryCodes !== null) {
    return (
      <div className="family">
        <PageTitle>{T.codesTitle}</PageTitle>
        <p className="lead">{T.doneTitle}</p>
        <p>{T.codesWhy}</p>
        <WarningText>{T.codesWarning}</WarningText>
        <RecoveryCodeList codes={enrolment.recoveryCodes} words={TWO_STEP_RECOVERY_WORDS} />
        <ButtonGroup>
          <Button
            onClick={() => {
              navigate(familySettingsPage, {
                replace: true,
                flash: { kind: 'success', title: T.doneTitle, text: T.doneText },
              });
            }}
          >
            {T.codesDone}
          </Button>
        </ButtonGroup>
      </div>
    );
  }

  return (
    <div className="family">
      <BackLink to={familySettingsPage}>{T.backToSettings}</BackLink>
      <ErrorSummary errors={enrolment.form.errors} />
      <PageTitle>{T.setUpTitle}</PageTitle>
      <p className="lead">{T.setUpIntro}</p>
      <p>{T.staysOn}</p>

      <h2 className="heading-m">{T.appHeading}</h2>
      <p>{T.appText}</p>

      <h2 className="heading-m">{T.addHeading}</h2>
      <EnrolmentKey enrolment={enrolment} words={TWO_STEP_ENROLMENT_WORDS} />

      <h2 className="heading-m">{T.codeHeading}</h2>
      <EnrolmentCodeForm enrolment={enrolment} words={TWO_STEP_ENROLMENT_WORDS} />
      <p>
        <Link to={familySettingsPage}>{T.notNow}</Link>
      </p>
    </div>
  );
}
