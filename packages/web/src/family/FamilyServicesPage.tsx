/** "Services that can help": the school's directory, filtered to families. */
import { PARENT_WORDS as W } from '@tandem/core';
import { useResource } from '../api/useResource';
import { BackLink, PageTitle, SummaryList } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { familyHomePage, familySchoolApi, servicesResponse, useFamilyMe } from './familyApi';
import './family.css';

export function FamilyServicesPage({ schoolId }: { schoolId: string }) {
  const { resource, reload } = useResource(`${familySchoolApi(schoolId)}/services`, servicesResponse);
  const me = useFamilyMe().resource;
  const schoolName =
    me.status === 'ready' ? (me.data.children.find((c) => c.schoolId === schoolId)?.schoolName ?? '') : '';
  const back = { to: familyHomePage, text: W.homeTitle };
  if (resource.status !== 'ready') {
    return (
      <div className="family">
        {resourceFallback(resource, {
          title: W.servicesTitle,
          caption: schoolName,
          loading: W.loading,
          back,
          onRetry: reload,
        })}
      </div>
    );
  }
  const { services } = resource.data;
  return (
    <div className="family">
      <BackLink to={back.to}>{back.text}</BackLink>
      <PageTitle caption={schoolName === '' ? undefined : schoolName}>{W.servicesTitle}</PageTitle>
      {services.length === 0 ? (
        <p>{W.servicesNone}</p>
      ) : (
        <>
          <p className="lead">{W.servicesIntro}</p>
          <ul className="family-items">
            {services.map((s) => (
              <li className="family-item" key={s.id}>
                <h2 className="family-item__title">{s.name}</h2>
                <p className="pre-line">{s.description}</p>
                <SummaryList
                  rows={[
                    ...(s.phone !== ''
                      ? [
                          {
                            key: 'phone',
                            label: W.servicePhone,
                            value: <a href={`tel:${s.phone.replace(/[^\d+]/g, '')}`}>{s.phone}</a>,
                          },
                        ]
                      : []),
                    ...(s.url !== null
                      ? [
                          {
                            key: 'url',
                            label: W.serviceWebsite,
                            value: (
                              <a href={s.url} rel="noopener noreferrer" target="_blank">
                                {W.serviceWebsiteLink(s.name)}
                              </a>
                            ),
                          },
                        ]
                      : []),
                    ...(s.openingHours !== '' ? [{ key: 'hours', label: W.serviceHours, value: s.openingHours }] : []),
                    {
                      key: 'how',
                      label: W.serviceHow,
                      value: (
                        <>
                          <p>{s.selfReferral ? W.serviceSelf : W.serviceNotSelf}</p>
                          {s.howToRefer !== '' && <p className="pre-line">{s.howToRefer}</p>}
                        </>
                      ),
                    },
                  ]}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
