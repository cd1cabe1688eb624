export * from './areas';
export * from './frameworks';
export * from './improvement.values';
export * from './improvement.audit';
export * from './assessments.schemas';
export * from './actions.schemas';
