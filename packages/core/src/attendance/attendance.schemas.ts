/** Requests and answers of attendance and the missing list. */
export {};
