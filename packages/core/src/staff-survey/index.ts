export * from './staff-survey.audit';
export * from './staff-survey.values';
export * from './staff-survey.schemas';
export * from './staff-survey.results';
