/**
 * `npm start`: the web app is built if its sources changed, then the server starts, in one process
 * (a second Node start-up would cost a restart more than the check itself).
 */
import { ensureWebBuilt } from './ensure-built.ts';

ensureWebBuilt();
// Not a literal, so the web's type check does not take in the server.
const server = new URL('../../server/src/main.ts', import.meta.url);
await import(server.href);
