/** What staff without a case role see of a pupil: the basic record, or the staff summary of their level. */
import { yearGroupLabel } from '@tandem/core';
import type { SessionSchool } from '../auth/session';
import { LevelBadge } from '../components/LevelBadge';
import { formatIsoDay } from '../components/dates';
import { InsetText, PageTitle, SummaryList } from '../components/Page';
import { SharedPlans } from '../plans/PupilPlans';
import { BulletList } from './LevelWording';
import { pupilFirstName, pupilName, yearAndForm, type PupilBasicView, type PupilSummaryView } from './pupilsApi';

export function BasicRecord({ school, data }: { school: SessionSchool; data: PupilBasicView }) {
  const p = data.pupil;
  return (
    <>
      <PageTitle caption={yearAndForm(p)}>{pupilName(p)}</PageTitle>
      <SummaryList
        rows={[
          { key: 'year', label: 'Year group', value: yearGroupLabel(p.yearGroup) },
          { key: 'form', label: 'Form', value: p.form === '' ? 'None recorded' : p.form },
        ]}
      />
      <SharedPlans school={school} pupil={{ name: pupilName(p), first: pupilFirstName(p) }} plans={data.sharedPlans} />
      <InsetText>
        <p>
          You can see more about a pupil, such as the support they have and what staff should do, if you teach them.
          {` ${pupilFirstName(p)} is not in any of your classes or groups at ${school.name}.`}
        </p>
      </InsetText>
    </>
  );
}

export function SummaryRecord({ school, data }: { school: SessionSchool; data: PupilSummaryView }) {
  const p = data.pupil;
  const first = pupilFirstName(p);
  return (
    <>
      <PageTitle caption={yearAndForm(p)}>{pupilName(p)}</PageTitle>
      <p className="lead">The staff summary for {first}, shared with the staff who teach them.</p>
      <SharedPlans school={school} pupil={{ name: pupilName(p), first }} plans={data.sharedPlans} />
      {data.reducedTimetable !== null && (
        <>
          <h2 className="heading-m">Reduced timetable</h2>
          <p>
            {first} is on a reduced timetable from {formatIsoDay(data.reducedTimetable.startOn)} to{' '}
            {formatIsoDay(data.reducedTimetable.endOn)}: {data.reducedTimetable.hours} (
            {String(data.reducedTimetable.sessionsPerWeek)} of 10 sessions a week). Sessions missed are recorded with
            attendance code C2.
          </p>
        </>
      )}
      <h2 className="heading-m">Level</h2>
      <p>
        <LevelBadge code={data.level.code} name={data.level.name} />
      </p>
      {data.level.code === null ? (
        <p>
          {first} has the support every pupil has. There is nothing extra you need to do. If that changes, the Mental
          Health Lead will let you know.
        </p>
      ) : (
        <>
          <h2 className="heading-m">What staff should do</h2>
          <BulletList items={data.level.schoolToDo} empty="Nothing extra at this level." />
          <h2 className="heading-m">What school provides at this level</h2>
          <BulletList items={data.level.schoolProvides} empty="The support every pupil has." />
        </>
      )}
      <InsetText>
        <p>
          Reasons, evidence and history are kept by the Mental Health Lead and the pastoral team. If you notice a change
          in {first}, tell them today.
        </p>
      </InsetText>
    </>
  );
}
