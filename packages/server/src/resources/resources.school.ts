/** Work when a school is added (the trust's starter library, once per trust; filled in by the feature). */
import type { SchoolCreatedHook } from '../platform/registries';

export const seedLibraryForNewSchool: SchoolCreatedHook = () => Promise.resolve();
