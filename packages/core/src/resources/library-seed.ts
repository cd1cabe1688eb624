/**
 * The starter library each trust is given when its first school is added (and in the demo): the
 * support, training and guidance the county framework lists for its key areas (seed 004) and the
 * whole-school steps' reading (seed 001), written in general terms. National resources keep their
 * public address; what a local authority offers is described with no link, for the trust to add its
 * own. Every area of improvement/areas.ts is served at least once (a core test checks it).
 */
import type { ResourceDetails } from './resources.values';

export type StarterResource = Omit<ResourceDetails, 'documentId'>;

const LA = 'Ask your local authority’s services for schools what it offers, and add its link here.';

export const STARTER_LIBRARY: readonly StarterResource[] = [
  {
    title: 'MindEd: free e-learning on children’s mental health',
    description:
      'Short free online sessions for anyone who works with children and young people, and for parents: spotting signs early, talking about mental health, and knowing when to get help.',
    audiences: ['staff', 'leaders', 'parents'],
    kind: 'training',
    areas: ['principles.staff_development', 'county.staff_skills', 'county.ethos', 'steps.right_words'],
    url: 'https://www.minded.org.uk/',
  },
  {
    title: 'Mental health toolkit for schools (Anna Freud)',
    description:
      'A guide to measuring and monitoring pupils’ mental health and wellbeing, with a compendium of validated questionnaires and advice on choosing one.',
    audiences: ['staff', 'leaders'],
    kind: 'tool',
    areas: ['principles.identifying_need', 'county.flexible_response', 'steps.health_and_education'],
    url: 'https://www.annafreud.org/what-we-do/schools-in-mind/resources-for-schools/mental-health-toolkit-for-schools/',
  },
  {
    title: '5 Steps to Mental Health and Wellbeing (Anna Freud)',
    description:
      'A free framework for schools and colleges to build a whole-school approach in five steps: leadership, staff, pupils, parents and carers, and the wider community.',
    audiences: ['leaders'],
    kind: 'tool',
    areas: [
      'principles.leadership',
      'steps.involve_everyone',
      'steps.committed_leadership',
      'steps.positive_relationships',
      'steps.right_words',
      'steps.health_and_education',
    ],
    url: 'https://www.annafreud.org/resources/schools-and-colleges/5-steps-to-mental-health-and-wellbeing/',
  },
  {
    title: 'Samaritans DEAL: developing emotional awareness and listening',
    description:
      'Free lesson plans, activities and videos for pupils aged 14 and over on emotional health, coping and how to listen to and support each other.',
    audiences: ['staff', 'pupils'],
    kind: 'lesson',
    areas: ['principles.curriculum', 'county.relationships', 'steps.right_words'],
    url: 'https://www.samaritans.org/your-community/samaritans-education/deal-developing-emotional-awareness-and-listening',
  },
  {
    title: 'Mental health policy template (Charlie Waller Trust)',
    description:
      'A template for a school’s mental health and wellbeing policy, to adapt with parents, pupils and governors.',
    audiences: ['leaders'],
    kind: 'policy_template',
    areas: ['county.policies', 'principles.leadership', 'steps.involve_everyone'],
    url: 'https://www.cwmt.org.uk/mental-health-policy',
  },
  {
    title: 'Five Ways to Wellbeing',
    description:
      'Five simple actions for everyday wellbeing: connect, be active, take notice, keep learning and give. Easy to share with staff, pupils and families.',
    audiences: ['staff', 'leaders', 'parents', 'pupils'],
    kind: 'guidance',
    areas: ['county.ethos', 'principles.ethos', 'county.staff_skills'],
    url: 'https://issuu.com/neweconomicsfoundation/docs/five_ways_to_well-being',
  },
  {
    title: 'The Boxall Profile',
    description:
      'An assessment of a child’s social, emotional and behavioural development, used to understand needs and plan nurture support, then to see progress.',
    audiences: ['staff'],
    kind: 'tool',
    areas: ['principles.identifying_need', 'county.flexible_response', 'principles.targeted_support'],
    url: 'https://www.nurturegroups.org/',
  },
  {
    title: 'Your local authority’s training on restorative approaches',
    description: `Training for staff in restorative approaches: respect, repairing harm and moving on after conflict. ${LA}`,
    audiences: ['staff', 'leaders'],
    kind: 'training',
    areas: ['county.relationships', 'steps.positive_relationships', 'principles.ethos'],
    url: '',
  },
  {
    title: 'Your local authority’s Attachment Aware Schools training',
    description: `Training that helps staff understand attachment and trauma and respond in ways that build trust and belonging. ${LA}`,
    audiences: ['staff', 'leaders'],
    kind: 'training',
    areas: ['county.relationships', 'principles.staff_development', 'county.ethos'],
    url: '',
  },
  {
    title: 'Your local authority’s training on leading mentally healthy schools',
    description: `Training for senior leaders and the Senior Mental Health Lead on leading a whole-school approach. ${LA}`,
    audiences: ['leaders'],
    kind: 'training',
    areas: ['principles.leadership', 'steps.committed_leadership'],
    url: '',
  },
  {
    title: 'Your local authority’s whole-school audit tool for emotional and mental health',
    description: `A resource for schools with a whole-school audit, to see what is in place and what to work on next. ${LA}`,
    audiences: ['leaders'],
    kind: 'tool',
    areas: ['steps.committed_leadership', 'principles.leadership', 'county.ethos'],
    url: '',
  },
  {
    title: 'Staff resilience training, reflective coaching and supervision',
    description: `Training in staff resilience, and reflective coaching, peer support and supervision for staff who support pupils’ mental health. ${LA}`,
    audiences: ['staff', 'leaders'],
    kind: 'training',
    areas: ['county.staff_skills', 'principles.staff_development'],
    url: '',
  },
  {
    title: 'Your local authority’s counselling service for school staff',
    description: `Confidential counselling for school staff going through a hard time, at work or at home. ${LA}`,
    audiences: ['staff'],
    kind: 'support_service',
    areas: ['county.staff_skills'],
    url: '',
  },
  {
    title: 'Solution circles and solution-focused approaches',
    description:
      'A short, structured way for a group of staff to help a colleague find next steps with a difficult problem, and solution-focused planning for pupils.',
    audiences: ['staff', 'leaders'],
    kind: 'guidance',
    areas: ['county.staff_skills', 'county.flexible_response'],
    url: '',
  },
  {
    title: 'Youth Mental Health First Aid training',
    description:
      'Courses that teach staff to spot the signs of mental ill health in young people and give first help, including in a crisis.',
    audiences: ['staff'],
    kind: 'training',
    areas: ['county.staff_skills', 'principles.staff_development', 'steps.health_and_education'],
    url: 'https://mhfaengland.org/',
  },
  {
    title: 'Self-harm and suicidal thoughts: your local safeguarding partnership’s practice guidance',
    description: `What staff should do when a pupil self-harms or talks about suicide, and how to work with families and health services. ${LA}`,
    audiences: ['staff', 'leaders'],
    kind: 'guidance',
    areas: ['principles.targeted_support', 'county.flexible_response', 'steps.health_and_education'],
    url: '',
  },
  {
    title: 'Public health nurses in schools',
    description:
      'The school nursing service: health advice, drop-ins and support for pupils’ emotional health, and a route to other health services.',
    audiences: ['staff', 'parents', 'pupils'],
    kind: 'support_service',
    areas: ['steps.health_and_education', 'county.partnerships', 'principles.targeted_support'],
    url: '',
  },
  {
    title: 'CAMHS specialist community advisers',
    description:
      'Advisers from the local children’s mental health service who consult with school staff about pupils they are worried about and help decide when to refer.',
    audiences: ['staff', 'leaders'],
    kind: 'support_service',
    areas: ['principles.targeted_support', 'county.partnerships', 'steps.health_and_education'],
    url: '',
  },
  {
    title: 'PSHE schemes of work on relationships and wellbeing',
    description:
      'Schemes of work and training for PSHE and relationships education that give pupils words for feelings and mental health. The PSHE Association has national guidance and lesson plans.',
    audiences: ['staff', 'pupils'],
    kind: 'lesson',
    areas: ['principles.curriculum', 'steps.right_words', 'county.relationships'],
    url: 'https://pshe-association.org.uk/',
  },
  {
    title: 'Circles of Friends and peer support training',
    description: `Training for staff to set up Circles of Friends, peer mentoring and peer mediation, so pupils support each other. ${LA}`,
    audiences: ['staff', 'pupils'],
    kind: 'training',
    areas: ['county.relationships', 'steps.positive_relationships', 'county.voice'],
    url: '',
  },
  {
    title: 'Anti-stigma peer education programme',
    description: `A mental health peer education programme in which pupils from Year 3 to Year 13 lead work to challenge stigma and talk openly about mental health. ${LA}`,
    audiences: ['pupils', 'staff'],
    kind: 'lesson',
    areas: ['principles.student_voice', 'county.voice', 'steps.right_words'],
    url: '',
  },
  {
    title: 'Pupil voice: a school council or participation team',
    description:
      'Guidance on involving pupils in decisions about their school, in setting and reviewing their own targets, and on making sure the most vulnerable pupils are heard.',
    audiences: ['staff', 'leaders', 'pupils'],
    kind: 'guidance',
    areas: ['principles.student_voice', 'county.voice', 'steps.involve_everyone'],
    url: '',
  },
  {
    title: 'Model policy guidance on positive behaviour support',
    description: `A model school policy on positive behaviour support, including when physical intervention may be needed, from the local authority’s behaviour support service. ${LA}`,
    audiences: ['leaders'],
    kind: 'policy_template',
    areas: ['county.policies', 'principles.ethos'],
    url: '',
  },
  {
    title: 'Your local authority’s Local Offer for SEND',
    description: `What support is available locally for children with special educational needs and disabilities and their families. ${LA}`,
    audiences: ['parents', 'staff'],
    kind: 'guidance',
    areas: ['principles.parents', 'county.partnerships', 'principles.targeted_support'],
    url: '',
  },
  {
    title: 'Locality children’s partnerships and early help',
    description: `Local partnerships of schools, health, community services and early help that share responsibility for children in the area and support families. ${LA}`,
    audiences: ['leaders', 'parents'],
    kind: 'support_service',
    areas: ['county.partnerships', 'principles.parents', 'steps.involve_everyone'],
    url: '',
  },
  {
    title: 'Promoting children and young people’s mental health and wellbeing (DfE)',
    description:
      'The Department for Education’s guidance on a whole school or college approach: the eight principles this library is organised by.',
    audiences: ['leaders'],
    kind: 'guidance',
    areas: ['principles.leadership', 'steps.committed_leadership', 'steps.involve_everyone'],
    url: 'https://www.gov.uk/government/publications/promoting-children-and-young-peoples-emotional-health-and-wellbeing',
  },
  {
    title: 'When a mental health issue is affecting attendance (DfE)',
    description:
      'Guidance for schools on supporting a pupil whose mental health is affecting their attendance, working with parents and health services.',
    audiences: ['staff', 'leaders', 'parents'],
    kind: 'guidance',
    areas: ['principles.targeted_support', 'principles.parents', 'county.policies'],
    url: 'https://www.gov.uk/government/publications/mental-health-issues-affecting-a-pupils-attendance-guidance-for-schools',
  },
  {
    title: 'ELSA: emotional literacy support assistants',
    description:
      'Training for teaching assistants to run planned sessions with pupils who need help with their emotions, supervised by educational psychologists.',
    audiences: ['staff'],
    kind: 'training',
    areas: ['principles.targeted_support', 'county.flexible_response', 'principles.staff_development'],
    url: 'https://www.elsanetwork.org/',
  },
];
