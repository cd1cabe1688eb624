/**
 * The graduated mental-health levels MH1..MH5, as a school's "School and Home Mental Health
 * Partnership" describes them (seed 000), and their THRIVE groupings. A school may reword any level;
 * the structure (five levels in order, and their THRIVE grouping) stays.
 *
 * Place names in the source (a county, a hospital school, a concern-logging product) are written
 * here in general terms, so that the wording fits any school in England.
 */
import { LEVEL_CODES, type LevelCode, type ThriveGroup } from './levels.values';
import { THRIVING_AT_HOME } from './sharing.schemas';

/**
 * MH1 is mild or temporary difficulty (advice and signposting); MH2 is focused, goal-based help in
 * school; MH3 is extensive, specialised help (external referral, counselling); MH4 and MH5 are risk
 * management while a pupil is significantly unwell or cannot safely attend.
 */
export const LEVEL_THRIVE: Record<LevelCode, ThriveGroup> = {
  MH1: 'getting_advice',
  MH2: 'getting_help',
  MH3: 'getting_more_help',
  MH4: 'getting_risk_support',
  MH5: 'getting_risk_support',
};

/** The THRIVE grouping of a pupil's level; no level means Thriving. */
export function thriveGroupOf(level: LevelCode | null): ThriveGroup {
  return level ? LEVEL_THRIVE[level] : 'thriving';
}

/** Rank 1..5 (0 for Thriving): a move to a higher rank is a move up. */
export function levelRank(level: LevelCode | null): number {
  return level ? LEVEL_CODES.indexOf(level) + 1 : 0;
}

export function isLevelCode(value: string | null | undefined): value is LevelCode {
  return (LEVEL_CODES as readonly string[]).includes(value ?? '');
}

export interface LevelWording {
  name: string;
  description: string;
  schoolProvides: string[];
  homeDoes: string[];
  schoolToDo: string[];
  homeToDo: string[];
  evidenceToMoveUp: string;
  parentSummary: string;
  /**
   * "What you can do at home", written for parents and carers in plain words (a reading age of
   * about 9 to 11). The lists above are the school's own shorthand for staff; only these lines go
   * in a letter home or to the parent portal.
   */
  parentAtHome: string[];
}

export const THRIVING_PARENT_SUMMARY =
  'Your child is not on a mental health support level at the moment. They have the support every pupil has: assemblies, lessons about wellbeing, and staff to talk to. If you are worried, please tell us.';

