/**
 * The statements each area of a framework is rated by (the self-assessment). Keys are stable:
 * "<area key>.<n>", e.g. "county.ethos.1"; they are stored with ratings and actions, so a statement
 * may be reworded but never renumbered.
 *
 * The county framework's statements are its key areas' principles, in general terms. The eight
 * principles' statements are drawn from the senior mental health lead's expected outcomes and the
 * eight principles of a whole school approach.
 */
import type { Framework } from './areas';

export interface Statement {
  key: string;
  areaKey: string;
  text: string;
}

const statementsFor = (areaKey: string, texts: readonly string[]): Statement[] =>
  texts.map((text, i) => ({ key: `${areaKey}.${String(i + 1)}`, areaKey, text }));

const PRINCIPLES: readonly Statement[] = [
  ...statementsFor('principles.leadership', [
    'Leaders and governors visibly champion the mental health and wellbeing of pupils and staff.',
    'A senior mental health lead is named, trained and given time to lead the whole school approach.',
    "The whole school approach is written into the school's policies and development plan, with an action plan reviewed each year.",
    'Leaders work with the SENDCO, the designated safeguarding lead and the designated teacher so that pupils with mental health needs are supported together.',
    'The school shares practical tools and support with other schools through peer networks.',
  ]),
  ...statementsFor('principles.ethos', [
    "The school's values promote respect and openness and value diversity.",
    'Mental health is talked about openly, so that its ups and downs through life feel normal.',
    'The physical, social and emotional environment helps pupils and staff feel safe and that they belong.',
    'The school takes account of how culture, and experiences such as contact with social care or the justice system, shape views of mental health.',
  ]),
  ...statementsFor('principles.curriculum', [
    'Personal, social and health education teaches about mental health and wellbeing in every year group.',
    'Pupils learn ways to manage their feelings and build their own resilience and coping strategies.',
    'Social and emotional skills are built across the curriculum, not only in personal, social and health education.',
    'The curriculum is designed and delivered flexibly to meet the needs of all pupils.',
  ]),
  ...statementsFor('principles.student_voice', [
    'Pupils help shape the whole school approach and the decisions that affect their wellbeing.',
    'Pupils with additional needs or communication difficulties are helped to give their views.',
    'Peer-led wellbeing support, such as peer mentors or wellbeing ambassadors, is in place and supervised.',
    'Pupils’ views inform what support is offered, and they are told what changed as a result.',
  ]),
  ...statementsFor('principles.staff_development', [
    'All staff have mental health awareness training and know how to raise a concern about a pupil’s mental health.',
    'Training on mental health is planned, attended and recorded, and refreshed when it is due.',
    'Staff are supported with their own mental health and resilience, including supervision for those dealing with difficult issues.',
    'Staff wellbeing is surveyed at least once a year, and the school acts on what it hears.',
    'Evidence-based resources and development opportunities on mental health are promoted to staff.',
  ]),
  ...statementsFor('principles.identifying_need', [
    'There is a clear process for identifying early the pupils who may need support with their mental health.',
    'Pupils at greater risk, such as young carers, LGBTQ+ pupils, pupils with SEND, children in need and pupils who have had adverse experiences, are known and their needs considered.',
    'Pupils’ wellbeing is measured, and the impact of interventions is measured with recognised tools.',
    'Information is shared safely when pupils move between schools and settings.',
  ]),
  ...statementsFor('principles.parents', [
    'Parents and carers are engaged and included in promoting wellbeing, in school and at home.',
    'Parents and carers know how to raise a concern about their child’s mental health, and whom to contact.',
    'The school offers parents and carers information and support about mental health.',
    'The views of parents and carers on the school’s approach are sought and acted on.',
  ]),
  ...statementsFor('principles.targeted_support', [
    'The school knows the local mental health services and has clear links with them, including a Mental Health Support Team where there is one.',
    'Staff know the threshold for a referral to children and young people’s mental health services and how to write a good referral.',
    'Pupils who do not meet that threshold but need more than light-touch support have help available.',
    'The school can tell when a need is better met by an education or a health intervention, especially for pupils with SEND.',
    'Targeted interventions are evidence-based, and their outcomes are reviewed.',
  ]),
];

