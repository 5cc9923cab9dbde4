import { REQUEST_ID_HEADER } from '@pledgekeeper/domain/http-headers';
import { describe, expect, it } from 'vitest';
import { requestIdOf } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('a request id', () => {
  it('is the one a proxy in front gave, when it is sane', () => {
    expect(requestIdOf(new Headers({ [REQUEST_ID_HEADER]: 'lb-7f3a9c21.0001' }))).toBe('lb-7f3a9c21.0001');
  });

  it('is a new UUID for each request that brings none, or one that could forge a log line', () => {
    const fresh = [
      new Headers(),
      new Headers(),
      new Headers({ [REQUEST_ID_HEADER]: 'x"},{"level":60' }),
      new Headers({ [REQUEST_ID_HEADER]: 'short' }),
    ].map(requestIdOf);
    for (const id of fresh) expect(id).toMatch(UUID);
    expect(new Set(fresh).size).toBe(4);
  });
});
