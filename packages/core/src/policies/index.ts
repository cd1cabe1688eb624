export * from './policies.audit';