export const DEFAULT_LEVELS: Record<LevelCode, LevelWording> = {
  MH1: {
    name: 'Mental Health Level 1',
    description: 'Low level worries, some anxiety around lessons or friendships.',
    schoolProvides: [
      'School ethos and values of care and support.',
      'Assemblies.',
      'MH levels are shared termly with parents.',
      'Mental health focus weeks.',
      'Mental health letter to tutor.',
      'Build strong relationships with tutors/staff.',
      'PD curriculum.',
      'Enrichment activities.',
      'Pastoral support staff on hand.',
      'Staff raise concerns in Tandem.',
      'Clear boundaries around behaviour and expectations.',
      'Signposting on website and posters in school.',
      'eNews updates of support.',
      'Back to basics leaflet provided.',
      'CAMHS work books provided and completed at home.',
    ],
    homeDoes: [
      'Safe and positive home environment.',
      'Reinforce school behaviour and attendance expectations.',
      'Monitor and limit social media/internet time.',
      'Healthy lifestyle - healthy diet and exercise.',
      'Quality time with child.',
      'Time to talk in place.',
      'Regular check ins.',
      'Communicate with school any difficulties.',
      'Back to basics leaflet - strategies put in place at home.',
      'CAMHS work booklet completed at home and strategies applied.',
    ],
    schoolToDo: [
      'Me and My Feelings student questionnaire completed and results shared with parents.',
      'Request for in school intervention. The student will be placed on the waiting list for intervention if no space available.',
    ],
    homeToDo: [
      'Continue to provide all the supports from level 1.',
      'Must have completed CAMHS work booklets and continue to put in place back to basic strategies.',
    ],
    evidenceToMoveUp: 'There is evidence of continued concerns from either home or school.',
    parentSummary:
      'Your child has some low level worries, for example about lessons or friendships. School and home can help with everyday support, and we will keep an eye on how things go.',
    parentAtHome: [
      'Keep home a safe and calm place for your child.',
      'Help your child keep to the school rules and come to school every day.',
      'Check how long your child spends online and on social media, and set limits.',
      'Help your child eat well, sleep well and be active.',
      'Spend time together, and make time to talk.',
      'Ask your child how they are feeling, often.',
      'Tell school if things are hard for your child or at home.',
      'Try the ideas in the "Back to basics" leaflet at home.',
      'Work through the CAMHS workbook with your child at home, and keep using its ideas.',
    ],
  },
  MH2: {
    name: 'Mental Health Level 2',
    description: 'Low level emotional needs, low self esteem, superficial self harm, sleep disturbance.',
    schoolProvides: [
      'All level 1 supports still in place.',
      'Access level 2 interventions in school.',
      'Letter from school sent with regard to intervention.',
      'MH levels shared with staff termly.',
    ],
    homeDoes: [
      'All level 1 supports.',
      'Regular checks if there are concerns around self harming.',
      'Frequent monitoring of social media and screen time.',
      'Take to the GP if mental health deteriorates.',
    ],
    schoolToDo: [
      'Post intervention scores looked at.',
      'Mental health review meeting.',
      'Time given for intervention strategies to be used.',
      'Look at feedback from staff and parents with regards to well-being.',
      'Me and My Feelings student questionnaire completed and results shared with parents.',
      'If students meet the threshold, they will be placed on the waiting list or an outside agency referral will be made, which may take a few weeks.',
    ],
    homeToDo: ['Report any further concerns.'],
    evidenceToMoveUp: 'Evidence of deterioration of mental health from either home or school.',
    parentSummary:
      'Your child needs some extra help with their feelings. School can offer a support session or group in school, and we will write to you about it.',
    parentAtHome: [
      'Keep doing everything from level 1.',
      'If you are worried your child may be hurting themselves, check on them often.',
      'Look at what your child does on their phone and online, and how long for, more often.',
      'Take your child to your GP if they seem to be getting worse.',
      'Tell school about any new worries.',
    ],
  },
  MH3: {
    name: 'Mental Health Level 3',
    description:
      'Recognised mental health difficulties including significant self harm, depression, OCD, severe anxiety, mood disturbance, risk taking behaviours.',
    schoolProvides: [
      'All level 2 supports although interventions may be time-limited.',
      'Monitoring of provision through mental health review meetings.',
      'Referrals to external services made if met threshold.',
      'Possible LINK support.',
      'Counselling from the school counsellor (if available).',
      'Possible minor adjustments to timetable.',
      'Possible assignment of a key person.',
      'Possible meet and greet or fond farewells.',
      'Medical attention for self-harm.',
      'Possible risk assessment in place and information shared with staff.',
      'Possible referral to CAMHS.',
    ],
    homeDoes: [
      'Supports from Level 1 & 2 are still in place.',
      'Seek medical advice.',
      'If there is a risk assessment agreed with the school this needs to be followed at home.',
      'Share information from outside services with the school.',
      'Ensure the student has taken any medication required.',
      'Do not bring them to school if they have not taken medication.',
    ],
    schoolToDo: [
      'Review current provisions with parents.',
      'Referrals to external services.',
      'Possible medical referral to the local medical education provision.',
      'Support referrals.',
    ],
    homeToDo: [
      'Attend all meetings and appointments.',
      'Chase health professionals if necessary.',
      'Attend meetings to review support and the possibility of accessing the next level of support.',
    ],
    evidenceToMoveUp: 'Evidence of significant deterioration in mental health from either home or school.',
    parentSummary:
      'Your child has mental health difficulties that need more support. School will work with you and with health services, and may make small changes to their school day.',
    parentAtHome: [
      'Keep doing everything from levels 1 and 2.',
      'Ask your GP or another doctor for advice.',
      'If you and school have agreed a plan to keep your child safe, follow it at home too.',
      'Tell school what other services, such as CAMHS, tell you.',
      'Make sure your child takes any medicine they need.',
      'If your child has not taken their medicine, do not bring them to school.',
      'Come to all meetings and appointments.',
      'Get in touch with health workers if you have not heard from them.',
      'Come to meetings about how we support your child and whether they need more help.',
    ],
  },
  MH4: {
    name: 'Mental Health Level 4',
    description:
      'Significantly unwell, psychotic symptoms, suicidal ideation, thoughts of violent behaviour towards others. Difficulties in supporting student in school setting.',
    schoolProvides: [
      'Added to the report if missing list.',
      'Risk assessment updated and shared with staff.',
      'Bespoke provision in place and reported to the local authority if on a reduced provision.',
      'Referral to the medical education provision to gain support and possible time there.',
      'Referral or contact with CAMHS.',
    ],
    homeDoes: [
      'Supports from level 1, 2 & 3 are still in place.',
      'Ensure the student has taken any medication needed.',
      'Do not bring to school if they have not taken medication.',
      'Follow agreed risk assessment.',
    ],
    schoolToDo: ['Review of bespoke provision.', 'Seek guidance from medical professionals.'],
    homeToDo: ['Evidence of medical sign off from doctors or other health professionals provided.'],
    evidenceToMoveUp: 'Evidence of significant deterioration in mental health from either home or school.',
    parentSummary:
      'Your child is very unwell at the moment. School has a plan to keep them safe, works closely with health services, and will stay in close touch with you.',
    parentAtHome: [
      'Keep doing everything from levels 1, 2 and 3.',
      'Make sure your child takes any medicine they need.',
      'If your child has not taken their medicine, do not bring them to school.',
      'Follow the safety plan you agreed with school.',
      "Ask your child's doctor or health worker to tell school when they think your child is well enough for more time in school.",
    ],
  },
  MH5: {
    name: 'Mental Health Level 5',
    description:
      'Significantly unwell, unable or unsafe to attend school. School unable to support with medical condition.',
    schoolProvides: [
      'Monitor attendance at alternative provision.',
      'Safeguarding visits if not in school.',
      'Virtual learning via the school website or other online learning provision.',
    ],
    homeDoes: ['Continue to work with health professionals.', 'Support home learning where possible.'],
    schoolToDo: [],
    homeToDo: [],
    evidenceToMoveUp: 'This is the highest level.',
    parentSummary:
      'Your child is too unwell to come to school safely at the moment. School will keep in touch, support learning at home where it can, and work with health services.',
    parentAtHome: [
      "Keep working with your child's doctors and health workers.",
      'Help your child with learning at home when you can.',
    ],
  },
};

/**
 * The "what you can do at home" lines of a letter home or the parent portal, in the parent wording
 * only: never the staff lists ("Evidence of medical sign off from doctors"). No level (Thriving)
 * has the general advice every family gets. A level whose parent wording is empty (a wording saved
 * before parent wording existed) has the framework's own plain words for that level.
 */
export function parentHomeLines(
  level: LevelCode | null,
  wording: { parentAtHome: readonly string[] } | undefined,
): string[] {
  if (!level) return [...THRIVING_AT_HOME];
  const own = (wording?.parentAtHome ?? []).map((s) => s.trim()).filter(Boolean);
  return [...new Set(own.length > 0 ? own : DEFAULT_LEVELS[level].parentAtHome)];
}
