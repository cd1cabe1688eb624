import { ROLE_LABELS, roleRequiresMfa, type StaffMember } from '@tandem/core';
import { Tag, TagList } from '../components/Page';

export function RoleTags({ member }: { member: StaffMember }) {
  if (member.roles.length === 0) return <span className="secondary-text">No roles</span>;
  return (
    <TagList>
      {member.roles.map((r) => (
        <li key={r}>
          <Tag tone="blue">{ROLE_LABELS[r]}</Tag>
        </li>
      ))}
    </TagList>
  );
}

export function AccountStatus({ member }: { member: StaffMember }) {
  return member.invitationPending ? <Tag tone="yellow">Invitation sent</Tag> : <Tag tone="green">Active</Tag>;
}

export function TwoFactorStatus({ member }: { member: StaffMember }) {
  if (member.mfaEnabled) return <Tag tone="green">Set up</Tag>;
  const needed = member.roles.some((r) => roleRequiresMfa(r));
  return needed ? <Tag tone="yellow">Not set up yet</Tag> : <Tag tone="grey">Not needed</Tag>;
}
