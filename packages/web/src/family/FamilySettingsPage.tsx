/**
 * A parent's settings: e-mails when something new is shared (never naming the child), and whether
 * two-step sign-in is on, with the way to turn it on (TwoStepSetUp, at ?set-up=two-step).
 */
import { PARENT_WORDS as W } from '@tandem/core';
import { useState } from 'react';
import { useSession } from '../auth/session';
import { Button, ErrorSummary, Form, Radios } from '../components/Form';
import { BackLink, FlashBanner, NotificationBanner, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { Link, useFlash, useSearchParams } from '../router/router';
import { FamilySection } from './FamilySection';
import { familyHomePage, savePreferences, useFamilyMe } from './familyApi';
import { TwoStepSetUp, twoStepSetUpPage } from './TwoStepSetUp';
import { TWO_STEP_WORDS as T } from './twoStepWords';
import './family.css';

const FIELDS = ['emailNews'] as const;

export function FamilySettingsPage() {
  if (useSearchParams().get('set-up') === 'two-step') return <TwoStepSetUp />;
  return <Settings />;
}

function Settings() {
  const { resource, reload } = useFamilyMe();
  const back = { to: familyHomePage, text: W.homeTitle };
  if (resource.status !== 'ready') {
    return (
      <div className="family">
        {resourceFallback(resource, { title: W.settingsTitle, caption: '', loading: W.loading, back, onRetry: reload })}
      </div>
    );
  }
  return <SettingsForm initial={resource.data.emailNews} />;
}

function SettingsForm({ initial }: { initial: boolean }) {
  const { session } = useSession();
  const flash = useFlash();
  const [emailNews, setEmailNews] = useState(initial ? 'yes' : 'no');
  const [saved, setSaved] = useState(0);
  const form = useFormErrors(FIELDS);
  const action = useAction(form);
  const submit = async () => {
    await action.run(async () => {
      const answer = await savePreferences(emailNews === 'yes');
      setEmailNews(answer.emailNews ? 'yes' : 'no');
      form.clear();
      setSaved((n) => n + 1);
    });
  };
  return (
    <div className="family">
      <BackLink to={familyHomePage}>{W.homeTitle}</BackLink>
      {saved > 0 ? (
        <NotificationBanner key={saved} kind="success" title={W.savedTitle} />
      ) : (
        <FlashBanner flash={flash} />
      )}
      <ErrorSummary errors={form.errors} />
      <PageTitle>{W.settingsTitle}</PageTitle>
      <Form onSubmit={submit}>
        <Radios
          name="emailNews"
          legend={W.newsLegend}
          hint={W.newsHint}
          value={emailNews}
          onValueChange={setEmailNews}
          error={form.errorFor('emailNews')}
          options={[
            { value: 'yes', label: W.newsYes },
            { value: 'no', label: W.newsNo },
          ]}
        />
        <Button type="submit" busy={action.busy} busyText={W.saveBusy}>
          {W.save}
        </Button>
      </Form>
      <FamilySection title={W.signInHeading}>
        {session.user?.mfaEnabled === true ? (
          <p>{W.twoFactorOn}</p>
        ) : (
          <>
            <p>
              <strong>{T.isOff}</strong> {T.whatItIs}
            </p>
            <p>
              <Link to={twoStepSetUpPage} className="button button--secondary">
                {T.turnOnLink}
              </Link>
            </p>
          </>
        )}
        <p>{W.signInText}</p>
      </FamilySection>
    </div>
  );
}
