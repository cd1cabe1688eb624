export * from './early.values';
export * from './early.audit';
export * from './early.rules';
export * from './early.schemas';
