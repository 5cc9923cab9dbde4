import type { CurrentUser } from '@pledgekeeper/domain';

// One answer for an unknown email and a wrong password, so the form tells no one who has an account.
export const NOT_RIGHT = 'The email or password is not right';

/** Where someone lands after signing in when no page asked for them. */
export function homeOf(user: CurrentUser): string {
  if (user.isPlatformAdmin) return '/admin';
  const first = user.memberships[0];
  return first ? `/${first.council}/manage` : '/';
}
