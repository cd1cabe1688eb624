export * from './attendance.values';
export * from './attendance.audit';
export * from './attendance.schemas';
