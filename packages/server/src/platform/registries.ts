/**
 * What a feature may contribute to the platform instead of the platform (or another feature)
 * reading its tables: entries for a pupil's chronology, work that falls due with time, and
 * evidence a level change may cite. The list of contributions is assembled once, in
 * `src/features.ts`; the platform only knows these shapes.
 */
import type {
  Actor,
  CalendarEvent,
  Characteristic,
  EarlyRuleKind,
  EarlyRuleSetting,
  Figure,
  ChronologyEntry,
  LevelCode,
  LevelDefinition,
  MyWorkPart,
  FamilyService,
  ParentChildParts,
  PupilHomeParts,
  PupilProfileResponse,
  PupilRecordItem,
  RecordClass,
  SharedPlan,
  StaffTimetableSummary,
} from '@tandem/core';
import type { DbOrTx } from '../db/client';
import type { AppDeps } from './deps';
import type { SchoolWork } from './gate';

/** Who is reading a pupil's chronology, already allowed to read the pupil's case. */
export interface ChronologyReader {
  actor: Actor;
  schoolId: string;
  pupilId: string;
  /** Whether the reader may see the restricted safeguarding record (the DSL team). */
  seeRestricted: boolean;
}

/**
 * One feature's part of the chronology. It applies its own visibility rule in its own query: what
 * the reader may not see is never loaded, so no entry, count or gap gives it away.
 */
export interface ChronologySource {
  /** The feature it comes from, for errors and the benchmark. */
  name: string;
  entries(db: DbOrTx, reader: ChronologyReader): Promise<ChronologyEntry[]>;
  /**
   * For entries at the same moment, the order in which such things happen (a higher rank is a
   * later step and is listed first, newest first). Kinds not listed rank 5.
   */
  kindOrder: Readonly<Record<string, number>>;
}

/**
 * Work that falls due with time (an unacknowledged urgent concern, a passed deadline, an overdue
 * review). `runBatch` claims at most one batch with FOR UPDATE SKIP LOCKED, marks it done in the
 * same transaction, and returns how many it handled; it is called again until it returns fewer
 * than `batchSize` (or 0), so a backlog clears in one run without holding many locks.
 */
export interface DueJob {
  /** The key in the run's result, e.g. "escalations". */
  name: string;
  batchSize: number;
  runBatch(deps: AppDeps, now: Date): Promise<number>;
}

/**
 * One kind of record a level change may cite as evidence (a concern now; scores and meetings
 * later). The levels feature asks the source of each cited kind which ids this actor may cite.
 */
export interface EvidenceSource {
  /** The evidence kind it answers for, as in the level change body (e.g. "concern"). */
  kind: string;
  /** Of these ids, those about this pupil that this actor may see in full. */
  citable(
    db: DbOrTx,
    reader: { actor: Actor; schoolId: string; pupilId: string },
    refIds: readonly string[],
  ): Promise<ReadonlySet<string>>;
  /** Shown beside the evidence field when an id is not citable. */
  refusal: string;
}

/** The plans a member of staff has been given for a pupil (the staff summary shows them). */
export interface PlansGivenSource {
  plansGiven(
    db: DbOrTx,
    reader: { userId: string; schoolId: string; pupilId: string; teachesPupil: boolean },
  ): Promise<SharedPlan[]>;
}

/** One change of a pupil's level as the pupil's case record shows it. */
export type PupilLevelChange = Extract<PupilProfileResponse, { view: 'case' }>['history'][number];

/**
 * A pupil's level as the pupil record shows it. The pupil row carries the current level, but its
 * wording, its history and when it was last shared are the levels feature's tables: the pupil
 * record asks the levels feature for them, with the same queries the record ran itself before.
 */
export interface PupilLevelSource {
  /** The wording now in force for each level of a school, MH1 first. */
  currentDefinitions(db: DbOrTx, schoolId: string): Promise<ReadonlyMap<LevelCode, LevelDefinition>>;
  /** For case roles: the pupil's level changes, newest first, and when the level was last shared. */
  caseRecord(
    db: DbOrTx,
    schoolId: string,
    pupilId: string,
  ): Promise<{ history: PupilLevelChange[]; lastSharedWithParents: string | null; lastSharedWithStaff: string | null }>;
}

