/**
 * A draft referral: the directory entry it goes to, each part (those the service needs first), the
 * history drawn from the record, and consent. What is typed is kept in the tab until it is saved,
 * and stays in the form when a save is refused; a change made meanwhile by someone else is said.
 */
import { missingParts, referralDetailSchema, REFERRAL_SERVICE_LABELS, type ReferralPart } from '@tandem/core';
import { useMemo, useState } from 'react';
import { ApiError, apiGet, apiPost, apiPut } from '../api/client';
import { schoolCan, type SessionSchool } from '../auth/session';
import { formatIsoDay, formatTime } from '../components/dates';
import { clearDraft, useKeptForm } from '../components/drafts';
import { DraftKept, DraftRestored } from '../components/DraftNotices';
import { Button, ErrorSummary, Form, SelectField } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { Completeness, notSavedError } from './Completeness';
import { ConsentFields } from './ConsentFields';
import { HistoryPicker } from './HistoryPicker';
import { PartField } from './PartField';
import { referralApi, savedResponse, steppedResponse, type Detail } from './referralsApi';
import {
  fieldOrder,
  keptReferralSchema,
  sameValues,
  saveBody,
  valuesOf,
  WRITTEN_PARTS,
  withEntries,
  type KeptReferral,
  type ReferralValues,
} from './referralValues';

const CONFLICT =
  'Someone else changed this referral while you were writing. What you typed is still here. Check it, then save again: saving puts what is here in place of their changes.';

