/**
 * Support to suggest while a family waits for a referral: active directory entries a family can
 * reach themselves (self-referral, for pupils or parents), for the pupil's age, other than the
 * service referred to. One rule for the staff referral page and the parent portal.
 */
import type { ServiceRow } from './services.queries';

export const WHILE_YOU_WAIT_LIMIT = 6;

export function whileYouWaitFrom(
  directory: readonly ServiceRow[],
  o: { serviceId: string | null; age: number },
): ServiceRow[] {
  return directory
    .filter(
      (x) =>
        x.status === 'active' &&
        x.id !== o.serviceId &&
        x.details.selfReferral &&
        (x.details.audiences.includes('pupils') || x.details.audiences.includes('parents')) &&
        o.age >= x.details.ageFrom &&
        o.age <= x.details.ageTo,
    )
    .slice(0, WHILE_YOU_WAIT_LIMIT);
}

/** How a family gets in touch, in one line: the directory's own words, else the phone or text number. */
export function howToReach(d: ServiceRow['details']): string {
  if (d.howToRefer.trim() !== '') return d.howToRefer;
  if (d.phone.trim() !== '') return `Call ${d.phone}`;
  if (d.text.trim() !== '') return `Text ${d.text}`;
  return d.web.trim() !== '' ? 'See the website' : '';
}
