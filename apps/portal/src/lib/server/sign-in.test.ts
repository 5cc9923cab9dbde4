import { describe, expect, it } from 'vitest';
import { homeOf } from './sign-in';

const user = { email: 'a@b.org', displayName: 'A', isPlatformAdmin: false, memberships: [] };

describe('homeOf', () => {
  it('sends admins to onboarding, members to their first council and others home', () => {
    expect(homeOf({ ...user, isPlatformAdmin: true })).toBe('/admin');
    expect(homeOf({ ...user, memberships: [{ council: 'somerset', councilName: 'Somerset', role: 'editor' }] })).toBe('/somerset/manage');
    expect(homeOf(user)).toBe('/');
  });
});
