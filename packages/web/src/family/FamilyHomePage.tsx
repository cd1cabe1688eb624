/** A parent's or carer's home (/family): their children, and what is there for every family. */
import { PARENT_WORDS as W } from '@tandem/core';
import { FlashBanner, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { Link, useFlash } from '../router/router';
import { FamilySection } from './FamilySection';
import { childPage, familyServicesPage, familySettingsPage, partnershipPage, useFamilyMe } from './familyApi';
import './family.css';

export function FamilyHomePage() {
  const { resource, reload } = useFamilyMe();
  const flash = useFlash();
  if (resource.status !== 'ready') {
    return (
      <div className="family">
        {resourceFallback(resource, { title: W.homeTitle, caption: '', loading: W.loading, onRetry: reload })}
      </div>
    );
  }
  const { children, displayName } = resource.data;
  const schools = [...new Map(children.map((c) => [c.schoolId, c.schoolName])).entries()];
  return (
    <div className="family">
      <FlashBanner flash={flash} />
      <PageTitle caption={displayName}>{W.homeTitle}</PageTitle>
      {children.length === 0 ? (
        <p>{W.homeNone}</p>
      ) : (
        <>
          <p>{W.homeIntro}</p>
          <ul className="card-grid" aria-label={W.homeTitle}>
            {children.map((c) => (
              <li className="card" key={`${c.schoolId}/${c.pupilId}`}>
                <h2 className="card__title">
                  <Link to={childPage(c.schoolId, c.pupilId)} className="card__link">
                    {c.name}
                  </Link>
                </h2>
                <p className="card__description">
                  {W.childAt(c.schoolName)}, {c.yearLabel}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      <FamilySection title={W.moreHeading}>
        <ul className="family-items">
          {schools.map(([schoolId, schoolName]) => (
            <li key={`p-${schoolId}`} className="family-item">
              <p className="family-item__title">
                <Link to={partnershipPage(schoolId)}>{W.partnershipLink(schoolName)}</Link>
              </p>
              <p>{W.partnershipLinkHint}</p>
            </li>
          ))}
          {schools.map(([schoolId, schoolName]) => (
            <li key={`s-${schoolId}`} className="family-item">
              <p className="family-item__title">
                <Link to={familyServicesPage(schoolId)}>{W.servicesLink(schoolName)}</Link>
              </p>
              <p>{W.servicesLinkHint}</p>
            </li>
          ))}
          <li className="family-item">
            <p className="family-item__title">
              <Link to={familySettingsPage}>{W.settingsLink}</Link>
            </p>
            <p>{W.settingsLinkHint}</p>
          </li>
        </ul>
      </FamilySection>
    </div>
  );
}
