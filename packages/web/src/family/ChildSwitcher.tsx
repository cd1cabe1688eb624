/** Between a parent's children (in one or more schools): the one shown is marked in words too. */
import { PARENT_WORDS as W, type FamilyChildSummary } from '@tandem/core';
import { useId } from 'react';
import { Link } from '../router/router';
import { childPage } from './familyApi';

export function ChildSwitcher({
  childList,
  current,
}: {
  childList: FamilyChildSummary[];
  current: FamilyChildSummary;
}) {
  const labelId = useId();
  if (childList.length < 2) return null;
  const severalSchools = new Set(childList.map((c) => c.schoolId)).size > 1;
  return (
    <nav className="child-switcher" aria-labelledby={labelId}>
      <p className="label--small" id={labelId}>
        <strong>{W.switchLabel}</strong>
      </p>
      <ul className="child-switcher__list">
        {childList.map((c) => {
          const isCurrent = c.schoolId === current.schoolId && c.pupilId === current.pupilId;
          return (
            <li key={`${c.schoolId}/${c.pupilId}`}>
              <Link
                to={childPage(c.schoolId, c.pupilId)}
                className="child-switcher__link"
                aria-current={isCurrent ? 'page' : undefined}
              >
                <span>
                  {c.firstName}
                  {isCurrent && <span className="visually-hidden"> {W.switchCurrent}</span>}
                </span>
                {severalSchools && <span className="child-switcher__school">{c.schoolName}</span>}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
