export * from './staff-survey.audit';
