import { staffListResponse, type StaffMember } from '@tandem/core';
import { Email } from '../components/Email';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { countOf } from '../components/format';
import { FlashBanner, Loading, PageTitle } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash } from '../router/router';
import { staffPath } from './staffApi';
import { AccountStatus, RoleTags, TwoFactorStatus } from './StaffTags';

export function StaffListPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'school.manageStaff');
  const flash = useFlash();
  const { resource, reload } = useResource(allowed ? staffPath(schoolId) : null, staffListResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;

  const base = `/schools/${encodeURIComponent(school.id)}/staff`;
  return (
    <>
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name}>Staff and roles</PageTitle>
      <p>
        <Link to={`${base}/invite`} className="button button--primary">
          Invite a member of staff
        </Link>
      </p>
      {resource.status === 'loading' && <Loading what="Loading staff" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        (resource.data.staff.length === 0 ? (
          <div className="empty-state">
            <p>No staff have been added to {school.name} yet.</p>
            <p>Invite your first member of staff. They will get an email with a link to set up their account.</p>
          </div>
        ) : (
          <StaffTable staff={resource.data.staff} base={base} />
        ))}
    </>
  );
}

function StaffTable({ staff, base }: { staff: readonly StaffMember[]; base: string }) {
  const sorted = [...staff].sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
  const pending = staff.filter((s) => s.invitationPending).length;
  return (
    <>
      <p className="count">
        {countOf(staff.length, 'member of staff', 'staff')}
        {pending > 0 && <span className="secondary-text">, {countOf(pending, 'invitation')} not yet accepted</span>}
      </p>
      <Table
        caption="Staff and their roles"
        captionHidden
        rows={sorted}
        rowKey={(s) => s.userId}
        columns={[
          {
            key: 'name',
            header: 'Name',
            label: 'Name',
            nowrap: true,
            cell: (s) => <Link to={`${base}/${encodeURIComponent(s.userId)}`}>{s.displayName}</Link>,
          },
          {
            key: 'email',
            header: 'Email',
            label: 'Email',
            nowrap: true,
            cell: (s) => <Email address={s.email} />,
          },
          { key: 'roles', header: 'Roles', label: 'Roles', cell: (s) => <RoleTags member={s} /> },
          {
            key: 'status',
            header: 'Account',
            label: 'Account',
            nowrap: true,
            cell: (s) => <AccountStatus member={s} />,
          },
          {
            key: 'mfa',
            header: 'Two-factor sign-in',
            label: 'Two-factor sign-in',
            nowrap: true,
            cell: (s) => <TwoFactorStatus member={s} />,
          },
        ]}
      />
    </>
  );
}
