export * from './retention.rules';
export * from './retention.audit';
export * from './retention.schemas';
