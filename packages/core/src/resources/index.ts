export * from './resources.audit';
