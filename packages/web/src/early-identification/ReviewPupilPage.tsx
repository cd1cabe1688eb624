/**
 * The lead's review of a listed pupil: the rules that fired, then what was decided (no action, a
 * level change or a referral) and why. A level change and a referral are made on their own pages;
 * this records the decision, with the rules as they stand now, for the audit trail.
 */
import {
  EARLY_REVIEW_OUTCOME_LABELS,
  EARLY_REVIEW_OUTCOMES,
  earlyListResponse,
  earlyReviewBody,
  earlyReviewResponse,
  type EarlyReviewOutcome,
} from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { Button, ErrorSummary, Form, Radios, TextareaField } from '../components/Form';
import { BackLink, HelpNow, InsetText, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useWorkForm } from '../components/useWorkForm';
import { NotFoundPage } from '../errors/ErrorPages';
import { yearAndForm } from '../pupils/pupilsApi';
import { Link, useNavigate } from '../router/router';
import { changeLevelPage, earlyPupilsApi, earlyReviewApi, mayReview, referralsOfPupil, toReviewPage } from './earlyApi';
import { FiredRules } from './FiredRules';
import './early.css';

const FIELDS = ['outcome', 'reason'] as const;

const HINTS: Record<EarlyReviewOutcome, string> = {
  no_action: 'You looked at the figures and nothing more is needed now.',
  level_change: 'You changed, or will change, the pupil’s level on its own page.',
  referral: 'You made, or will make, a referral on the pupil’s record.',
};

export function ReviewPupilPage({ schoolId, pupilId }: { schoolId: string; pupilId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayReview(school);
  const { resource, reload } = useResource(allowed ? earlyPupilsApi(schoolId) : null, earlyListResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  const back = { to: toReviewPage(school.id), text: 'Back to pupils to review' };
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Review a pupil',
      caption: school.name,
      loading: 'Loading the pupil',
      back,
      onRetry: reload,
    });
  }
  const listed = resource.data.pupils.find((p) => p.id === pupilId);
  const reviewed = resource.data.reviewed.find((p) => p.id === pupilId);
  const pupil = listed ?? reviewed;
  if (pupil === undefined) {
    return (
      <div className="early narrow-wide">
        <BackLink to={back.to}>{back.text}</BackLink>
        <PageTitle caption={school.name}>Review a pupil</PageTitle>
        <p>
          This pupil is not on the list of pupils to review now. <Link to={back.to}>Go back to the list</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="early narrow-wide">
      <BackLink to={back.to}>{back.text}</BackLink>
      <PageTitle caption={`${pupil.name}, ${yearAndForm(pupil)}`}>Review {pupil.name}</PageTitle>
      {listed === undefined ? (
        <p>{pupil.name} was reviewed recently, and no new rule has fired since. You can record another review.</p>
      ) : (
        <>
          <h2 className="heading-m">Why {pupil.name} is listed</h2>
          <FiredRules fired={listed.fired} />
        </>
      )}
      <InsetText>
        The list never changes a level or makes a referral by itself. To change the level, use{' '}
        <Link to={changeLevelPage(school.id, pupilId)}>change level</Link>; to refer, use{' '}
        <Link to={referralsOfPupil(school.id, pupilId)}>make a referral</Link> on the pupil&rsquo;s record. Then record
        here what you decided.
      </InsetText>
      <ReviewForm schoolId={school.id} pupilId={pupilId} name={pupil.name} />
      <HelpNow audience="staff" />
    </div>
  );
}

function ReviewForm({ schoolId, pupilId, name }: { schoolId: string; pupilId: string; name: string }) {
  const [outcome, setOutcome] = useState('');
  const [reason, setReason] = useState('');
  const form = useWorkForm(FIELDS);
  const navigate = useNavigate();
  const submit = async () => {
    const body = form.check(earlyReviewBody.safeParse({ outcome: outcome === '' ? undefined : outcome, reason }));
    if (body === null) return;
    await form.send(async () => {
      await apiPost(earlyReviewApi(schoolId, pupilId), body, earlyReviewResponse);
      navigate(toReviewPage(schoolId), {
        flash: { kind: 'success', title: `Review of ${name} recorded` },
      });
    });
  };
  return (
    <Form onSubmit={submit} label={`Record the review of ${name}`}>
      <ErrorSummary errors={form.errors} />
      <Radios
        name="outcome"
        legend="What did you decide?"
        legendAsHeading
        value={outcome}
        onValueChange={setOutcome}
        error={form.errorFor('outcome')}
        options={EARLY_REVIEW_OUTCOMES.map((o) => ({
          value: o,
          label: EARLY_REVIEW_OUTCOME_LABELS[o],
          hint: HINTS[o],
        }))}
      />
      <TextareaField
        name="reason"
        label="Why?"
        hint="Say what you looked at and why you decided this. For a level change or a referral, say what was done."
        rows={5}
        maxChars={2000}
        value={reason}
        onValueChange={setReason}
        error={form.errorFor('reason')}
      />
      <Button type="submit" busy={form.busy} busyText="Saving…">
        Record the review
      </Button>
    </Form>
  );
}
