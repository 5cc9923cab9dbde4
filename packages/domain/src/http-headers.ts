/**
 * The headers the portal and the API agree on, for the hop between them. Defined once here so
 * the two sides can never spell them differently.
 */

/** The reader's own address, as the portal saw it: the API believes it only from the portal. */
export const CLIENT_HEADER = 'x-pledgekeeper-client';

/** The shared secret (PLEDGEKEEPER_SECRET) that proves a request comes from the portal. */
export const PORTAL_KEY_HEADER = 'x-pledgekeeper-portal-key';

/** One id per reader's request, sent on from the portal to the API so both logs can be joined. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * A request id either side believes when it is given one: letters, digits and a few separators,
 * as proxies and UUIDs write them, so that no id can forge or break a log line.
 */
export const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The API's stream of publications (server-sent events), which each portal follows so it knows
 * when the public pages it keeps are out of date. A `live` event opens every stream; a
 * `publication` event follows anything that may have changed a public page, on any instance.
 */
export const PUBLICATION_STREAM_PATH = '/publications';
export const LIVE_EVENT = 'live';
export const PUBLICATION_EVENT = 'publication';