export function ReferralEditor({
  school,
  data,
  onDone,
  onStale,
}: {
  school: SessionSchool;
  data: Detail;
  onDone: (title: string, text?: string) => void;
  /** Loads the referral again (after a save, or when it changed meanwhile). */
  onStale: () => void;
}) {
  const r = data.referral;
  const draftKey = `tandem.referral-draft.${school.id}.${r.id}`;
  const action = useAction();
  const draft = useKeptForm<KeptReferral>(draftKey, keptReferralSchema, {
    initial: () => ({ baseVersion: r.version, values: valuesOf(r) }),
    // A kept draft from this version or before, that says something the saved referral does not.
    accept: (kept) => kept.baseVersion <= r.version && !sameValues(kept.values, valuesOf(r)),
    sending: action.busy,
  });
  const { values, baseVersion } = draft.state;
  const order = useMemo(() => fieldOrder(data.required), [data.required]);
  const form = useFormErrors(order);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const needed = (p: ReferralPart) => data.required.includes(p);
  const optional = WRITTEN_PARTS.filter((p) => !needed(p));
  const [moreOpen, setMoreOpen] = useState(() => optional.some((p) => (values.parts[p] ?? '') !== ''));
  const unsaved = !sameValues(values, valuesOf(r));
  const missing = missingParts({ ...values, service: r.service });

  const change = (patch: (v: ReferralValues) => Partial<ReferralValues>) => {
    setSavedAt(null);
    draft.change((d) => ({ ...d, values: { ...d.values, ...patch(d.values) } }));
  };
  const setPart = (p: ReferralPart) => (text: string) => {
    change((v) => ({ parts: { ...v.parts, [p]: text } }));
  };

  /** Sends the draft; the version it is now at. Throws when refused. */
  const put = async (): Promise<number> => {
    const saved = await apiPut(referralApi(school.id, r.id), saveBody(values, baseVersion), savedResponse);
    clearDraft(draftKey);
    draft.set((d) => ({ ...d, baseVersion: saved.version }));
    return saved.version;
  };

  const refused = async (e: ApiError) => {
    if (e.code !== 'conflict') {
      form.fromApi(e);
      if (e.fields.some((f) => optional.some((p) => f.path === `parts.${p}`))) setMoreOpen(true);
      return;
    }
    const latest = await apiGet(referralApi(school.id, r.id), referralDetailSchema).catch(() => null);
    if (latest !== null) draft.set((d) => ({ ...d, baseVersion: latest.referral.version }));
    form.fromApi(new ApiError(e.code, e.status, CONFLICT));
    onStale();
  };

  const save = async () => {
    await action.run(
      async () => {
        await put();
        form.clear();
        setSavedAt(new Date().toISOString());
        onStale();
      },
      { onRefused: refused },
    );
  };

  const send = async (on: string) => {
    let version = baseVersion;
    if (unsaved) {
      try {
        version = await put();
      } catch (e) {
        const error = e instanceof ApiError ? e : new ApiError('internal', 0, 'The draft could not be saved.');
        await refused(error);
        throw notSavedError(error);
      }
    }
    await apiPost(`${referralApi(school.id, r.id)}/steps`, { to: 'sent', on, note: '', version }, steppedResponse);
    onDone('Marked as sent', `The wait is counted from ${formatIsoDay(on)}. Record each reply from the service below.`);
  };

  const part = (p: ReferralPart) => (
    <PartField
      key={p}
      part={p}
      needed={needed(p)}
      value={values.parts[p] ?? ''}
      onValueChange={setPart(p)}
      error={form.errorFor(`parts.${p}`)}
    >
      {p === 'history' && (
        <HistoryPicker
          record={data.record}
          onAdd={(lines) => {
            change((v) => ({ parts: { ...v.parts, history: withEntries(v.parts.history ?? '', lines) } }));
          }}
        />
      )}
    </PartField>
  );

  return (
    <>
      <section aria-labelledby="write-title" className="referral-section referral-editor">
        <h2 className="heading-l" id="write-title">
          Write the referral
        </h2>
        <DraftRestored
          restored={draft.restored}
          title="We have kept what you were writing"
          text="It has not been saved yet. Check it and save the draft, or discard it."
          startAgainText="Discard my changes and start from the saved draft"
          onStartAgain={() => {
            form.clear();
            draft.startAgain({ baseVersion: r.version, values: valuesOf(r) });
          }}
        />
        <Form onSubmit={save} label="Write the referral">
          <ErrorSummary errors={form.errors} />
          <SelectField
            name="serviceId"
            label="Which service in the directory? (optional)"
            hint={
              data.serviceChoices.length === 0
                ? `There is no ${REFERRAL_SERVICE_LABELS[r.service]} entry in the directory yet. The letter names the kind of service.`
                : 'The letter is addressed to it, with its contact details.'
            }
            options={[
              { value: '', label: 'Not chosen' },
              ...data.serviceChoices.map((s) => ({ value: s.id, label: s.name })),
            ]}
            value={values.serviceId}
            onValueChange={(v) => {
              change(() => ({ serviceId: v }));
            }}
            error={form.errorFor('serviceId')}
          />
          <h3 className="heading-m">What {REFERRAL_SERVICE_LABELS[r.service]} needs</h3>
          {WRITTEN_PARTS.filter(needed).map(part)}
          <ConsentFields
            service={r.service}
            consent={values.consent}
            note={values.consentNote}
            onConsent={(c) => {
              change(() => ({ consent: c }));
            }}
            onNote={(n) => {
              change(() => ({ consentNote: n }));
            }}
            errorFor={form.errorFor}
            needed={needed('consent')}
            mayRestrict={schoolCan(school, 'safeguarding.read')}
          />
          {optional.length > 0 && (
            <details
              className="details"
              open={moreOpen}
              onToggle={(e) => {
                setMoreOpen(e.currentTarget.open);
              }}
            >
              <summary className="details__summary">
                <span className="details__summary-text">Add more ({optional.length} more parts)</span>
              </summary>
              <div className="details__text">{optional.map(part)}</div>
            </details>
          )}
          <div className="referral-save">
            <Button type="submit" variant="secondary" busy={action.busy} busyText="Saving…">
              Save draft
            </Button>
            <p role="status" className="secondary-text">
              {savedAt !== null && !unsaved
                ? `Draft saved at ${formatTime(savedAt)}.`
                : unsaved
                  ? 'Not saved yet.'
                  : ''}
            </p>
            <DraftKept savedAt={unsaved ? draft.savedAt : null} failed={draft.failed} />
          </div>
        </Form>
      </section>
      <Completeness referral={r} values={values} missing={missing} onSend={send} />
    </>
  );
}
