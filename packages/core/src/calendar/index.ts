export * from './calendar.events';
export * from './calendar.schemas';
export * from './calendar.audit';
