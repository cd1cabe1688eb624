export * from './provision.values';
export * from './provision.audit';
export * from './provision.schemas';
export * from './provision.rules';
