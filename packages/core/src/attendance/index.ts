export * from './attendance.values';
export * from './attendance.audit';
export * from './missing.schemas';
export * from './attendance.schemas';
export * from './attendance.days';
export * from './attendance.import';
