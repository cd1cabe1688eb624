import {
  isStaffRole,
  okResponse,
  ROLE_LABELS,
  SCHOOL_STAFF_ROLES,
  staffMemberSchema,
  type SchoolStaffRole,
  type StaffMember,
} from '@tandem/core';
import { useState } from 'react';
import { z } from 'zod';
import { apiDelete, apiPost, enc, type ApiError } from '../api/client';
import { Email } from '../components/Email';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, useSession } from '../auth/session';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Button, ErrorSummary, Form, Radios } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { BackLink, Loading, NotificationBanner, PageTitle, SummaryList } from '../components/Page';
import { LoadError, NotFoundContent, NotFoundPage } from '../errors/ErrorPages';
import { STAFF_ROLE_OPTIONS } from './InviteStaffPage';
import { ROLE_ACCESS, ROLE_HINTS } from './roleHints';
import { memberPath, memberRolesPath, resendPath } from './staffApi';
import { useNavigate } from '../router/router';
import { AccountStatus, TwoFactorStatus } from './StaffTags';
import { RoleScopes } from './RoleScopes';

/** Removing a role answers with the member, or null once they have no role left in the school. */
const revokeResponse = z.union([
  z.object({ member: staffMemberSchema.nullable() }),
  staffMemberSchema.transform((member) => ({ member })),
]);

export function StaffMemberPage({ schoolId, userId }: { schoolId: string; userId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'school.manageStaff');
  const { resource, reload, setData } = useResource(allowed ? memberPath(schoolId, userId) : null, staffMemberSchema);
  if (school === undefined || !allowed) return <NotFoundPage />;
  const listPath = `/schools/${encodeURIComponent(school.id)}/staff`;

  return (
    <>
      <BackLink to={listPath}>Back to staff and roles</BackLink>
      {resource.status === 'loading' && (
        <>
          <PageTitle caption={school.name}>Member of staff</PageTitle>
          <Loading />
        </>
      )}
      {resource.status === 'error' &&
        (resource.error.code === 'not_found' ? (
          <>
            <PageTitle>Page not found</PageTitle>
            <NotFoundContent />
          </>
        ) : (
          <>
            <PageTitle caption={school.name}>Member of staff</PageTitle>
            <LoadError error={resource.error} onRetry={reload} />
          </>
        ))}
      {resource.status === 'ready' && (
        <MemberDetail
          key={resource.data.userId}
          schoolId={school.id}
          schoolName={school.name}
          listPath={listPath}
          member={resource.data}
          onChange={setData}
        />
      )}
    </>
  );
}

type Message = { kind: 'success'; title: string; at: number } | null;

