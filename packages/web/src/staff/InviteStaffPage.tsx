import { inviteStaffBody, ROLE_LABELS, roleRequiresMfa, SCHOOL_STAFF_ROLES, staffMemberSchema } from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { schoolCan, useSchool } from '../auth/session';
import { Button, ButtonGroup, Checkboxes, ErrorSummary, Form, TextField, type Option } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { BackLink, PageTitle } from '../components/Page';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useNavigate } from '../router/router';
import { ROLE_HINTS } from './roleHints';
import { staffPath } from './staffApi';

const FIELDS = ['displayName', 'email', 'roles'] as const;

export const STAFF_ROLE_OPTIONS: readonly Option[] = SCHOOL_STAFF_ROLES.map((role) => ({
  value: role,
  label: ROLE_LABELS[role],
  hint: (
    <>
      {ROLE_HINTS[role]}
      {roleRequiresMfa(role) && <span className="hint__extra"> Needs two-factor sign-in.</span>}
    </>
  ),
}));

export function InviteStaffPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const navigate = useNavigate();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const form = useFormErrors(FIELDS);
  const action = useAction(form);

  if (school === undefined || !schoolCan(school, 'school.manageStaff')) return <NotFoundPage />;
  const listPath = `/schools/${encodeURIComponent(school.id)}/staff`;

  const submit = async () => {
    const parsed = inviteStaffBody.safeParse({ displayName, email, roles });
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    await action.run(
      async () => {
        const member = await apiPost(staffPath(school.id), parsed.data, staffMemberSchema);
        navigate(listPath, {
          flash: member.invitationPending
            ? {
                kind: 'success',
                title: `Invitation sent to ${member.displayName}.`,
                text: `We have emailed ${member.email} a link to set up their account.`,
              }
            : {
                kind: 'success',
                title: `${member.displayName} has been added.`,
                text: 'They already have a Tandem account, so they can sign in and use their new roles straight away.',
              },
        });
      },
      { stayBusy: true },
    );
  };

  return (
    <div className="narrow">
      <BackLink to={listPath}>Back to staff and roles</BackLink>
      <ErrorSummary errors={form.errors} />
      <PageTitle caption={school.name}>Invite a member of staff</PageTitle>
      <p>We will email them a link to choose a password and set up their account.</p>
      <Form onSubmit={submit}>
        <TextField
          name="displayName"
          label="Full name"
          hint="As colleagues know them, for example Sam Patel."
          autoComplete="off"
          spellCheck={false}
          value={displayName}
          onValueChange={setDisplayName}
          error={form.errorFor('displayName')}
        />
        <TextField
          name="email"
          label="Work email address"
          type="email"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          value={email}
          onValueChange={setEmail}
          error={form.errorFor('email')}
        />
        <Checkboxes
          name="roles"
          legend="Roles"
          hint="Choose all that apply. People with a role marked ‘Needs two-factor sign-in’ can see sensitive information, so they must set up an authenticator app on their phone when they first sign in."
          options={STAFF_ROLE_OPTIONS}
          values={roles}
          onValuesChange={setRoles}
          error={form.errorFor('roles')}
        />
        <ButtonGroup>
          <Button type="submit" busy={action.busy} busyText="Sending invitation…">
            Send invitation
          </Button>
          <Link to={listPath} className="link-cancel">
            Cancel
          </Link>
        </ButtonGroup>
      </Form>
    </div>
  );
}
