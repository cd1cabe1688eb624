/**
 * The questionnaires (outcome measures) the school may use (/schools/:schoolId/measures): who they
 * suit, whose they are, their licence and whether a reliable-change figure is published. The SMHL
 * can build the school's own, and change it (a change is a new version).
 */
import { measureListSchema, type MeasureList } from '@tandem/core';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { BackLink, FlashBanner, Loading, PageTitle, Tag } from '../components/Page';
import { countOf } from '../components/format';
import { Table } from '../components/Table';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { interventionsPage } from '../interventions/interventionsApi';
import { Link, useFlash } from '../router/router';
import { editMeasurePage, measuresApi, newMeasurePage } from './questionnairesApi';

type MeasureRow = MeasureList['measures'][number];

export function MeasuresPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const flash = useFlash();
  const { resource, reload } = useResource(school === undefined ? null : measuresApi(schoolId), measureListSchema);
  if (school === undefined) return <NotFoundPage />;
  const canManage = resource.status === 'ready' && resource.data.canManage;

  return (
    <>
      <BackLink to={interventionsPage(school.id)}>Back to interventions</BackLink>
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name}>Questionnaires</PageTitle>
      <p className="lead">
        The questionnaires staff can ask before and after an intervention, or as a check, to see whether things change
        for a pupil.
      </p>
      {resource.status === 'loading' && <Loading what="Loading the questionnaires" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <>
          {resource.data.measures.length === 0 ? (
            <div className="empty-state">
              <p>No questionnaires are available to your school yet.</p>
            </div>
          ) : (
            <>
              <p className="count">{countOf(resource.data.measures.length, 'questionnaire')}</p>
              <Table
                caption="Questionnaires your school can use"
                captionHidden
                rows={resource.data.measures}
                rowKey={(m) => m.key}
                columns={[
                  {
                    key: 'name',
                    header: 'Name',
                    label: 'Name',
                    cell: (m) => (
                      <>
                        {m.name}
                        {!m.name.includes(m.shortName) && <span className="secondary-text"> ({m.shortName})</span>}
                      </>
                    ),
                  },
                  { key: 'ages', header: 'Ages', label: 'Ages', cell: (m) => m.ages },
                  {
                    key: 'whose',
                    header: 'Whose',
                    label: 'Whose',
                    cell: (m) =>
                      m.builtIn ? (
                        <Tag>Built in</Tag>
                      ) : (
                        <Tag tone="teal">{`Your school’s own (version ${String(m.version)})`}</Tag>
                      ),
                  },
                  { key: 'licence', header: 'Licence', label: 'Licence', cell: (m) => <Licence m={m} /> },
                  {
                    key: 'change',
                    header: 'Reliable change',
                    label: 'Reliable change',
                    cell: (m) =>
                      m.reliableChange ? 'Published figure used' : 'No published figure: band movement shown instead',
                  },
                  ...(canManage
                    ? [
                        {
                          key: 'edit',
                          header: <span className="visually-hidden">Change</span>,
                          label: 'Change',
                          cell: (m: MeasureRow) =>
                            m.builtIn ? (
                              <span className="secondary-text">Built in: cannot be changed</span>
                            ) : (
                              <Link to={editMeasurePage(school.id, m.key)}>
                                Change<span className="visually-hidden"> {m.name}</span>
                              </Link>
                            ),
                        },
                      ]
                    : []),
                ]}
              />
            </>
          )}
          {canManage && (
            <>
              <h2 className="heading-m">Your school’s own questionnaires</h2>
              <p>
                You can build a questionnaire of your own: its questions, the answers to choose from, and how it is
                scored. Make sure your school has the right to use its wording.
              </p>
              <p>
                <Link to={newMeasurePage(school.id)} className="button button--primary">
                  Build your own questionnaire
                </Link>
              </p>
            </>
          )}
        </>
      )}
    </>
  );
}

function Licence({ m }: { m: MeasureRow }) {
  return (
    <>
      <strong>{m.licenceName}</strong>
      {m.licenceNote !== '' && <span className="hint"> {m.licenceNote}</span>}
      {!m.itemTextShipped && (
        <span className="hint"> The questions’ words are not shown in Tandem: read them from your licensed copy.</span>
      )}
    </>
  );
}
