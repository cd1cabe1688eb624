export * from './auth/roles';
export * from './auth/auth.schemas';
export * from './errors/app-error';
export * from './audit/events';
export * from './audit/audit.schemas';
export * from './schools/schools.schemas';
export * from './staff/staff.schemas';
export * from './pupils/upn';
