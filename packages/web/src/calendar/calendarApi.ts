/** The calendar feed page's addresses. */
import { schoolPage } from '../pupils/pupilsApi';

export const calendarFeedApi = '/api/account/calendar-feed';
export const calendarFeedPage = (schoolId: string) => `${schoolPage(schoolId)}/calendar-feed`;
