/**
 * The DSL adds a pupil to the missing list, or takes them off, with the reason. The reason is kept
 * with the pupil's record and shown on the list.
 */
import { missingListChangeBody, pupilMissingResponse, pupilProfileResponse } from '@tandem/core';
import { useState } from 'react';
import { z } from 'zod';
import { apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { ErrorSummary, Form, SaveOrCancel, TextareaField } from '../components/Form';
import { BackLink, InsetText, Loading, PageTitle } from '../components/Page';
import { useWorkForm } from '../components/useWorkForm';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { pupilApi, pupilName, pupilPage } from '../pupils/pupilsApi';
import { useNavigate } from '../router/router';
import { missingApi, pupilMissingApi, whyWords } from './missingApi';

const FIELDS = ['reason'] as const;
const changed = z.object({ onList: z.boolean(), alertsRaised: z.number() });

export function MissingChangePage({
  schoolId,
  pupilId,
  action,
}: {
  schoolId: string;
  pupilId: string;
  action: 'add' | 'remove';
}) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'missing.manage');
  const profile = useResource(allowed ? pupilApi(schoolId, pupilId) : null, pupilProfileResponse);
  const place = useResource(allowed ? pupilMissingApi(schoolId, pupilId) : null, pupilMissingResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  const back = `${pupilPage(schoolId, pupilId)}?tab=attendance`;
  if (profile.resource.status === 'error') return <LoadError error={profile.resource.error} onRetry={profile.reload} />;
  if (place.resource.status === 'error') return <LoadError error={place.resource.error} onRetry={place.reload} />;
  if (profile.resource.status !== 'ready' || place.resource.status !== 'ready') return <Loading />;
  const name = pupilName(profile.resource.data.pupil);
  const why = place.resource.data.why;
  return (
    <>
      <BackLink to={back}>Back to {name}&rsquo;s record</BackLink>
      <PageTitle caption={name}>{action === 'add' ? 'Add to the missing list' : 'Take off the missing list'}</PageTitle>
      {action === 'add' ? (
        <InsetText>
          While {name} is on the list, an absence without a reason at any register alerts the DSL on duty at once.
        </InsetText>
      ) : (
        why !== null && (
          <InsetText>
            On the list now: {whyWords(why)}.
            {why.source === 'level' && ' Taking them off lasts until their level is next set.'}
          </InsetText>
        )
      )}
      <ChangeForm schoolId={schoolId} pupilId={pupilId} action={action} name={name} back={back} />
    </>
  );
}

function ChangeForm({
  schoolId,
  pupilId,
  action,
  name,
  back,
}: {
  schoolId: string;
  pupilId: string;
  action: 'add' | 'remove';
  name: string;
  back: string;
}) {
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const form = useWorkForm(FIELDS);
  const submit = () => {
    const data = form.check(missingListChangeBody.safeParse({ reason }));
    if (data === null) return;
    void form.send(async () => {
      const res = await apiPost(
        `${missingApi(schoolId)}/pupils/${encodeURIComponent(pupilId)}/${action}`,
        data,
        changed,
      );
      navigate(back, {
        flash: {
          kind: 'success',
          title: action === 'add' ? `${name} is on the missing list` : `${name} is off the missing list`,
          text:
            res.alertsRaised > 0
              ? `${name} is absent without a reason at the latest register: the DSL on duty has been alerted.`
              : undefined,
        },
      });
    });
  };
  return (
    <Form onSubmit={submit} label={action === 'add' ? 'Add to the missing list' : 'Take off the missing list'}>
      <ErrorSummary errors={form.errors} />
      <TextareaField
        name="reason"
        label="Why?"
        hint={
          action === 'add'
            ? 'For example, “Police asked to be told of any absence” or “Went missing from home last weekend”.'
            : 'For example, “Attending every day since the plan was agreed at the meeting on 3 March”.'
        }
        rows={3}
        maxChars={1000}
        value={reason}
        onValueChange={setReason}
        error={form.errorFor('reason')}
      />
      <SaveOrCancel
        busy={form.busy}
        submitText={action === 'add' ? 'Add to the list' : 'Take off the list'}
        onCancel={() => {
          navigate(back);
        }}
      />
    </Form>
  );
}
