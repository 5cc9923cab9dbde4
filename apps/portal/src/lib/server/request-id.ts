import { REQUEST_ID_HEADER, SANE_REQUEST_ID } from '@pledgekeeper/domain/http-headers';

/** The id a proxy in front gave this request, if it is a sane one; else a new one. */
export function requestIdOf(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given !== null && SANE_REQUEST_ID.test(given) ? given : crypto.randomUUID();
}
