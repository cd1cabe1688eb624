export * from './record-classes';
