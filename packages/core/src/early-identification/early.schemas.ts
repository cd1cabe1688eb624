/** Requests and answers of early identification. */
export {};
