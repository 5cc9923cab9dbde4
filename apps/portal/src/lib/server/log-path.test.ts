import { describe, expect, it } from 'vitest';
import { loggablePath } from './log-path';

describe('loggablePath', () => {
  it('never writes an invitation token', () => {
    expect(loggablePath('/invitations/[token]', '/invitations/s3cr3t-token')).toBe('/invitations/[token]');
    expect(loggablePath(null, '/invitations/s3cr3t-token/more')).toBe('/invitations/[token]/more');
    expect(loggablePath(null, '/%69nvitations/s3cr3t-token')).toBe('/invitations/[token]');
    expect(loggablePath(null, '/invitations/s3cr3t%zz')).toBe('/invitations/[token]');
  });

  it('keeps every other path as it is', () => {
    expect(loggablePath('/[council]/manage', '/somerset/manage')).toBe('/somerset/manage');
    expect(loggablePath(null, '/')).toBe('/');
  });
});
