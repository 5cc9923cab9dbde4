import { type Deployment, readDeployment } from './deployment';
import { LOG_LEVELS, type LogLevel, type Logger, createLogger } from './log';

/** The portal's settings, read once from the environment. */
export interface PortalEnv {
  port: number;
  apiUrl: string;
  /** PLEDGEKEEPER_SECRET, shared with the API: sent so that it believes the reader addresses we name. */
  secret: string | null;
  /** LOG_LEVEL, as the API's: `info` logs failures and slow requests, `debug` a line per request. */
  logLevel: LogLevel;
}

type Source = Record<string, string | undefined>;

// A pure function of its source so tests can hand it values (vitest has no $env).
export function readEnv(source: Source): PortalEnv {
  const port = Number(source.PORT ?? '3000');
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a whole number from 1 to 65535, not "${source.PORT}"`);
  }
  const apiUrl = (source.API_URL ?? 'http://127.0.0.1:3001').trim();
  let parsed: URL;
  try {
    parsed = new URL(apiUrl);
  } catch {
    throw new Error(`API_URL must be a web address, not "${apiUrl}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`API_URL must start with http:// or https://, not "${apiUrl}"`);
  }
  const secret = source.PLEDGEKEEPER_SECRET || null;
  if (secret !== null && secret.length < 32) {
    throw new Error('PLEDGEKEEPER_SECRET must be at least 32 characters long (the API checks the same)');
  }
  const logLevel = (source.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${source.LOG_LEVEL}"`);
  return { port, apiUrl: apiUrl.replace(/\/+$/, ''), secret, logLevel };
}

export const env: PortalEnv = readEnv(process.env);

/** https, proxies and the page cache: read here with the rest, checked in `deployment.ts`. */
export const deployment: Deployment = readDeployment(process.env);

/** The portal's log: JSON lines like the API's, at LOG_LEVEL. */
export const log: Logger = createLogger(env.logLevel);
