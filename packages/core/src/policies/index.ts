export * from './policies.audit';
export * from './policies.values';
export * from './policies.rules';
export * from './policies.schemas';
