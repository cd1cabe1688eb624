export * from './measure.types';
export * from './builtin/index';
export * from './score';
export * from './custom';
