/**
 * The words a parent or carer reads when turning on two-step sign-in from their settings (the
 * staff pages call it "two-factor"; for parents it is "two-step", as PARENT_WORDS.twoFactorOn
 * says). Measured with PARENT_WORDS (readability.test.ts): a reading age of about 11 to 13.
 * The term "authenticator app" stays, because the sign-in page that asks for the code uses it,
 * and "recovery codes" too, for the same reason; both are explained where they first appear.
 */

export const TWO_STEP_WORDS = {
  // On the settings page.
  isOff: 'Two-step sign-in is off.',
  whatItIs:
    'With two-step sign-in, you type a code from your phone as well as your password. This makes it much harder for someone else to get into your account.',
  turnOnLink: 'Turn on two-step sign-in',
  doneTitle: 'Two-step sign-in is now on.',
  doneText: 'Next time you sign in, you will need a code from the app on your phone.',

  // Setting it up.
  setUpTitle: 'Turn on two-step sign-in',
  setUpIntro:
    'Each time you sign in, you will type your password and then a code from an app on your phone. It takes about five minutes.',
  staysOn:
    'Once it is on, it stays on. At the end you get spare codes, called recovery codes, in case you lose your phone.',
  appHeading: '1. Get an app that makes codes',
  appText:
    'You need a free app on your phone that makes sign-in codes. This is called an authenticator app. For example, Microsoft Authenticator or Google Authenticator. You can get one from the app store on your phone.',
  addHeading: '2. Add Tandem to the app',
  codeHeading: '3. Type the code from the app',
  backToSettings: 'Back to your settings',
  notNow: 'Not now, go back to your settings',

  // The recovery codes, shown once.
  codesTitle: 'Save your recovery codes',
  codesWhy: 'If you lose your phone, you can sign in with one of these codes instead. Each code works once.',
  codesWarning: 'We only show these codes once. Write them down or save them, and keep them safe.',
  codesDone: 'I have saved these codes',
} as const;

export const TWO_STEP_ENROLMENT_WORDS = {
  preparing: 'Getting your code ready',
  scan: 'In the app, choose to add an account. Then point your phone’s camera at this square code (a QR code).',
  qrAlt: 'QR code to add Tandem to your app. If you cannot scan it, use the key below.',
  typeKey: 'If you cannot scan it, choose to type in a key in the app. Then type this key:',
  keyHint: 'Spaces do not matter. Capital letters do not matter.',
  tryAgain: 'Try again',
  codeLabel: '6-digit code',
  codeHint: 'The app shows a new code every 30 seconds.',
  codeMissing: 'Enter the 6-digit code from the app on your phone',
  turnOn: 'Turn on two-step sign-in',
  checking: 'Checking…',
} as const;

export const TWO_STEP_RECOVERY_WORDS = {
  listLabel: 'Recovery codes',
  download: 'Download the codes',
  fileName: 'tandem-recovery-codes.txt',
  fileLines: [
    'Tandem recovery codes',
    '',
    'If you cannot use the app on your phone, sign in with one of these codes instead.',
    'Each code works once. Keep them safe.',
  ],
} as const;
