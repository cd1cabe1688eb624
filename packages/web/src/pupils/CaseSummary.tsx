/** The summary tab of a pupil's record: level, THRIVE group, characteristics, sharing, plans and meetings. */
import { CHARACTERISTIC_LABELS, SEND_STATUS_LABELS, THRIVE_LABELS } from '@tandem/core';
import type { ReactNode } from 'react';
import { schoolCan, type SessionSchool } from '../auth/session';
import { formatDate, formatRelative } from '../components/dates';
import { LevelBadge } from '../components/LevelBadge';
import { SummaryList, Tag, TagList } from '../components/Page';
import { PupilMeetingsSection } from '../meetings/PupilMeetings';
import { mayReadPlans } from '../plans/plansApi';
import { PupilPlansSection } from '../plans/PupilPlans';
import { Link } from '../router/router';
import { BulletList } from './LevelWording';
import { pupilFirstName, pupilName, pupilPage, type PupilCaseView } from './pupilsApi';

function characteristics(p: PupilCaseView['pupil']): string[] {
  const list: string[] = [];
  if (p.send === 'support') list.push(SEND_STATUS_LABELS.support);
  if (p.send === 'ehcp') list.push(CHARACTERISTIC_LABELS.ehcp);
  if (p.pupilPremium) list.push(CHARACTERISTIC_LABELS.pupil_premium);
  if (p.lookedAfter) list.push(CHARACTERISTIC_LABELS.looked_after);
  if (p.childInNeed) list.push(CHARACTERISTIC_LABELS.child_in_need);
  if (p.youngCarer) list.push(CHARACTERISTIC_LABELS.young_carer);
  if (p.eal) list.push(CHARACTERISTIC_LABELS.eal);
  return list;
}

export function Characteristics({ pupil }: { pupil: PupilCaseView['pupil'] }) {
  const list = characteristics(pupil);
  if (list.length === 0) return <span className="secondary-text">None recorded</span>;
  return (
    <TagList label="Characteristics">
      {list.map((c) => (
        <li key={c}>
          <Tag tone="blue">{c}</Tag>
        </li>
      ))}
    </TagList>
  );
}

function sharedText(at: string | null, none: string): ReactNode {
  if (at === null) return <span className="secondary-text">{none}</span>;
  return (
    <>
      <time dateTime={at}>{formatDate(at)}</time> <span className="secondary-text">({formatRelative(at)})</span>
    </>
  );
}

export function ChangeLevelLink({
  school,
  pupilId,
  primary,
}: {
  school: SessionSchool;
  pupilId: string;
  primary: boolean;
}) {
  if (!schoolCan(school, 'pupil.setLevel')) return null;
  return (
    <p>
      <Link
        to={`${pupilPage(school.id, pupilId)}/level`}
        className={primary ? 'button button--primary' : 'button button--secondary'}
      >
        Change level
      </Link>
    </p>
  );
}

export function CaseSummary({ school, data }: { school: SessionSchool; data: PupilCaseView }) {
  const p = data.pupil;
  const first = pupilFirstName(p);
  const def = data.level.definition;
  return (
    <>
      <SummaryList
        rows={[
          {
            key: 'level',
            label: 'Level',
            value: (
              <>
                <LevelBadge code={data.level.code} name={def?.name} />
                {data.level.since !== null && (
                  <span className="block secondary-text">Since {formatDate(data.level.since)}</span>
                )}
              </>
            ),
          },
          { key: 'thrive', label: 'THRIVE group', value: THRIVE_LABELS[data.level.thriveGroup] },
          { key: 'characteristics', label: 'Characteristics', value: <Characteristics pupil={p} /> },
          {
            key: 'parents',
            label: 'Level shared with parents',
            value: sharedText(data.lastSharedWithParents, 'Not shared with parents yet'),
          },
          {
            key: 'staff',
            label: 'Level shared with staff',
            value: sharedText(data.lastSharedWithStaff, 'Not shared with staff yet'),
          },
        ]}
      />
      <ChangeLevelLink school={school} pupilId={p.id} primary />
      {def === null ? (
        <p>{first} has the support every pupil has. Staff do not need to do anything extra.</p>
      ) : (
        <>
          <h3 className="heading-m">What staff should do</h3>
          <BulletList items={def.schoolToDo} empty="Nothing extra at this level." />
          <h3 className="heading-m">What home should do</h3>
          <BulletList items={def.homeToDo} empty="Nothing extra at this level." />
        </>
      )}
      {mayReadPlans(school) && (
        <>
          <PupilPlansSection school={school} pupil={{ id: p.id, name: pupilName(p), first }} />
          <PupilMeetingsSection school={school} pupil={{ id: p.id, name: pupilName(p), first }} />
        </>
      )}
    </>
  );
}
