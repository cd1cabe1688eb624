/** Requests and answers of reduced timetables, education elsewhere and safeguarding visits. */
export {};
