/**
 * The database cannot be used right now (its SQLite file was deleted or replaced under the running
 * service, say). Thrown by us; classified like the drivers' own connection failures.
 */
export class DatabaseUnavailable extends Error {
  constructor(
    message: string,
    /** Short and safe to show anyone, e.g. on `/health`: no path, no address. */
    readonly reason: string,
  ) {
    super(message);
    this.name = 'DatabaseUnavailable';
  }
}

/** What users are told when the database is away, whatever the dialect and the cause. */
export const DATABASE_UNAVAILABLE_MESSAGE = 'Pledgekeeper cannot reach its database right now. Please try again in a few minutes.';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// PostgreSQL SQLSTATEs: 08 is the connection class; 57P01-57P03 the server shutting down or
// starting; 57014 a statement cancelled by our statement_timeout; 53300 too many connections.
const POSTGRES_CODE = /^(08...|57P0[1-3]|57014|53300)$/;

// SQLite: the file cannot be opened, read or written, or is not (or no longer) a database.
const SQLITE_CODE = /^SQLITE_(CANTOPEN|IOERR|CORRUPT|NOTADB|FULL|READONLY)/;

// Errors pg raises itself, with no code: a connection dropped or never made in time.
const DRIVER_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|not queryable|Client was closed|Connection ended/i;

/**
 * True when an error means "the database is away or unusable", not "this request was wrong":
 * those are answered 503 and retried later. Follows `cause` and aggregated errors.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  if (error instanceof DatabaseUnavailable) return true;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || POSTGRES_CODE.test(code) || SQLITE_CODE.test(code))) return true;
  if (typeof message === 'string' && DRIVER_MESSAGE.test(message)) return true;
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
