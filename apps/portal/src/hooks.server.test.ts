import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleError } from './hooks.server';

afterEach(() => vi.restoreAllMocks());

// Only the parts of a request event handleError reads.
const eventAt = (path: string, routeId: string | null) =>
  ({
    request: new Request(`http://portal.test${path}`),
    url: new URL(`http://portal.test${path}`),
    route: { id: routeId },
  }) as unknown as Parameters<typeof handleError>[0]['event'];

describe('handleError', () => {
  it('logs what failed without an invitation’s token, which would let anyone reading the log take it', async () => {
    const written = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const shown = await handleError({
      error: new Error('boom'),
      event: eventAt('/invitations/s3cr3t-t0ken', '/invitations/[token]'),
      status: 500,
      message: 'Internal Error',
    });
    await handleError({
      error: new Error('boom'),
      event: eventAt('/%69nvitations/s3cr3t-t0ken', null),
      status: 500,
      message: 'Internal Error',
    });
    const output = written.mock.calls.map((call) => String(call[0])).join('');
    const lines = output
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /invitations/[token]', 'GET /invitations/[token]']);
    expect(lines.map((line) => (line.err as { message: string }).message)).toEqual(['boom', 'boom']);
    expect(output).not.toContain('s3cr3t');
    expect(shown).toEqual({ message: 'Something went wrong on our side. Please try again later.' });
  });
});
