export * from './documents.values';
