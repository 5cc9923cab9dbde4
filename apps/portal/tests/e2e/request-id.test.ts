import { REQUEST_ID_HEADER } from '@pledgekeeper/domain/http-headers';
import { type LogLine, logLines } from '@pledgekeeper/stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './harness';

// Issue 10: one reader's request can be followed from the portal's log into the API's.
describe('a request id from the portal to the API', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ apiEnv: { LOG_LEVEL: 'debug' }, portalEnv: { LOG_LEVEL: 'debug' } });
  });
  afterAll(() => stack?.stop());

  const linesFor = (output: string, path: string): LogLine[] => logLines(output).filter((line) => line.path === path);

  it('is the one a proxy in front gave, in both logs', async () => {
    const given = 'proxy-7f3a9c21-0001';
    expect((await fetch(`${stack.portalUrl}/worcestershire`, { headers: { [REQUEST_ID_HEADER]: given } })).status).toBe(200);
    await expect
      .poll(() => linesFor(stack.api.output(), '/trpc/council.page'))
      .toEqual([expect.objectContaining({ reqId: given, level: 20, status: 200 })]);
    await expect
      .poll(() => linesFor(stack.portal.output(), '/worcestershire'))
      .toEqual([
        expect.objectContaining({ reqId: given, level: 20, method: 'GET', status: 200, msg: 'request', time: expect.any(Number) }),
      ]);
  });

  it('is made by the portal when none is given, and is the same in both logs', async () => {
    expect((await fetch(`${stack.portalUrl}/somerset`)).status).toBe(200);
    await expect.poll(() => linesFor(stack.portal.output(), '/somerset')).toHaveLength(1);
    const [portalLine] = linesFor(stack.portal.output(), '/somerset');
    expect(portalLine?.reqId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const apiPaths = () =>
      logLines(stack.api.output())
        .filter((line) => line.reqId === portalLine!.reqId)
        .map((line) => line.path);
    await expect.poll(apiPaths).toContain('/trpc/council.page');
  });
});
