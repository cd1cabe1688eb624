import { isStaffRole, ROLE_LABELS } from '@tandem/core';
import { schoolCan, useSchool, useSession } from '../auth/session';
import { NotFoundPage } from '../errors/ErrorPages';
import { firstName } from '../components/format';
import { greeting } from '../components/dates';
import { CardGrid, FlashBanner, HelpNow, InsetText, PageTitle, Tag, TagList, type CardItem } from '../components/Page';
import { wholeSchoolPage } from '../whole-school/paths';
import { Link, useFlash } from '../router/router';
import { mayReadPlans } from '../plans/plansApi';
import { PlanReviewsDue } from '../plans/PlanReviews';
import { MyWork } from './MyWork';
import { calendarFeedPage } from '../calendar/calendarApi';
import {
  concernsPage,
  dutyPage,
  logConcernPage,
  mayEditDuty,
  mayReadQueue,
  myConcernsPage,
} from '../concerns/concernsApi';

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
  if (mayReadQueue(school)) {
    cards.push({
      key: 'concerns',
      title: 'Concerns',
      to: concernsPage(school.id),
      description: schoolCan(school, 'safeguarding.read')
        ? 'The DSL queue and the Mental Health Lead queue: acknowledge, add actions, pass on and close with an outcome.'
        : schoolCan(school, 'concern.triage')
          ? 'Concerns logged by staff: acknowledge them, add actions, pass to the DSL and close with an outcome.'
          : 'Read the concerns staff have logged for the Mental Health Lead.',
    });
  }
  if (schoolCan(school, 'concern.log')) {
    cards.push({
      key: 'mine',
      title: 'Your concerns',
      to: myConcernsPage(school.id),
      description: 'The concerns you have logged, and where each one went.',
    });
  }
  if (schoolCan(school, 'pupil.readList')) {
    cards.push({
      key: 'pupils',
      title: 'Pupils',
      to: `${base}/pupils`,
      description: schoolCan(school, 'pupil.readCase')
        ? 'Find a pupil, see their level and history, change their level with evidence, write their plans and record meetings.'
        : 'Find a pupil by name, year group or form. For pupils you teach, see their level, what staff should do and any plan you have been given.',
    });
    cards.push({
      key: 'levels',
      title: 'Levels',
      to: `${base}/levels`,
      description: schoolCan(school, 'level.editFramework')
        ? 'The five mental health levels: what school and home do at each. Change the wording for your school.'
        : 'The five mental health levels, and what school and home do at each.',
    });
  }
  if (schoolCan(school, 'pupil.readList')) {
    cards.push({
      key: 'interventions',
      title: 'Interventions',
      to: `${base}/interventions`,
      description: schoolCan(school, 'intervention.manage')
        ? 'ELSA, groups and counselling: places, waiting lists, sessions, questionnaires and outcomes.'
        : 'The school’s interventions, the groups you run, their sessions and the questionnaires to ask.',
    });
  }
  if (schoolCan(school, 'pupil.readList')) {
    cards.push({
      key: 'services',
      title: 'Services directory',
      to: `${base}/services`,
      description: schoolCan(school, 'directory.manage')
        ? 'Local and national services by need and age: how to refer, and who can refer themselves. Keep the school’s own entries up to date.'
        : 'Local and national services that can help pupils, families and staff, by need and age, with how to refer.',
    });
  }
  if (schoolCan(school, 'staff.wholeSchool')) {
    cards.push({
      key: 'whole-school',
      title: 'Whole school',
      to: wholeSchoolPage(school.id),
      description: schoolCan(school, 'improvement.lead')
        ? 'The self-assessment and action plan, the resource library, the staff wellbeing survey, training and policies.'
        : 'The resource library, the staff wellbeing survey, your training and the policies to read.',
    });
  }
  if (schoolCan(school, 'pupil.import')) {
    cards.push({
      key: 'import',
      title: 'Import from your MIS',
      to: `${base}/import`,
      description: 'Bring in pupils, parents and carers, and teaching groups from a CSV file. Check before you save.',
    });
  }
  if (schoolCan(school, 'level.shareTermly')) {
    cards.push({
      key: 'share',
      title: 'Share levels',
      to: `${base}/share-levels`,
      description: 'Each term, download letters for parents and carers, and the staff briefing.',
    });
  }
  if (schoolCan(school, 'family.manage')) {
    cards.push({
      key: 'families',
      title: 'Parents and carers',
      to: `${base}/families`,
      description: schoolCan(school, 'family.restrict')
        ? 'Invite parents and carers to Tandem, see who has signed up, and stop access where a court order or the school says so.'
        : 'Invite parents and carers to Tandem and see who has signed up.',
    });
    cards.push({
      key: 'pupil-accounts',
      title: 'Pupil accounts',
      to: `${base}/pupil-accounts`,
      description: 'Make printable set-up codes so pupils can check in, ask to talk and find help.',
    });
  }
  if (schoolCan(school, 'family.settings')) {
    cards.push({
      key: 'portal-settings',
      title: 'Portal settings',
      to: `${base}/portal-settings`,
      description: 'The partnership statement for parents, risk words in check-ins, and how often pupils check in.',
    });
  }
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
  if (mayEditDuty(school)) {
    cards.push({
      key: 'duty',
      title: 'DSL duty rota',
      to: dutyPage(school.id),
      description: 'Who is on DSL duty each day, and where staff will find them.',
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

  cards.push({
    key: 'calendar-feed',
    title: 'Calendar feed',
    to: calendarFeedPage(school.id),
    description: 'See your Tandem meetings, reviews and next steps in Outlook or Google Calendar.',
  });

  const staffRoles = school.roles.filter(isStaffRole);
  return (
    <>
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name}>
        {greeting()}, {name}
      </PageTitle>
      {schoolCan(school, 'concern.log') && <MyWork school={school} />}
      {schoolCan(school, 'concern.log') && (
        <div className="home-log">
          <h2 className="heading-m home-log__title">Worried about a pupil?</h2>
          <p>Log a concern. It takes about a minute, on your phone or a computer.</p>
          <p>
            <Link to={logConcernPage(school.id)} className="button button--primary">
              Log a concern
            </Link>
          </p>
        </div>
      )}
      {mayReadPlans(school) && <PlanReviewsDue school={school} />}
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
      {cards.length === 0 && (
        <p>For now there is nothing you need to do. If you expected to see more, ask your school administrator.</p>
      )}
    </>
  );
}
