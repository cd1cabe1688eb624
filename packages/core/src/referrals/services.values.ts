/**
 * The services directory's enumerated values, with their labels: who a service is for, the needs it
 * helps with (one list, searched by), and whether it is national, the trust's or a school's own.
 * This module imports nothing.
 */

export const SERVICE_AUDIENCES = ['pupils', 'parents', 'staff'] as const;
export type ServiceAudience = (typeof SERVICE_AUDIENCES)[number];
export const SERVICE_AUDIENCE_LABELS: Record<ServiceAudience, string> = {
  pupils: 'Children and young people',
  parents: 'Parents and carers',
  staff: 'School staff',
};

/** The needs a service helps with: the one list the directory is searched by. */
export const SERVICE_NEEDS = [
  'urgent_help',
  'anxiety',
  'low_mood',
  'self_harm',
  'suicidal_thoughts',
  'eating',
  'bereavement',
  'bullying',
  'family',
  'anger',
  'trauma',
  'neurodevelopmental',
  'drugs_alcohol',
  'identity',
  'general_wellbeing',
  'parenting',
] as const;
export type ServiceNeed = (typeof SERVICE_NEEDS)[number];
export const SERVICE_NEED_LABELS: Record<ServiceNeed, string> = {
  urgent_help: 'Urgent help now',
  anxiety: 'Worry and anxiety',
  low_mood: 'Low mood and depression',
  self_harm: 'Self-harm',
  suicidal_thoughts: 'Thoughts of suicide',
  eating: 'Eating difficulties',
  bereavement: 'Bereavement and loss',
  bullying: 'Bullying',
  family: 'Family difficulties',
  anger: 'Anger',
  trauma: 'Trauma and abuse',
  neurodevelopmental: 'Autism and ADHD',
  drugs_alcohol: 'Drugs and alcohol',
  identity: 'Identity and relationships',
  general_wellbeing: 'General wellbeing',
  parenting: 'Support for parenting',
};

/** Where an entry comes from: a national service, the trust's shared list, or a school's own. */
export const SERVICE_SCOPES = ['national', 'trust', 'school'] as const;
export type ServiceScope = (typeof SERVICE_SCOPES)[number];
export const SERVICE_SCOPE_LABELS: Record<ServiceScope, string> = {
  national: 'National',
  trust: 'Shared by the trust',
  school: 'Local to the school',
};

export const SERVICE_STATUSES = ['active', 'retired'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** How long a local entry may go unchecked before the lead is reminded (a year). */
export const SERVICE_CHECK_DAYS = 365;

/** What a directory entry says, kept whole in each version. */
export interface ServiceDetails {
  name: string;
  description: string;
  audiences: ServiceAudience[];
  ageFrom: number;
  ageTo: number;
  needs: ServiceNeed[];
  howToRefer: string;
  selfReferral: boolean;
  openingHours: string;
  phone: string;
  text: string;
  web: string;
}
