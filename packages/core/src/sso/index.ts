export * from './sso.values';
export * from './sso.schemas';
export * from './sso.audit';
