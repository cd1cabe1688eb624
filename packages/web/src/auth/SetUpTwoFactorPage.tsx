import { ButtonGroup, Button, ErrorSummary } from '../components/Form';
import { useAction } from '../components/useAction';
import { PageTitle, WarningText } from '../components/Page';
import { safeNextPath, useNavigate, useSearchParams } from '../router/router';
import { pathForStage, useSession } from './session';
import {
  EnrolmentCodeForm,
  EnrolmentKey,
  RecoveryCodeList,
  useTwoFactorEnrolment,
  type EnrolmentWords,
  type RecoveryCodeWords,
} from './TwoFactorEnrolment';

const WORDS: EnrolmentWords = {
  preparing: 'Preparing your key',
  scan: 'In the app, choose to add an account, then scan this QR code with your phone’s camera.',
  qrAlt: 'QR code to add Tandem to your authenticator app. If you cannot scan it, use the key below.',
  typeKey: 'If you cannot scan the code, choose to enter a key in the app and type in this key:',
  keyHint: 'Spaces do not matter. The key is not case sensitive.',
  tryAgain: 'Try again',
  codeLabel: '6-digit code',
  codeHint: 'The app shows a new code every 30 seconds.',
  codeMissing: 'Enter the 6-digit code shown in your authenticator app',
  turnOn: 'Turn on two-factor sign-in',
  checking: 'Checking…',
};

const RECOVERY_WORDS: RecoveryCodeWords = {
  listLabel: 'Recovery codes',
  download: 'Download as text file',
  fileName: 'tandem-recovery-codes.txt',
  fileLines: [
    'Tandem recovery codes',
    '',
    'Each code can be used once to sign in if you cannot use your authenticator app.',
    'Keep them somewhere safe, such as a password manager.',
  ],
};

/** Staff whose role needs two-factor set it up here, part-way through signing in. */
export function SetUpTwoFactorPage() {
  const { refresh, signOut } = useSession();
  const navigate = useNavigate();
  const next = safeNextPath(useSearchParams().get('next'));
  const enrolment = useTwoFactorEnrolment(WORDS);
  const continuing = useAction();

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

  if (enrolment.recoveryCodes !== null) {
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
        <RecoveryCodeList codes={enrolment.recoveryCodes} words={RECOVERY_WORDS} />
        <ButtonGroup>
          <Button onClick={() => void finish()} busy={continuing.busy} busyText="Please wait…">
            I have saved these codes
          </Button>
        </ButtonGroup>
      </div>
    );
  }

  return (
    <div className="narrow">
      <ErrorSummary errors={enrolment.form.errors} />
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
      <EnrolmentKey enrolment={enrolment} words={WORDS} />

      <h2 className="heading-m">3. Enter the code from the app</h2>
      <EnrolmentCodeForm enrolment={enrolment} words={WORDS} />
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
