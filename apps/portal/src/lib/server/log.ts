import { hostname } from 'node:os';

// pino's numbers, so a line from the portal reads like one from the API, and one filter serves both.
const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity } as const;
export type LogLevel = keyof typeof LEVELS;
export const LOG_LEVELS = Object.keys(LEVELS) as LogLevel[];

export type LogFields = Record<string, unknown>;
type Write = (fields: LogFields, msg: string) => void;

export interface Logger {
  error: Write;
  warn: Write;
  info: Write;
  debug: Write;
}

// An error as pino writes one: its kind, message and stack, which JSON.stringify would drop.
const serialised = (value: unknown): unknown =>
  value instanceof Error
    ? { type: value.name, message: value.message, stack: value.stack, ...(value.cause ? { cause: serialised(value.cause) } : {}) }
    : value;

/**
 * One JSON line per event on stdout: level, time, request id (`reqId`, as the API names it) and
 * message. Callers pass what they log already made safe, such as `loggablePath`'s path.
 */
export function createLogger(level: LogLevel, write: (line: string) => void = (line) => void process.stdout.write(line)): Logger {
  const at =
    (name: Exclude<LogLevel, 'silent'>): Write =>
    (fields, msg) => {
      if (LEVELS[name] < LEVELS[level]) return;
      const { err, ...rest } = fields;
      const line = {
        level: LEVELS[name],
        time: Date.now(),
        pid: process.pid,
        hostname: hostname(),
        ...rest,
        ...(err === undefined ? {} : { err: serialised(err) }),
        msg,
      };
      write(`${JSON.stringify(line)}\n`);
    };
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}