/** Work a feature does when a trust adds a school (the level framework is seeded, for one). */
export type SchoolCreatedHook = (tx: DbOrTx, school: { schoolId: string; actorUserId: string }) => Promise<void>;

/**
 * Whether the reader of an alert may still open what it links to. An alert keeps its link, but the
 * concern may since have moved into the restricted safeguarding record; the alert list then shows
 * the alert without its link. The feature answers, so the platform never reads the feature's table.
 */
export interface AlertLinkCheck {
  /** What the link points at (alerts link only to concerns for now). */
  kind: 'concern';
  /** Of these ids, those the reader may still open; the others are shown without a link. */
  openable(
    db: DbOrTx,
    reader: { actor: Actor; schoolId: string },
    ids: readonly string[],
  ): Promise<ReadonlySet<string>>;
}

/** Who is asking what needs them today, in one school, at one moment. */
export interface MyWorkReader {
  actor: Actor;
  schoolId: string;
  now: Date;
  /** The school day (London) as YYYY-MM-DD, for due and overdue. */
  today: string;
}

/**
 * One feature's part of a person's "my work" (their home page and the header's count). It applies
 * the same need-to-know as the feature's own pages: nothing is listed that the person could not open.
 */
export interface MyWorkSource {
  /** The feature it comes from, for errors. */
  name: string;
  items(db: DbOrTx, reader: MyWorkReader): Promise<MyWorkPart>;
}

/**
 * The urgent safeguarding route, opened by another feature when what a pupil said cannot wait: a
 * questionnaire's risk item answered (thoughts of self-harm). The concerns feature opens an urgent
 * concern in the restricted record for the DSL team, in the caller's transaction, and alerts them
 * as for any urgent concern. The caller never reads the concern: it learns only that it was sent.
 */
export interface UrgentRoute {
  open(
    work: SchoolWork,
    o: {
      pupilId: string;
      /** What was answered, in plain words: the concern's account (the restricted record holds it). */
      account: string;
      /** Where it happened, e.g. "Answering a questionnaire (PHQ-A) with a member of staff". */
      location: string;
      /** Keeps a second send from opening a second concern. */
      submissionKey: string;
    },
  ): Promise<{ concernId: string }>;
  /** Who is on DSL duty today, to tell the person with the pupil whom to find. */
  onDuty(db: DbOrTx, schoolId: string, now: Date): Promise<{ userId: string; name: string; email: string }[]>;
}

/**
 * Who is looking at a child in the family portal, already checked by `platform/family-access.ts`:
 * a parent or carer linked to the child with no "no access" flag, or the pupil themself.
 */
export interface FamilyReader {
  actor: Actor;
  schoolId: string;
  pupilId: string;
  as: 'parent' | 'pupil';
  now: Date;
  /** The school day (London) as YYYY-MM-DD. */
  today: string;
  /** For a parent: their contact id and names as the school holds them (to mark next steps that are theirs). */
  contactIds: readonly string[];
  contactNames: readonly string[];
}

/**
 * One feature's part of what a family sees of a child: only what the school has shared with home
 * (never the restricted record, concerns, case notes, or a section not marked for home). Each
 * source applies that rule in its own query; the family feature merges the parts and audits the view.
 */
export interface FamilyViewSource {
  name: string;
  forParent?(db: DbOrTx, reader: FamilyReader): Promise<Partial<ParentChildParts>>;
  forPupil?(db: DbOrTx, reader: FamilyReader): Promise<Partial<PupilHomeParts>>;
}

/**
 * What a parent sends the school becomes work in the feature that owns it: a concern in the lead's
 * queue marked as from a parent (the concerns feature), or a request on an intervention's waiting
 * list (the interventions feature). Both run in the caller's transaction.
 */
