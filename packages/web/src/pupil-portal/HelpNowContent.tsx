/**
 * Who can help now: adults in school today (the duty DSLs and where to find them), the pupil's
 * trusted adult, the free national lines (call or text from the phone) and 999 in an emergency.
 * The national lines show straight away, even while (or if) the school's part cannot load.
 */
import { EMERGENCY_LINE, HELP_LINES, PUPIL_WORDS as W } from '@tandem/core';
import { useResource } from '../api/useResource';
import { Loading } from '../components/Page';
import { familySchoolApi, helpNowResponse } from '../family/familyApi';
import '../family/family.css';

export function HelpNowContent({
  schoolId,
  trustedAdultName,
  headingLevel = 2,
}: {
  schoolId: string;
  trustedAdultName: string | null;
  headingLevel?: 2 | 3;
}) {
  const { resource } = useResource(`${familySchoolApi(schoolId)}/help`, helpNowResponse);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      <p className="lead">{W.helpIntro}</p>
      <H className="heading-m">{W.helpInSchool}</H>
      {resource.status === 'loading' && <Loading what={W.helpLoading} />}
      {resource.status === 'error' && <p>{W.helpCouldNotLoad}</p>}
      {resource.status === 'ready' &&
        (resource.data.onDuty.length === 0 ? (
          <p>{W.helpNoOnDuty}</p>
        ) : (
          <>
            <p>{W.helpOnDuty}</p>
            <ul className="dsl-list list--plain">
              {resource.data.onDuty.map((p) => (
                <li key={p.name} className="dsl-list__item">
                  <strong className="dsl-list__name">{p.name}</strong>
                </li>
              ))}
            </ul>
            {resource.data.whereToFind !== '' && (
              <p>
                <strong>{W.helpWhere}:</strong> {resource.data.whereToFind}
              </p>
            )}
          </>
        ))}
      {trustedAdultName !== null && <p>{W.helpTrusted(trustedAdultName)}</p>}
      <HelpLines headingLevel={headingLevel} />
    </>
  );
}

/** The free national lines (call or text from the phone) and 999: these need no school, nor signing in. */
export function HelpLines({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      <H className="heading-m">{W.helpOutside}</H>
      <p>{W.helpOutsideIntro}</p>
      <ul className="help-lines">
        {HELP_LINES.map((l) => (
          <li key={l.name} className="help-line">
            <span className="help-line__name">{l.name}</span>
            <a href={l.href} className="help-line__call">
              {l.how}
            </a>
            <span className="help-line__detail">{l.detail}</span>
          </li>
        ))}
      </ul>
      <div className="help-emergency-box">
        <H className="heading-m">{W.helpEmergency}</H>
        <p>
          <a href={EMERGENCY_LINE.href} className="help-line__call">
            {EMERGENCY_LINE.how}
          </a>
        </p>
        <p>{EMERGENCY_LINE.detail}</p>
      </div>
    </>
  );
}
