/**
 * What the log-a-concern form holds (kept as the draft on the server). How it becomes the body the
 * server takes, checked with the same core schema, is in logConcernCheck.ts: that needs zod, so it
 * is fetched after the form is shown rather than before (the page's first-visit weight).
 */
import type { DisclosureConsent, logConcernResponse } from '@tandem/core';
import type { z } from 'zod';
import { ukIsoDay, ukTimeOfDay } from '../components/dates';
import type { ChosenPupil } from './PupilPicker';

export type YesNo = '' | 'yes' | 'no';

/** A radio's value as an answer: anything else is no answer. */
export function toYesNo(value: string): YesNo {
  return value === 'yes' || value === 'no' ? value : '';
}
type Consent = '' | DisclosureConsent;

/** What the form holds; kept as the draft. Files cannot be kept in a draft. */
export interface Values {
  version: 1;
  submissionKey: string;
  medicalEmergency: YesNo;
  riskOfImmediateHarm: YesNo;
  possibleChildProtection: YesNo;
  pupils: ChosenPupil[];
  date: string;
  time: string;
  location: string;
  account: string;
  pupilWords: string;
  warningSigns: string[];
  othersPresent: string;
  isDisclosure: boolean;
  toldWho: string;
  toldWhat: string;
  toldWhy: string;
  consent: Consent;
  consentNote: string;
  pupilWillTellParents: boolean;
}

export function freshValues(): Values {
  const now = new Date();
  return {
    version: 1,
    submissionKey: crypto.randomUUID(),
    medicalEmergency: '',
    riskOfImmediateHarm: '',
    possibleChildProtection: '',
    pupils: [],
    date: ukIsoDay(now),
    time: ukTimeOfDay(now),
    location: '',
    account: '',
    pupilWords: '',
    warningSigns: [],
    othersPresent: '',
    isDisclosure: false,
    toldWho: '',
    toldWhat: '',
    toldWhy: '',
    consent: '',
    consentNote: '',
    pupilWillTellParents: false,
  };
}

/** Whether a draft holds anything worth bringing back. */
export function hasContent(v: Values): boolean {
  return (
    v.medicalEmergency !== '' ||
    v.riskOfImmediateHarm !== '' ||
    v.possibleChildProtection !== '' ||
    v.pupils.length > 0 ||
    v.location.trim() !== '' ||
    v.account.trim() !== '' ||
    v.pupilWords.trim() !== '' ||
    v.warningSigns.length > 0
  );
}

export const FIELD_ORDER = [
  'medicalEmergency',
  'riskOfImmediateHarm',
  'possibleChildProtection',
  'pupilIds',
  'occurredAt',
  'location',
  'account',
  'pupilWords',
  'warningSigns',
  'othersPresent',
  'isDisclosure',
  'disclosure',
  'disclosure.toldWho',
  'disclosure.toldWhat',
  'disclosure.toldWhy',
  'disclosure.consent',
  'disclosure.consentNote',
  'pupilWillTellParents',
  'files',
] as const;

/** What the server answers on logging a concern. */
export type LogResult = z.infer<typeof logConcernResponse>;

/** What each section of the form is given: the answers, a setter per answer, and their errors. */
export interface ConcernSectionProps {
  values: Values;
  set: <K extends keyof Values>(key: K) => (value: Values[K]) => void;
  errorFor: (path: string) => string | undefined;
}

/** No risk of harm and no possible child protection: the pupil may tell their parents first. */
export function noRiskIn(values: Values): boolean {
  return values.riskOfImmediateHarm === 'no' && values.possibleChildProtection === 'no';
}
