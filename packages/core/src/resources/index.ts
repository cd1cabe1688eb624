export * from './resources.audit';
export * from './resources.values';
export * from './resources.schemas';
export * from './library-seed';
