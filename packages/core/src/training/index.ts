export * from './training.audit';
