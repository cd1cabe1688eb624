/** The "Help now" button at the top of every pupil page. */
import { PUPIL_WORDS as W } from '@tandem/core';
import { Link } from '../router/router';
import { pupilHelpPage } from '../family/familyApi';
import '../family/family.css';

export function HelpNowLink() {
  return (
    <p className="help-now-bar">
      <Link to={pupilHelpPage} className="help-now-button">
        <span className="help-now-button__icon" aria-hidden="true">
          ♥
        </span>
        {W.helpButton}
      </Link>
    </p>
  );
}
