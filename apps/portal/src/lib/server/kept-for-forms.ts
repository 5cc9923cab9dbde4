import { createHash } from 'node:crypto';
import { isHttpError } from '@sveltejs/kit';
import { ByteLru } from '@pledgekeeper/domain/byte-lru';

// What each signed-in person last saw on each workspace page, so a form they send while the API
// is away comes back with what they typed rather than an apology that loses it.
const lastSeen = new ByteLru<unknown>(8 * 1024 * 1024);

/** How full it is, for the health report: private to each person, and never answered to anyone else. */
export const keptForFormsSize = () => lastSeen.size();

interface LoadEvent {
  request: Request;
  url: URL;
  locals: App.Locals;
}

// Hashed, so the memory holds no session token (or invitation token) that could be read back out of it.
const keyOf = (part: string, secret: string | null, event: LoadEvent): string | null =>
  secret ? `${part}:${createHash('sha256').update(`${secret}\n${event.url.pathname}`).digest('base64url')}` : null;

/**
 * A workspace load that, when re-run to show a form's answer while the API is unavailable (503/502),
 * gives what this person last saw on this page; never anyone else's, never on a plain visit.
 */
export function keptForForms<Event extends LoadEvent, Data>(
  part: string,
  load: (event: Event) => Promise<Data>,
  // Whose page it is: the session by default; an invitation's page belongs to whoever holds its token.
  owner: (event: Event) => string | null = (event) => event.locals.sessionToken,
) {
  return async (event: Event): Promise<Data> => {
    const key = keyOf(part, owner(event), event);
    try {
      const data = await load(event);
      if (key !== null) lastSeen.set(key, data, JSON.stringify(data).length + key.length);
      return data;
    } catch (cause) {
      const unavailable = isHttpError(cause) && (cause.status === 502 || cause.status === 503);
      const seen = key !== null && unavailable && event.request.method === 'POST' ? lastSeen.get(key) : undefined;
      if (seen === undefined) throw cause;
      return seen as Data;
    }
  };
}
