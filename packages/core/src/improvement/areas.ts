/**
 * The areas of a whole school approach that the self-assessment rates and the resource library is
 * organised by. Two frameworks can be assessed: the eight principles of the whole school approach
 * (Public Health England and the Department for Education, "Promoting children and young people's
 * mental health and wellbeing") and the county framework's seven key areas (seed 004). The
 * library is also organised by the five whole-school steps (seed 001), which are not assessed.
 * Each area's statements are in frameworks.ts.
 */
export const FRAMEWORKS = ['principles', 'county'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const FRAMEWORK_LABELS: Record<Framework, string> = {
  principles: 'The eight principles of a whole school approach',
  county: "The county framework's seven key areas",
};

/** The groups the resource library is organised by: both frameworks and the whole-school steps. */
export const AREA_GROUPS = [...FRAMEWORKS, 'steps'] as const;
export type AreaGroup = (typeof AREA_GROUPS)[number];

export const AREA_GROUP_LABELS: Record<AreaGroup, string> = {
  ...FRAMEWORK_LABELS,
  steps: 'Five steps to a whole school approach',
};

export interface Area {
  /** Stable key, e.g. "county.ethos": stored with ratings, actions and library entries. */
  key: string;
  group: AreaGroup;
  title: string;
}

const area = (group: AreaGroup, slug: string, title: string): Area => ({ key: `${group}.${slug}`, group, title });

export const AREAS: readonly Area[] = [
  area('principles', 'leadership', 'Leadership and management'),
  area('principles', 'ethos', 'Ethos and environment'),
  area('principles', 'curriculum', 'Curriculum, teaching and learning'),
  area('principles', 'student_voice', 'Student voice'),
  area('principles', 'staff_development', 'Staff development'),
  area('principles', 'identifying_need', 'Identifying need and monitoring impact'),
  area('principles', 'parents', 'Working with parents and carers'),
  area('principles', 'targeted_support', 'Targeted support and appropriate referral'),
  area('county', 'ethos', 'Ethos'),
  area('county', 'staff_skills', 'Staff skills and wellbeing'),
  area('county', 'policies', 'Policies in partnership'),
  area('county', 'relationships', 'Relationships'),
  area('county', 'partnerships', 'Partnerships'),
  area('county', 'voice', 'Voice of the child or young person'),
  area('county', 'flexible_response', 'Flexible response'),
  area('steps', 'involve_everyone', 'Involve everyone'),
  area('steps', 'committed_leadership', 'Committed leadership'),
  area('steps', 'positive_relationships', 'Positive relationships'),
  area('steps', 'right_words', 'Finding the right words'),
  area('steps', 'health_and_education', 'Health and education working together'),
];

export const AREA_KEYS = AREAS.map((a) => a.key) as [string, ...string[]];
const BY_KEY = new Map(AREAS.map((a) => [a.key, a]));

/** The area with this key, or undefined (a key from an older version of Tandem). */
export function areaByKey(key: string): Area | undefined {
  return BY_KEY.get(key);
}

/** The area's title, or the key itself if it is no longer known. */
export function areaTitle(key: string): string {
  return BY_KEY.get(key)?.title ?? key;
}

export function areasOf(group: AreaGroup): readonly Area[] {
  return AREAS.filter((a) => a.group === group);
}
