export * from './transfers.values';
export * from './transfers.schemas';
export * from './transfers.audit';
export * from '../schools/term-dates';
export * from '../schools/term-dates.schemas';
export * from '../schools/term-dates.audit';
