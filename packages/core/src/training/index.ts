export * from './training.audit';
export * from './training.values';
export * from './training.rules';
export * from './training.schemas';
