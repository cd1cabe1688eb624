/**
 * The waiting list, in the one stated order, with each pupil's expected start (an estimate). The
 * Senior Mental Health Lead gives places, moves pupils and takes them off the list from here.
 */
import { REQUEST_SOURCE_LABELS, WAITING_ORDER_RULE } from '@tandem/core';
import { formatDate, formatIsoDay } from '../components/dates';
import { countOf } from '../components/format';
import { LevelBadge } from '../components/LevelBadge';
import { InsetText } from '../components/Page';
import { yearForm } from './InPlaces';
import { rowOpen, rowPanel, type Detail, type SectionProps, type WaitingPlace } from './interventionsApi';
import { RowActions, type RowAction } from './RowActions';
import { GivePlaceForm, MoveForm, WithdrawForm } from './WaitingForms';

function ExpectedStart({ place, data }: { place: WaitingPlace; data: Detail }) {
  if (place.expectedStart !== null) {
    return (
      <>
        Expected start: <time dateTime={place.expectedStart}>{formatIsoDay(place.expectedStart)}</time>{' '}
        <span className="secondary-text">(an estimate)</span>
      </>
    );
  }
  const status = data.intervention.status;
  return (
    <span className="secondary-text">
      {status === 'paused'
        ? 'No estimate while paused'
        : status === 'retired'
          ? 'No estimate: the intervention is retired'
          : 'No estimate yet'}
    </span>
  );
}

export function WaitingList({
  school,
  data,
  onDone,
  onStale,
  panel,
  onPanel,
}: SectionProps & {
  /** The list changed on the server: load it again. */
  onStale: () => void;
}) {
  const i = data.intervention;
  const full = i.inCount >= i.places;
  const waiting = [...data.waiting].sort((a, b) => a.position - b.position);
  const close = () => {
    onPanel(null);
  };

  const actionsFor = (p: WaitingPlace): RowAction[] => {
    if (!data.canManage) return [];
    const common = { schoolId: school.id, interventionId: i.id, place: p, onDone, onCancel: close };
    const actions: RowAction[] = [];
    if (!full)
      actions.push({
        key: 'give',
        label: 'Give a place',
        form: <GivePlaceForm {...common} sessionDay={i.sessionDay} />,
      });
    if (waiting.length > 1) {
      actions.push({
        key: 'move',
        label: 'Move',
        form: <MoveForm {...common} count={waiting.length} order={data.waitingOrder} onStale={onStale} />,
      });
    }
    actions.push({ key: 'withdraw', label: 'Take off the list', form: <WithdrawForm {...common} /> });
    return actions;
  };

  return (
    <section aria-labelledby="waiting-title" className="intervention-section">
      <h2 className="heading-l" id="waiting-title">
        Waiting list
      </h2>
      <p>{WAITING_ORDER_RULE}</p>
      <p className="secondary-text">
        Expected start dates are estimates: one session a week, from the places and the sessions still to run, with no
        allowance for holidays.
      </p>
      {waiting.length === 0 ? (
        <p className="empty-state">
          No one is waiting. {data.canRequest ? 'Ask for a place below for a pupil who would benefit.' : ''}
        </p>
      ) : (
        <>
          <p className="count">{countOf(waiting.length, 'pupil')} waiting</p>
          {data.canManage && full && (
            <InsetText>
              <p>
                {i.places === 1
                  ? 'Its one place is'
                  : i.places === 2
                    ? 'Both places are'
                    : `All ${String(i.places)} places are`}{' '}
                taken. You can give a place when someone in the intervention finishes or leaves.
              </p>
            </InsetText>
          )}
          <ol className="place-list" aria-label="Pupils waiting, first first">
            {waiting.map((p) => (
              <li key={p.placeId} className="place-list__item">
                <h3 className="heading-s place-list__name">
                  <span className="place-list__position">
                    <span className="visually-hidden">Position </span>
                    {p.position}
                    <span aria-hidden="true">.</span>
                  </span>{' '}
                  {p.name}
                </h3>
                <p className="place-list__meta">
                  {yearForm(p)} <LevelBadge code={p.level} />
                </p>
                <ul className="list list--plain place-list__facts">
                  <li>
                    Asked for {formatDate(p.requestedAt)} by {p.requestedByName}
                    {p.source === 'parent' && ` (${REQUEST_SOURCE_LABELS.parent.toLowerCase()})`}
                  </li>
                  <li className="pre-line">Why: {p.reason}</li>
                  {p.movedReason !== null && <li className="pre-line">Moved by the lead: {p.movedReason}</li>}
                  <li>
                    <ExpectedStart place={p} data={data} />
                  </li>
                </ul>
                <RowActions
                  rowId={p.placeId}
                  about={`for ${p.name}`}
                  open={rowOpen(panel, p.placeId)}
                  onOpen={(key) => {
                    onPanel(key === null ? null : rowPanel(p.placeId, key));
                  }}
                  actions={actionsFor(p)}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
