/**
 * The header's count of plans to read and confirm (a safeguarding control, so always in sight until
 * done). On wider screens it sits beside the alerts bell; on a phone, where the header bar is full,
 * it is a slim line under the bar, left out on the home page whose first section is the list itself.
 */
import { Link } from '../router/router';
import { toReadPlace } from './myWorkApi';
import './toReadInHeader.css';

function Count({ n }: { n: number }) {
  return (
    <span className="header__count">
      <span className="visually-hidden">: </span>
      {n}
      <span className="visually-hidden">&nbsp;{n === 1 ? 'plan' : 'plans'} to read and confirm</span>
    </span>
  );
}

/** Beside the bell, on screens wider than a phone. */
export function ToReadLink({ schoolId, count }: { schoolId: string; count: number }) {
  if (count === 0) return null;
  return (
    <Link to={toReadPlace(schoolId)} className="header__alerts header__toread">
      <svg className="header__bell" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M9 2h6a1 1 0 0 1 1 1v1h2a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h2V3a1 1 0 0 1 1-1Zm1 2v2h4V4h-4Zm5.3 6.3-4.3 4.3-2.3-2.3-1.4 1.4 3.7 3.7 5.7-5.7-1.4-1.4Z"
        />
      </svg>
      <span>To read</span>
      <Count n={count} />
    </Link>
  );
}

/** Under the header bar, on a phone. */
export function ToReadStrip({ schoolId, count, onHome }: { schoolId: string; count: number; onHome: boolean }) {
  if (count === 0 || onHome) return null;
  return (
    <div className="toread-strip">
      <div className="page-width">
        <Link to={toReadPlace(schoolId)} className="toread-strip__link">
          To read
          <Count n={count} />
        </Link>
      </div>
    </div>
  );
}
