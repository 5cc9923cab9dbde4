import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

const logAt = (level: Parameters<typeof createLogger>[0]) => {
  const lines: string[] = [];
  return {
    log: createLogger(level, (line) => void lines.push(line)),
    lines: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
};

describe("the portal's log", () => {
  it('writes one JSON line per event, with pino’s level numbers, the time, the request id and the message', () => {
    const { log, lines } = logAt('info');
    const before = Date.now();
    log.warn({ reqId: 'c0ffee00-1234', path: '/somerset', status: 503 }, 'request failed');
    const [line] = lines();
    expect(line).toMatchObject({ level: 40, reqId: 'c0ffee00-1234', path: '/somerset', status: 503, msg: 'request failed' });
    expect(line!.time).toBeGreaterThanOrEqual(before);
    expect(Object.keys(line!).at(-1)).toBe('msg');
  });

  it('leaves out what is below its level, and everything when silent', () => {
    const info = logAt('info');
    info.log.debug({}, 'request');
    info.log.info({}, 'started');
    expect(info.lines().map((line) => line.msg)).toEqual(['started']);
    const silent = logAt('silent');
    silent.log.error({}, 'boom');
    expect(silent.lines()).toEqual([]);
  });

  it('writes an error with its kind, message, stack and cause, which JSON alone would drop', () => {
    const { log, lines } = logAt('debug');
    log.error({ err: new TypeError('no council', { cause: new Error('API away') }) }, 'request failed with an error');
    expect(lines()[0]!.err).toMatchObject({
      type: 'TypeError',
      message: 'no council',
      stack: expect.stringMatching(/TypeError: no council\n\s+at /),
      cause: { message: 'API away' },
    });
  });
});
