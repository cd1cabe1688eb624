export * from './subject-access.values';
export * from './subject-access.audit';
export * from './subject-access.schemas';
export * from './deadlines';
