import { z } from 'zod';
import { councilSlug } from './council.js';
import { plainText } from './text.js';

export const ROLES = ['editor', 'publisher'] as const;
/** A person's role in one council: editors draft changes; publishers review, publish and manage people. */
export const role = z.enum(ROLES, { error: () => 'The role must be editor or publisher' });
export type Role = z.infer<typeof role>;

/** Emails are compared in lower case: one person, one account. */
export const accountEmail = z
  .string({ error: 'Enter an email address' })
  .trim()
  .toLowerCase()
  .max(254, 'An email address is at most 254 characters')
  .pipe(z.email({ error: 'Enter an email address in the right format, like name@council.gov.uk' }));

/** Who is making a change, as the audit log and an edition record them. */
export interface Actor {
  id: string;
  email: string;
}

/** The one answer to a wrong email or a wrong password, so neither tells which was wrong. */
export const WRONG_CREDENTIALS = 'The email or password is not right';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
// Length is what makes a password strong; no composition rules (NCSC and NIST guidance).
export const newPassword = z
  .string({ error: 'Enter a password' })
  .min(PASSWORD_MIN, `A password must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `A password must be at most ${PASSWORD_MAX} characters`);

export const signInInput = z.object({
  email: accountEmail,
  // Not the new-password rules: an old password is checked, not judged.
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(PASSWORD_MAX, 'That password is too long'),
});

export const displayName = plainText(100);

export const membership = z.object({
  council: councilSlug,
  councilName: z.string(),
  role,
});
export type Membership = z.infer<typeof membership>;

/** Who is signed in, and where they may work. */
export const currentUser = z.object({
  email: z.string(),
  displayName: z.string(),
  isPlatformAdmin: z.boolean(),
  memberships: z.array(membership),
});
export type CurrentUser = z.infer<typeof currentUser>;

export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'content-changed',
  'submitted-for-review',
  'sent-back',
  'published',
  'marked-reviewed',
  'restored',
  'draft-discarded',
  'invitation-created',
  'invitation-accepted',
  'invitation-revoked',
  'role-changed',
  'member-removed',
  'council-created',
  'admin-created',
  'branding-changed',
  'feedback-marked',
  'wording-confirmed',
  'safeguarding-contact-changed',
] as const;
export const auditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditAction>;

export const auditEntry = z.object({
  at: z.string(),
  actor: z.string().nullable(),
  action: auditAction,
  summary: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;
