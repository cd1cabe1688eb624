/**
 * Who works on this pupil's case, and how each joined: added by the SMHL or DSL, a concern routed
 * to them, a plan or a meeting they lead. Case roles scoped to their caseload (SENDCO, Early Help,
 * pastoral) open the case record only of pupils whose team they are on (or in their years, or on
 * the SEND register), so the SMHL and DSL team add and remove members here.
 */
import {
  CASE_TEAM_SOURCE_LABELS,
  ROLE_LABELS,
  caseTeamResponse,
  staffDirectoryResponse,
  type CaseTeamMember,
} from '@tandem/core';
import { useState } from 'react';
import { apiDelete, apiPost, enc } from '../api/client';
import { useResource } from '../api/useResource';
import type { SessionSchool } from '../auth/session';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatDate } from '../components/dates';
import { Button, ErrorSummary, Form, SelectField } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { Loading, NotificationBanner } from '../components/Page';
import { Table } from '../components/Table';
import { useAction } from '../components/useAction';
import { LoadError } from '../errors/ErrorPages';

const teamApi = (schoolId: string, pupilId: string) => `/api/schools/${enc(schoolId)}/pupils/${enc(pupilId)}/case-team`;

export function CaseTeam({
  school,
  pupilId,
  pupilName,
}: {
  school: SessionSchool;
  pupilId: string;
  pupilName: string;
}) {
  const { resource, reload, setData } = useResource(teamApi(school.id, pupilId), caseTeamResponse);
  const canManage = resource.status === 'ready' && resource.data.canManage;
  const directory = useResource(
    canManage ? `/api/schools/${enc(school.id)}/staff-directory` : null,
    staffDirectoryResponse,
  );
  const [removing, setRemoving] = useState<CaseTeamMember | null>(null);
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<{ title: string; at: number } | null>(null);
  const form = useFormErrors(['userId']);
  const action = useAction<'add' | 'remove'>(form);

  const add = async () => {
    if (chosen === '') {
      form.fromFields([{ path: 'userId', message: 'Choose a member of staff to add' }]);
      return;
    }
    await action.runAs('add', async () => {
      const answer = await apiPost(teamApi(school.id, pupilId), { userId: chosen }, caseTeamResponse);
      const name = answer.members.find((m) => m.userId === chosen)?.displayName ?? 'They';
      form.clear();
      setChosen('');
      setData(answer);
      setMessage({ title: `${name} is now on ${pupilName}’s case team.`, at: Date.now() });
    });
  };

  const remove = async (member: CaseTeamMember) => {
    await action.runAs(
      'remove',
      async () => {
        const answer = await apiDelete(`${teamApi(school.id, pupilId)}/${enc(member.userId)}`, caseTeamResponse);
        setRemoving(null);
        form.clear();
        setData(answer);
        setMessage({ title: `${member.displayName} is no longer on ${pupilName}’s case team.`, at: Date.now() });
      },
      {
        onRefused: (error) => {
          setRemoving(null);
          form.fromApi(error);
        },
      },
    );
  };

  return (
    <section className="section" aria-labelledby="case-team-title">
      <h3 className="heading-m" id="case-team-title">
        Case team
      </h3>
      <p className="hint">
        Staff who work on {pupilName}&rsquo;s case. The SENDCO, Early Help lead and pastoral leads open the case record
        only of pupils on their caseload (and, for pastoral leads, the years they lead; for the SENDCO, the SEND
        register). The headteacher, the Senior Mental Health Lead and the DSL team see every pupil.
      </p>
      {message !== null && <NotificationBanner key={message.at} kind="success" title={message.title} />}
      <ErrorSummary errors={form.errors} />
      {resource.status === 'loading' && <Loading what="Loading the case team" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        (resource.data.members.length === 0 ? (
          <p>No one is on the case team yet.</p>
        ) : (
          <Table
            caption={`Case team of ${pupilName}`}
            captionHidden
            rows={resource.data.members}
            rowKey={(m) => m.userId}
            columns={[
              {
                key: 'name',
                header: 'Name',
                label: 'Name',
                cell: (m) => (
                  <>
                    {m.displayName}
                    <span className="block secondary-text">{m.roles.map((r) => ROLE_LABELS[r]).join(', ')}</span>
                  </>
                ),
              },
              {
                key: 'how',
                header: 'How they joined',
                label: 'How they joined',
                cell: (m) => (
                  <>
                    {CASE_TEAM_SOURCE_LABELS[m.source]}
                    <span className="block secondary-text">
                      {formatDate(m.addedAt)}
                      {m.addedByName !== null && `, by ${m.addedByName}`}
                    </span>
                  </>
                ),
              },
              ...(canManage
                ? [
                    {
                      key: 'remove',
                      header: <span className="visually-hidden">Remove</span>,
                      label: 'Remove',
                      cell: (m: CaseTeamMember) => (
                        <Button
                          variant="warning"
                          className="button--small"
                          disabled={action.busy}
                          onClick={() => {
                            setRemoving(m);
                          }}
                        >
                          Remove<span className="visually-hidden"> {m.displayName}</span>
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        ))}
      {canManage && directory.resource.status === 'ready' && resource.status === 'ready' && (
        <Form onSubmit={add}>
          <SelectField
            name="userId"
            label="Add a member of staff"
            hint="They will open this pupil’s case record, chronology, plans and meetings."
            value={chosen}
            onValueChange={setChosen}
            error={form.errorFor('userId')}
            options={[
              { value: '', label: 'Choose a member of staff' },
              ...directory.resource.data.staff
                .filter((s) => !resource.data.members.some((m) => m.userId === s.userId))
                .map((s) => ({ value: s.userId, label: s.displayName })),
            ]}
          />
          <Button
            type="submit"
            variant="secondary"
            busy={action.running === 'add'}
            disabled={action.busy}
            busyText="Adding…"
          >
            Add to the case team
          </Button>
        </Form>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={removing === null ? 'Remove from the case team' : `Remove ${removing.displayName} from the case team?`}
        confirmText="Remove"
        busy={action.running === 'remove'}
        onCancel={() => {
          setRemoving(null);
        }}
        onConfirm={() => {
          if (removing !== null) void remove(removing);
        }}
      >
        <p>
          Unless one of their roles covers {pupilName} in another way, they will no longer open the case record. The
          change is recorded in the audit trail.
        </p>
      </ConfirmDialog>
    </section>
  );
}
