import type { CurrentUser } from '@pledgekeeper/domain/workspace';

// One answer for an unknown email and a wrong password, so the form tells no one who has an account.
export { WRONG_CREDENTIALS as NOT_RIGHT } from '@pledgekeeper/domain/workspace';

/** Where someone lands after signing in when no page asked for them. */
export function homeOf(user: CurrentUser): string {
  if (user.isPlatformAdmin) return '/admin';
  const first = user.memberships[0];
  return first ? `/${first.council}/manage` : '/';
}