const COUNTY: readonly Statement[] = [
  ...statementsFor('county.ethos', [
    'A positive vision is developed by the whole school community.',
    'Care and respect run through all of school life.',
    'Every child and young person is seen as entitled to belong within the school community.',
    'Staff, children and young people are met with positive approaches, because they respond best to them.',
    'Every child and young person feels safe, wanted and able to achieve.',
    'There is a culture of open listening.',
    'Links with the local community are encouraged.',
  ]),
  ...statementsFor('county.staff_skills', [
    'The health, safety and welfare of staff are kept in mind.',
    'Staff have professional and personal support.',
    'There is a culture of staff supporting each other.',
    'Staff work together to keep a no-blame culture in which anyone can ask for help when needed.',
    'Issues are dealt with in a timely way, so that staff receive support quickly.',
    'Solution-focused approaches are used.',
  ]),
  ...statementsFor('county.policies', [
    'Policies are developed in partnership with parents and governors.',
    'Clear communication keeps the approach consistent across staff.',
    'New staff have training and induction.',
    'There are clear links between SEND, pastoral and curriculum teams.',
    'Mental health is acknowledged in other policies, including safeguarding, attendance and anti-bullying.',
    "Policies reflect the school's inclusive ethos.",
    'Policies take account of the circumstances of vulnerable or disadvantaged pupils.',
    'There are versions of policies written for children and young people.',
  ]),
  ...statementsFor('county.relationships', [
    'Staff think about the quality of their interactions with children and young people and look for positive experiences together.',
    'The focus is on respect, repair and moving on.',
    'Staff work as a team to support each other.',
    'Everyone recognises that everyday interactions make the biggest difference to wellbeing in school.',
    'Staff, children and young people share collaborative, fun activities.',
    'There is a culture of listening.',
    'There are clear procedures for welcoming new children and young people.',
    'Peer support is fostered.',
    'Children and young people can talk to adults about their needs and truly have a voice in the running of the school.',
  ]),
  ...statementsFor('county.partnerships', [
    'The school develops good relationships with parents, carers and guardians.',
    'Parents, carers and guardians are welcome in the school community, whatever their circumstances.',
    'The views of parents, carers and guardians are actively sought on a regular basis.',
    'The school works with other schools to share responsibility and gain mutual support.',
    'The school develops active, solution-focused partnerships.',
    "Good communication with outside agencies keeps an open dialogue with everyone involved in a child's life.",
    'The school develops a sense of belonging to its local community.',
  ]),
  ...statementsFor('county.voice', [
    'Children and young people are involved in decision-making about their school.',
    'Children and young people reflect on their sense of belonging in the school and contribute to decisions.',
    'Children and young people help set their own targets and review their progress, growing in independence.',
    'More vulnerable children and young people have the opportunity to be heard.',
  ]),
  ...statementsFor('county.flexible_response', [
    'The lived experience of each child or young person is considered.',
    "Each child or young person's needs are assessed to plan their inclusion in school.",
    'What has already worked is reviewed and used to build a more detailed plan.',
    'The school responds flexibly, ready to adapt to changing and emerging needs.',
    'Planning is solution-focused, with commitment and persistence.',
    'Interventions are evidence-informed.',
    'Positive support plans are in place where they are needed.',
  ]),
];

export const STATEMENTS: readonly Statement[] = [...PRINCIPLES, ...COUNTY];

const BY_KEY = new Map(STATEMENTS.map((s) => [s.key, s]));

export function statementByKey(key: string): Statement | undefined {
  return BY_KEY.get(key);
}

export function statementsOf(framework: Framework): readonly Statement[] {
  return STATEMENTS.filter((s) => s.areaKey.startsWith(`${framework}.`));
}

/** The statements of one area, in order. */
export function statementsOfArea(areaKey: string): readonly Statement[] {
  return STATEMENTS.filter((s) => s.areaKey === areaKey);
}
