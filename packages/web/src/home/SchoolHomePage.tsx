import { isStaffRole, ROLE_LABELS } from '@tandem/core';
import { schoolCan, useSchool, useSession } from '../auth/session';
import { NotFoundPage } from '../errors/ErrorPages';
import { firstName } from '../components/format';
import { greeting } from '../components/dates';
import { CardGrid, FlashBanner, HelpNow, InsetText, PageTitle, Tag, TagList, type CardItem } from '../components/Page';
import { useFlash } from '../router/router';

export function SchoolHomePage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const { session } = useSession();
  const flash = useFlash();
  if (school === undefined || session.user === null) return <NotFoundPage />;

  const name = firstName(session.user.displayName);
  const isStaff = school.roles.some(isStaffRole);
  const base = `/schools/${encodeURIComponent(school.id)}`;

  if (!isStaff && school.roles.includes('pupil')) {
    return (
      <>
        <FlashBanner flash={flash} />
        <PageTitle>Hello, {name}</PageTitle>
        <p className="lead">This is your space in Tandem, from {school.name}.</p>
        <p>Soon you will be able to see your own support plan here, in words that make sense to you.</p>
        <HelpNow />
      </>
    );
  }

  if (!isStaff && school.roles.includes('parent')) {
    return (
      <>
        <FlashBanner flash={flash} />
        <PageTitle>Hello, {name}</PageTitle>
        <p className="lead">This is where {school.name} will share how they are supporting your child.</p>
        <p>Your child&rsquo;s support plan and how to contact school will appear here.</p>
        <p>If you are worried about your child now, please contact the school office.</p>
        <InsetText>
          If your child is in danger or needs urgent medical help, call <a href="tel:999">999</a>.
        </InsetText>
      </>
    );
  }

  const cards: CardItem[] = [];
  if (schoolCan(school, 'school.manageStaff')) {
    cards.push({
      key: 'staff',
      title: 'Staff and roles',
      to: `${base}/staff`,
      description: 'Invite staff, give or remove roles, and see who has set up two-factor sign-in.',
    });
  }
  if (schoolCan(school, 'school.viewAudit')) {
    cards.push({
      key: 'audit',
      title: 'Audit trail',
      to: `${base}/audit`,
      description: 'See who did what in Tandem and when, and download it as a spreadsheet.',
    });
  }
  if (schoolCan(school, 'school.manageStaff')) {
    cards.push({
      key: 'settings',
      title: 'School settings',
      to: `${base}/settings`,
      description: 'Change the letterhead on letters and how long staff stay signed in when inactive.',
    });
  }

  const staffRoles = school.roles.filter(isStaffRole);
  return (
    <>
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name}>
        {greeting()}, {name}
      </PageTitle>
      <h2 className="heading-s">
        Your {staffRoles.length === 1 ? 'role' : 'roles'} at {school.name}
      </h2>
      <TagList label="Your roles">
        {staffRoles.map((r) => (
          <li key={r}>
            <Tag tone="blue">{ROLE_LABELS[r]}</Tag>
          </li>
        ))}
      </TagList>
      {cards.length > 0 && (
        <>
          <h2 className="heading-m">What you can do</h2>
          <CardGrid items={cards} label="What you can do" />
        </>
      )}
      <h2 className="heading-m">Coming to Tandem</h2>
      <p>
        Tandem is being set up in stages. Pupil records, concerns, support levels and plans are not available yet. They
        will appear on this page when they are ready.
      </p>
      {cards.length === 0 && (
        <p>For now there is nothing you need to do. If you expected to see more, ask your school administrator.</p>
      )}
    </>
  );
}
