/** The address of the staff's "Pupils who'd like to talk" page (no zod here: the header and My work use it). */
import { schoolPage } from '../pupils/pupilsApi';

export const talkRequestsPage = (schoolId: string) => `${schoolPage(schoolId)}/talk-requests`;
