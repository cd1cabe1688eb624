/**
 * On a pupil's case record: their trusted adult (who a "talk to someone" from their check-in goes
 * to, and why), which the SMHL and DSL team can change; and their recent check-ins, with how they
 * felt (a face and words), their notes, who read each request to talk, and the ones whose note held
 * a risk word (those opened an urgent concern).
 */
import type { StaffCheckinsResponse } from '@tandem/core';
import { useState } from 'react';
import { apiPut } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, type SessionSchool } from '../auth/session';
import {
  staffCheckinsResponse,
  TRUSTED_ADULT_WHY,
  pupilCheckinsApi,
  trustedAdultApi,
  trustedAdultResponse,
} from '../checkins/checkinsApi';
import { Mood } from '../checkins/Mood';
import { formatDateTime } from '../components/dates';
import { Button, ErrorSummary, Form, SelectField } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { Loading, NotificationBanner, Tag } from '../components/Page';
import { useAction } from '../components/useAction';
import { LoadError } from '../errors/ErrorPages';
import '../checkins/checkins.css';

export function PupilCheckins({
  school,
  pupilId,
  pupilName,
}: {
  school: SessionSchool;
  pupilId: string;
  pupilName: string;
}) {
  return (
    <>
      <TrustedAdult school={school} pupilId={pupilId} pupilName={pupilName} />
      <Checkins school={school} pupilId={pupilId} pupilName={pupilName} />
    </>
  );
}

// Not "userId": the case team's form on the same page has that field.
const TRUSTED_FIELDS = ['trustedAdult'];

function TrustedAdult({ school, pupilId, pupilName }: { school: SessionSchool; pupilId: string; pupilName: string }) {
  const { resource, reload, setData } = useResource(trustedAdultApi(school.id, pupilId), trustedAdultResponse);
  const canChange = schoolCan(school, 'pupil.manageCaseTeam');
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<{ title: string; at: number } | null>(null);
  const form = useFormErrors(TRUSTED_FIELDS);
  const action = useAction(form);

  const save = async () => {
    if (chosen === '') {
      form.fromFields([{ path: 'trustedAdult', message: 'Choose a member of staff' }]);
      return;
    }
    await action.run(async () => {
      const answer = await apiPut(trustedAdultApi(school.id, pupilId), { userId: chosen }, trustedAdultResponse);
      form.clear();
      setChosen('');
      setData(answer);
      setMessage({
        title: `${answer.effective?.name ?? 'They'} is now ${pupilName}’s trusted adult.`,
        at: Date.now(),
      });
    });
  };

  return (
    <section className="section" aria-labelledby="trusted-adult-title">
      <h3 className="heading-m" id="trusted-adult-title">
        Trusted adult
      </h3>
      <p className="hint">
        When {pupilName} checks in and asks to talk to someone, it goes to their trusted adult, who must say they have
        seen it. If no one has by the end of the school day, it goes to the Senior Mental Health Lead.
      </p>
      {message !== null && <NotificationBanner key={message.at} kind="success" title={message.title} />}
      {resource.status === 'loading' && <Loading what="Loading the trusted adult" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <>
          {resource.data.effective === null ? (
            <p>
              <strong>No one yet.</strong> {pupilName} has no tutor, and no one has been chosen.
              {canChange ? ' Choose someone below.' : ''}
            </p>
          ) : (
            <p>
              <strong>{resource.data.effective.name}</strong>: {TRUSTED_ADULT_WHY[resource.data.effective.why]}.
            </p>
          )}
          {canChange && resource.data.candidates.length > 0 && (
            <>
              <ErrorSummary errors={form.errors} />
              <Form onSubmit={save} label={`Change ${pupilName}’s trusted adult`}>
                <SelectField
                  name="trustedAdult"
                  label={resource.data.chosen === null ? 'Choose a trusted adult' : 'Change the trusted adult'}
                  hint={`Someone ${pupilName} knows and would talk to. They are told when ${pupilName} asks to talk.`}
                  value={chosen}
                  onValueChange={setChosen}
                  error={form.errorFor('trustedAdult')}
                  options={[
                    { value: '', label: 'Choose a member of staff' },
                    ...resource.data.candidates
                      .filter((c) => c.userId !== resource.data.chosen?.userId)
                      .map((c) => ({ value: c.userId, label: `${c.name} (${c.roleLabel})` })),
                  ]}
                />
                <Button type="submit" variant="secondary" busy={action.busy} busyText="Saving…">
                  Save the trusted adult
                </Button>
              </Form>
            </>
          )}
        </>
      )}
    </section>
  );
}

type Checkin = StaffCheckinsResponse['checkins'][number];
const FIRST = 10;

function Checkins({ school, pupilId, pupilName }: { school: SessionSchool; pupilId: string; pupilName: string }) {
  const { resource, reload } = useResource(pupilCheckinsApi(school.id, pupilId), staffCheckinsResponse);
  const [all, setAll] = useState(false);
  return (
    <section className="section" aria-labelledby="checkins-title">
      <h3 className="heading-m" id="checkins-title">
        Check-ins
      </h3>
      <p className="hint">How {pupilName} has said they feel, in their own account, newest first.</p>
      {resource.status === 'loading' && <Loading what="Loading check-ins" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        (resource.data.checkins.length === 0 ? (
          <p>
            {pupilName} has not checked in yet. Pupils check in from their own account, once they have set it up with a
            code from the Pupil accounts page.
          </p>
        ) : (
          <>
            <ul className="checkin-list" aria-labelledby="checkins-title">
              {[...resource.data.checkins]
                .sort((a, b) => b.at.localeCompare(a.at))
                .slice(0, all ? undefined : FIRST)
                .map((c) => (
                  <CheckinItem key={c.id} checkin={c} />
                ))}
            </ul>
            {!all && resource.data.checkins.length > FIRST && (
              <Button
                variant="secondary"
                onClick={() => {
                  setAll(true);
                }}
              >
                Show all {resource.data.checkins.length} check-ins
              </Button>
            )}
          </>
        ))}
    </section>
  );
}

function CheckinItem({ checkin: c }: { checkin: Checkin }) {
  return (
    <li className="checkin-item">
      <p className="checkin-item__head">
        <time dateTime={c.at}>{formatDateTime(c.at)}</time>
        <strong>
          <Mood mood={c.mood} />
        </strong>
        {c.riskRaised && <Tag tone="red">Risk words: urgent concern opened</Tag>}
        {c.wantsToTalk && <Tag tone="blue">Asked to talk</Tag>}
        {c.escalated && <Tag tone="yellow">Passed to the lead</Tag>}
      </p>
      {c.note.trim() !== '' && (
        <blockquote className="quote pre-line checkin-item__note">
          <span className="visually-hidden">Note: </span>
          {c.note}
        </blockquote>
      )}
      {c.wantsToTalk && (
        <p className="checkin-item__meta secondary-text">
          {c.readAt === null ? (
            'No one has said they have seen it yet.'
          ) : (
            <>
              Seen by {c.acknowledgedByName ?? 'a member of staff'},{' '}
              <time dateTime={c.readAt}>{formatDateTime(c.readAt)}</time>.
            </>
          )}
        </p>
      )}
    </li>
  );
}