export interface FamilyRequests {
  concernFromParent(
    work: SchoolWork,
    o: {
      pupilId: string;
      /** What the parent wrote, as the concern's account. */
      account: string;
      /** e.g. "Told to school by a parent or carer in Tandem". */
      location: string;
      submissionKey: string;
    },
  ): Promise<{ concernId: string }>;
  /** Of these concerns, when each was first read by the school (acknowledged or opened by a lead). */
  concernsRead(db: DbOrTx, schoolId: string, concernIds: readonly string[]): Promise<ReadonlyMap<string, Date>>;
  /** A parent's request joins the waiting list of an intervention the school runs (404 if not offered). */
  requestPlace(
    work: SchoolWork,
    o: { pupilId: string; interventionId: string; reason: string; submissionKey: string },
  ): Promise<{ placeId: string; interventionName: string }>;
  /** Of these places, when the school first acted on each (moved, allocated, withdrawn). */
  placesRead(db: DbOrTx, schoolId: string, placeIds: readonly string[]): Promise<ReadonlyMap<string, Date>>;
}

/** The services directory as families see it: entries in use for this school, for parents or for pupils. */
export interface FamilyDirectory {
  services(db: DbOrTx, o: { schoolId: string; audience: 'parents' | 'pupils' }): Promise<FamilyService[]>;
}

/**
 * A record in Tandem that the self-assessment may cite as evidence: a policy in the register, the
 * school's training figures. Never about a pupil. Each feature lists its own, in words any member
 * of staff may read, with the address of the page that shows it.
 */
export interface SchoolRecord {
  /** The kind of record, e.g. "policy", "training". */
  kind: string;
  id: string;
  /** What it is, e.g. "Safeguarding and child protection policy, version 4 (approved 1 September 2026)". */
  label: string;
  /** The web page that shows it, e.g. "/schools/…/policies/…". */
  href: string;
}

/** One feature's records that a self-assessment may cite. */
export interface SchoolRecordSource {
  kind: string;
  /** The group's heading in the evidence picker, e.g. "Policy register". */
  heading: string;
  list(db: DbOrTx, o: { schoolId: string; today: string }): Promise<SchoolRecord[]>;
}

/**
 * What a report is asked for: the schools (one for a school's picture, every school of the trust
 * for the trust view), the days, and the pupils (a year group, a characteristic). "Now" figures
 * (levels, waiting now, overdue) are taken on `asOf`: today, or the last day when the days asked
 * for are over.
 */
export interface ReportRequest {
  schoolIds: readonly string[];
  from: string;
  to: string;
  asOf: string;
  /** The clock's time, for "now" figures that need a time of day (e.g. waits so far). */
  now: Date;
  yearGroup: number | null;
  characteristic: Characteristic | null;
}

/**
 * One feature's figures for reports (levels, concerns, interventions, referrals, plans, actions).
 * Every figure comes from SQL aggregation in the database (GROUP BY school_id, with the schools
 * together as one more group), never from loading rows into Node. Concerns and referrals in the
 * restricted safeguarding record are never counted.
 */
export interface ReportSource {
  /** The figure keys this source answers, in the order they are shown. */
  keys: readonly string[];
  /**
   * Each school's figures (every school of `schoolIds`, even one with nothing to count) and, when
   * `combined`, the same figures for all of them together (`combined`, keyed "all").
   */
  figures(db: DbOrTx, r: ReportRequest, o: { combined: boolean }): Promise<Map<string, Figure[]>>;
  /**
   * The pupils behind one row of one of its figures (the figure's drill column) in one school, or
   * null when the figure or row is not one of this source's. Scoped to the school only: the
   * caller keeps only the pupils the viewer may see.
   */
  drill(db: DbOrTx, r: ReportRequest & { schoolId: string }, figure: string, row: string): Promise<string[] | null>;
}

/**
 * The figures behind early identification rules, for every pupil of a school at once (attendance,
 * concerns, questionnaires, check-ins: each from the feature that owns them). A source returns the
 * figures of pupils its SQL finds near the rule; core's `earlyRuleFires` decides whether it fires.
 */
export interface EarlySignal {
  pupilId: string;
  kind: EarlyRuleKind;
  figures: Record<string, number | string | null>;
}
export interface EarlySignalSource {
  kinds: readonly EarlyRuleKind[];
  signals(
    db: DbOrTx,
    o: { schoolId: string; today: string; now: Date; rules: readonly EarlyRuleSetting[] },
  ): Promise<EarlySignal[]>;
}

