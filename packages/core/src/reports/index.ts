export * from './reports.values';
export * from './terms';
export * from './figure';
export * from './suppress';
export * from './reports.schemas';
export * from './reports.audit';
export * from './scope';
export * from './disclosure-check';
