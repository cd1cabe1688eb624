/** On the record of a pupil whose case the reader does not hold: start an emergency CAMHS referral. */
import { Link } from '../router/router';
import { emergencyReferralPage } from './referralsApi';

export function EmergencyReferralLink({ schoolId, pupil }: { schoolId: string; pupil: { id: string; name: string } }) {
  return (
    <p className="emergency-referral-link">
      <Link to={emergencyReferralPage(schoolId, pupil.id)}>
        Emergency: start a CAMHS referral<span className="visually-hidden"> for {pupil.name}</span>
      </Link>
    </p>
  );
}