function MemberDetail({
  schoolId,
  schoolName,
  listPath,
  member,
  onChange,
}: {
  schoolId: string;
  schoolName: string;
  listPath: string;
  member: StaffMember;
  onChange: (member: StaffMember) => void;
}) {
  const { session, refresh } = useSession();
  const navigate = useNavigate();
  const isMe = session.user?.id === member.userId;
  const [message, setMessage] = useState<Message>(null);
  const [removing, setRemoving] = useState<SchoolStaffRole | null>(null);
  const [newRole, setNewRole] = useState('');
  const form = useFormErrors(['role']);
  const action = useAction<'remove' | 'add' | 'resend'>(form);
  // A refusal replaces any earlier success banner with the error summary.
  const refused = (error: ApiError) => {
    setMessage(null);
    form.fromApi(error);
  };

  const staffRoles = member.roles.filter(isStaffRole);
  const available = STAFF_ROLE_OPTIONS.filter((o) => !member.roles.some((r) => r === o.value));

  const afterOwnChange = () => {
    if (isMe) refresh().catch(() => undefined);
  };

  const remove = async (role: SchoolStaffRole) => {
    await action.runAs(
      'remove',
      async () => {
        const result = await apiDelete(`${memberRolesPath(schoolId, member.userId)}/${enc(role)}`, revokeResponse);
        setRemoving(null);
        form.clear();
        if (result.member === null) {
          afterOwnChange();
          navigate(listPath, {
            flash: {
              kind: 'success',
              title: `${ROLE_LABELS[role]} role removed from ${member.displayName}.`,
              text: `${member.displayName} no longer has any role at ${schoolName}.`,
            },
          });
          return;
        }
        onChange(result.member);
        setMessage({
          kind: 'success',
          title: `${ROLE_LABELS[role]} role removed from ${member.displayName}.`,
          at: Date.now(),
        });
        afterOwnChange();
      },
      {
        onRefused: (error) => {
          setRemoving(null);
          refused(error);
        },
      },
    );
  };

  const add = async () => {
    const role = SCHOOL_STAFF_ROLES.find((r) => r === newRole);
    if (role === undefined) {
      form.fromFields([{ path: 'role', message: 'Choose a role to give' }]);
      return;
    }
    await action.runAs(
      'add',
      async () => {
        const updated = await apiPost(memberRolesPath(schoolId, member.userId), { role }, staffMemberSchema);
        form.clear();
        setNewRole('');
        onChange(updated);
        setMessage({
          kind: 'success',
          title: `${member.displayName} now has the role ${ROLE_LABELS[role]}.`,
          at: Date.now(),
        });
        afterOwnChange();
      },
      { onRefused: refused },
    );
  };

  const resend = async () => {
    await action.runAs(
      'resend',
      async () => {
        await apiPost(resendPath(schoolId, member.userId), {}, okResponse);
        form.clear();
        setMessage({ kind: 'success', title: `Invitation sent again to ${member.email}.`, at: Date.now() });
      },
      { onRefused: refused },
    );
  };

  const lastRole = staffRoles.length === 1;

  return (
    <>
      {message !== null && <NotificationBanner key={message.at} kind="success" title={message.title} />}
      <ErrorSummary errors={form.errors} />
      <PageTitle caption={schoolName}>{member.displayName}</PageTitle>
      <SummaryList
        rows={[
          { key: 'email', label: 'Email', value: <Email address={member.email} /> },
          { key: 'account', label: 'Account', value: <AccountStatus member={member} /> },
          { key: 'mfa', label: 'Two-factor sign-in', value: <TwoFactorStatus member={member} /> },
        ]}
      />
      {member.invitationPending && (
        <div className="section">
          <p>{member.displayName} has not set up their account yet. The link in their invitation may have expired.</p>
          <Button
            variant="secondary"
            busy={action.running === 'resend'}
            disabled={action.busy}
            busyText="Sending…"
            onClick={() => void resend()}
          >
            Send the invitation again
          </Button>
        </div>
      )}

      <h2 className="heading-l">Roles at {schoolName}</h2>
      {staffRoles.length === 0 ? (
        <p>{member.displayName} has no staff roles at this school.</p>
      ) : (
        <ul className="role-list">
          {staffRoles.map((role) => (
            <li key={role} className="role-list__item">
              <div className="role-list__text">
                <h3 className="heading-s role-list__name">{ROLE_LABELS[role]}</h3>
                <p className="hint">{ROLE_HINTS[role]}</p>
              </div>
              <Button
                variant="warning"
                className="button--small"
                disabled={action.busy}
                onClick={() => {
                  setRemoving(role);
                }}
              >
                Remove<span className="visually-hidden"> the role {ROLE_LABELS[role]}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}

      <RoleScopes key={staffRoles.join()} schoolId={schoolId} userId={member.userId} displayName={member.displayName} />

      {available.length > 0 && (
        <Form onSubmit={add} className="section">
          <Radios
            name="role"
            legend={<span className="heading-m">Give another role</span>}
            options={available}
            value={newRole}
            onValueChange={setNewRole}
            error={form.errorFor('role')}
          />
          <Button type="submit" busy={action.running === 'add'} disabled={action.busy} busyText="Saving…">
            Give role
          </Button>
        </Form>
      )}

      <ConfirmDialog
        open={removing !== null}
        title={
          removing === null
            ? 'Remove role'
            : `Remove the role ${ROLE_LABELS[removing]} from ${isMe ? 'yourself' : member.displayName}?`
        }
        confirmText="Remove role"
        busy={action.running === 'remove'}
        onCancel={() => {
          setRemoving(null);
        }}
        onConfirm={() => {
          if (removing !== null) void remove(removing);
        }}
      >
        {removing !== null && (
          <>
            <p>
              {isMe ? 'You' : 'They'} will lose access to {ROLE_ACCESS[removing]} straight away
              {staffRoles.length > 1 ? `, unless another of ${isMe ? 'your' : 'their'} roles also allows it` : ''}.
            </p>
            {lastRole && (
              <p>
                This is {isMe ? 'your' : 'their'} only role at {schoolName}, so {isMe ? 'you' : 'they'} will no longer
                be able to use Tandem for this school.
              </p>
            )}
          </>
        )}
      </ConfirmDialog>
    </>
  );
}
