/** Filled in by the feature. */
export {};
