/** The concerns' use cases, one a file. */
export { logConcern } from './log-concern';
export { listQueue } from './list-queue';
export { myConcerns } from './my-concerns';
export { getConcern } from './get-concern';
export { acknowledge } from './acknowledge';
export { addAction } from './add-action';
export { completeAction } from './complete-action';
export { addAddendum } from './add-addendum';
export { escalateToDsl } from './escalate-to-dsl';
export { moveToRestricted } from './move-to-restricted';
export { closeConcern } from './close-concern';
export { correctConcern } from './correct-concern';
export { recordParentsTold } from './record-parents-told';
export { recordPupilWillTell } from './record-pupil-will-tell';
export { concernSent } from './concern-sent';
