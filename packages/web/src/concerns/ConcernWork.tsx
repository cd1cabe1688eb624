/**
 * "What to do next" on a concern, for those who may work it: each piece of work opens its form in
 * place, one at a time, and only what the server would allow is offered.
 */
import { parentsMayBeInformed, pupilMayTellParentsFirst } from '@tandem/core';
import { schoolCan, type SessionSchool } from '../auth/session';
import { formatDateTime } from '../components/dates';
import { Button } from '../components/Form';
import { WorkItem } from '../components/WorkItem';
import { pupilPage } from '../pupils/pupilsApi';
import { Link } from '../router/router';
import { toldHowWords, type ConcernChanged, type ConcernFull } from './concernsApi';
import { MAX_FILE_SIZE_WORDS } from './files';
import {
  AddActionForm,
  AddAddendumForm,
  AttachFilesForm,
  CloseForm,
  CorrectionForm,
  EscalateForm,
  ParentsToldForm,
  RestrictForm,
} from './WorkForms';

export type WorkPanel = 'action' | 'addendum' | 'escalate' | 'restrict' | 'close' | 'parents' | 'correct' | 'files';

export function ConcernWork({
  school,
  concern: c,
  panel,
  onPanel,
  onDone,
  pupilWillTellBusy,
  onPupilWillTell,
}: {
  school: SessionSchool;
  concern: ConcernFull;
  /** The piece of work whose form is open, if any. */
  panel: WorkPanel | null;
  onPanel: (panel: WorkPanel | null) => void;
  onDone: ConcernChanged;
  pupilWillTellBusy: boolean;
  onPupilWillTell: () => void;
}) {
  const closed = c.status === 'closed';
  return (
    <section className="work" aria-labelledby="work-title">
      <h2 className="heading-l" id="work-title">
        What to do next
      </h2>
      {closed && (
        <p>
          This concern is closed. You can still add to it
          {parentsMayBeInformed(c) && c.parentsStatus !== 'told'
            ? ', correct it and record telling parents.'
            : ' and correct it.'}
        </p>
      )}
      <ul className="work__list">
        {!closed && (
          <WorkItem
            label="Add an action"
            hint="Something to do, with who will do it and by when."
            open={panel === 'action'}
            onToggle={() => {
              onPanel(panel === 'action' ? null : 'action');
            }}
          >
            <AddActionForm
              school={school}
              concern={c}
              onDone={onDone}
              onCancel={() => {
                onPanel(null);
              }}
            />
          </WorkItem>
        )}
        <WorkItem
          label="Add to this record"
          hint="Something you have learned since. The original record is never changed."
          open={panel === 'addendum'}
          onToggle={() => {
            onPanel(panel === 'addendum' ? null : 'addendum');
          }}
        >
          <AddAddendumForm
            school={school}
            concernId={c.id}
            onDone={onDone}
            onCancel={() => {
              onPanel(null);
            }}
          />
        </WorkItem>
        {!closed && c.route !== 'dsl' && (
          <WorkItem
            label="Pass to the DSL"
            hint="If this may be a safeguarding matter. The DSL team is alerted at once."
            open={panel === 'escalate'}
            onToggle={() => {
              onPanel(panel === 'escalate' ? null : 'escalate');
            }}
          >
            <EscalateForm
              school={school}
              concernId={c.id}
              onDone={onDone}
              onCancel={() => {
                onPanel(null);
              }}
            />
          </WorkItem>
        )}
        {c.canMoveToRestricted && (
          <WorkItem
            label="Move to the safeguarding record"
            hint="Only the DSL team will be able to see it from then on. Parents will not be told by school."
            open={panel === 'restrict'}
            onToggle={() => {
              onPanel(panel === 'restrict' ? null : 'restrict');
            }}
          >
            <RestrictForm
              school={school}
              concernId={c.id}
              onDone={onDone}
              onCancel={() => {
                onPanel(null);
              }}
            />
          </WorkItem>
        )}
        <ParentsWork
          school={school}
          concern={c}
          open={panel === 'parents'}
          onToggle={() => {
            onPanel(panel === 'parents' ? null : 'parents');
          }}
          onDone={onDone}
          busy={pupilWillTellBusy}
          onPupilWillTell={onPupilWillTell}
        />
        {schoolCan(school, 'pupil.setLevel') && (
          <li className="work__item">
            <h3 className="heading-s work__title">Change level</h3>
            <p className="hint">Change a pupil&rsquo;s level, with this concern as the evidence.</p>
            <ul className="link-list">
              {c.pupils.map((p) => (
                <li key={p.id}>
                  <Link to={`${pupilPage(school.id, p.id)}/level?concern=${encodeURIComponent(c.id)}`}>
                    Change {p.name}&rsquo;s level
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        )}
        <WorkItem
          label="Attach photos or documents"
          hint={`Photos or PDF documents, up to ${MAX_FILE_SIZE_WORDS} each.`}
          open={panel === 'files'}
          onToggle={() => {
            onPanel(panel === 'files' ? null : 'files');
          }}
        >
          <AttachFilesForm
            school={school}
            concernId={c.id}
            onDone={onDone}
            onCancel={() => {
              onPanel(null);
            }}
          />
        </WorkItem>
        <WorkItem
          label="Correct the date, pupils or category"
          hint="Each correction is kept with the old value and your reason."
          open={panel === 'correct'}
          onToggle={() => {
            onPanel(panel === 'correct' ? null : 'correct');
          }}
        >
          <CorrectionForm
            school={school}
            concern={c}
            onDone={onDone}
            onCancel={() => {
              onPanel(null);
            }}
          />
        </WorkItem>
        {!closed && (
          <WorkItem
            label="Close with an outcome"
            hint="When nothing more needs doing on this concern."
            open={panel === 'close'}
            onToggle={() => {
              onPanel(panel === 'close' ? null : 'close');
            }}
          >
            <CloseForm
              school={school}
              concernId={c.id}
              openActions={c.actions.filter(
                (a) => a.completedAt === null && a.droppedAt === null && a.carriedAt === null,
              )}
              onDone={onDone}
              onCancel={() => {
                onPanel(null);
              }}
            />
          </WorkItem>
        )}
      </ul>
    </section>
  );
}

function ParentsWork({
  school,
  concern: c,
  open,
  onToggle,
  onDone,
  busy,
  onPupilWillTell,
}: {
  school: SessionSchool;
  concern: ConcernFull;
  open: boolean;
  onToggle: () => void;
  onDone: ConcernChanged;
  busy: boolean;
  onPupilWillTell: () => void;
}) {
  if (!parentsMayBeInformed(c)) {
    return (
      <li className="work__item">
        <h3 className="heading-s work__title">Parents and carers</h3>
        <p>
          <strong>Parents must not be told about this concern by school.</strong>{' '}
          {c.restricted ? 'It is in the safeguarding record' : 'It is, or may be, a child-protection matter'}, so Tandem
          will not record telling them, send them anything or show it on their portal. The DSL team decides who is told,
          and how.
        </p>
      </li>
    );
  }
  if (c.parentsStatus === 'told' && c.fromParent) {
    return (
      <li className="work__item">
        <h3 className="heading-s work__title">Parents and carers</h3>
        <p>A parent or carer sent this from Tandem, so they know about it. They will see when it has been read.</p>
      </li>
    );
  }
  if (c.parentsStatus === 'told') {
    return (
      <li className="work__item">
        <h3 className="heading-s work__title">Parents and carers</h3>
        <p>
          Parents were told{c.parentsToldHow !== null && ` ${toldHowWords(c.parentsToldHow).toLowerCase()}`}
          {c.parentsToldAt !== null && ` on ${formatDateTime(c.parentsToldAt)}`}.
        </p>
      </li>
    );
  }
  const mayWait = pupilMayTellParentsFirst(c) && c.status !== 'closed' && c.parentsStatus !== 'pupil_telling';
  return (
    <>
      <WorkItem
        label="Record that parents were told"
        hint={
          c.parentsStatus === 'pupil_telling'
            ? `The pupil is telling them first${c.pupilTellsBy !== null ? `, by ${formatDateTime(c.pupilTellsBy)}` : ''}. Record here when school has told them, or checked that they know.`
            : 'Parents and carers must be told about a concern for their child’s mental health. Record how and when.'
        }
        open={open}
        onToggle={onToggle}
      >
        <ParentsToldForm school={school} concernId={c.id} onDone={onDone} onCancel={onToggle} />
      </WorkItem>
      {mayWait && (
        <li className="work__item">
          <Button variant="secondary" className="work__button" busy={busy} busyText="Saving…" onClick={onPupilWillTell}>
            The pupil will tell their parents first
          </Button>
          <p className="hint work__hint">School waits 24 hours. Tandem reminds you when the time has passed.</p>
        </li>
      )}
      {!pupilMayTellParentsFirst(c) && (
        <li className="work__item">
          <p className="hint">
            There is a risk of immediate harm, so school cannot wait for the pupil to tell their parents first.
          </p>
        </li>
      )}
    </>
  );
}
