/** A member of staff's calendar feed over HTTP: what the account page reads and is answered. */
import { z } from 'zod';

/** Whether the person has a feed, and since when; the address itself is never shown again. */
export const calendarFeedResponse = z.object({
  feed: z
    .object({
      createdAt: z.string(),
      lastFetchedAt: z.string().nullable(),
    })
    .nullable(),
});
export type CalendarFeedResponse = z.infer<typeof calendarFeedResponse>;

/** A new address, shown once, after setting up or renewing. */
export const calendarFeedCreatedResponse = z.object({
  address: z.string(),
  createdAt: z.string(),
  renewed: z.boolean(),
});
export type CalendarFeedCreatedResponse = z.infer<typeof calendarFeedCreatedResponse>;