/** What a teacher of the pupil is told of a reduced timetable (the provision feature). */
export interface TimetableSummarySource {
  forStaff(db: DbOrTx, o: { schoolId: string; pupilId: string; today: string }): Promise<StaffTimetableSummary | null>;
}

/** Which of a pupil's records to gather. */
export interface PupilRecordQuery {
  schoolId: string;
  pupilId: string;
  /**
   * Whether to include the restricted safeguarding record (child-protection items). Only ever true
   * when the person asking may read it (the DSL team) or the platform itself needs it (retention).
   */
  includeRestricted: boolean;
}

/**
 * One feature's part of everything Tandem holds about a pupil: for a subject access review, the
 * files sent to the next school, and the retention review. The feature applies its own rules in
 * its own query and writes each item's body in plain words; items are never summarised elsewhere.
 */
export interface PupilRecordSource {
  /** The feature it comes from, e.g. "concerns" (matches `PupilRecordItem.source`). */
  name: string;
  records(db: DbOrTx, q: PupilRecordQuery): Promise<PupilRecordItem[]>;
  /**
   * Destroys this pupil's records of one class in the caller's transaction, when retention review
   * confirms it (never called otherwise). Returns how many of each kind went, no content. A record
   * shared with another pupil (a concern about two pupils) loses only this pupil's part. The audit
   * trail is never touched.
   */
  destroy(
    tx: DbOrTx,
    q: { schoolId: string; pupilId: string; recordClass: RecordClass },
  ): Promise<{ kind: string; count: number }[]>;
}

/**
 * Work a feature does, in the caller's transaction, when a pupil leaves the school (the MIS import
 * marks a leaver, or staff record it): the records feature gives the DSL and the SMHL their
 * transfer tasks. `destination` is what is known of the next school.
 */
export type PupilLeftHook = (
  tx: DbOrTx,
  o: {
    schoolId: string;
    pupilId: string;
    leftOn: string;
    destination: { name: string; urn: string | null } | null;
    actorUserId: string | null;
  },
) => Promise<void>;

/**
 * Whose calendar feed is being built, in one school where they hold an active staff role now, and
 * the days it covers (London days, YYYY-MM-DD, both included).
 */
export interface CalendarReader {
  actor: Actor;
  schoolId: string;
  from: string;
  to: string;
}

/**
 * One feature's events in a member of staff's private calendar feed (meetings, plan reviews, next
 * steps, reduced timetable reviews). It applies the same need-to-know as the feature's own pages,
 * and its titles carry the pupil's initials only (core `calendarTitle`), never a name or case text.
 */
export interface CalendarSource {
  name: string;
  events(db: DbOrTx, reader: CalendarReader): Promise<CalendarEvent[]>;
}

/** Everything the features contribute, assembled once in `src/features.ts` and given in `AppDeps`. */
export interface Registries {
  chronology: readonly ChronologySource[];
  dueJobs: readonly DueJob[];
  evidence: readonly EvidenceSource[];
  plansGiven: PlansGivenSource;
  pupilLevels: PupilLevelSource;
  onSchoolCreated: readonly SchoolCreatedHook[];
  alertLinks: readonly AlertLinkCheck[];
  myWork: readonly MyWorkSource[];
  urgentRoute: UrgentRoute;
  familyView: readonly FamilyViewSource[];
  familyRequests: FamilyRequests;
  familyDirectory: FamilyDirectory;
  /** Records a self-assessment may cite as evidence (policies, training figures). */
  schoolRecords: readonly SchoolRecordSource[];
  /** Figures for the school's and the trust's reports, in the order of the dashboard. */
  reportSources: readonly ReportSource[];
  /** The figures early identification rules read (attendance, concerns, questionnaires, check-ins). */
  earlySignals: readonly EarlySignalSource[];
  /** A reduced timetable as the staff summary shows it. */
  timetableSummary: TimetableSummarySource;
  /** Everything held about a pupil, feature by feature (subject access, transfer, retention). */
  pupilRecords: readonly PupilRecordSource[];
  /** Run when a pupil leaves (transfer tasks). */
  onPupilLeft: readonly PupilLeftHook[];
  /** Events in a member of staff's private calendar feed. */
  calendarEvents: readonly CalendarSource[];
}
