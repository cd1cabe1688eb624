/**
 * The schemas that the first page and the header use, fetched only when a response needs them
 * (see ResponseSchema in client.ts). They go through this module rather than a dynamic import of
 * '@tandem/core' itself, which would make the whole of core one chunk and bring it back to every
 * page.
 */
export {
  alertCountsEvent,
  alertListResponse,
  levelFrameworkResponse,
  myWorkResponse,
  okResponse,
  sessionResponse,
  signInBody,
} from '@tandem/core';
