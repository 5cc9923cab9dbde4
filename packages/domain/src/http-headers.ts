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
