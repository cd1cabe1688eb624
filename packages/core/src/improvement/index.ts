export * from './areas';
export * from './improvement.values';
export * from './improvement.audit';
