export * from './small-numbers';
