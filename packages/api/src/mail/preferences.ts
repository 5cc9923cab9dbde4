import { z } from 'zod';
import type { Database } from '@pledgekeeper/db';

/** The emails a person may turn off. Invitations are not here: their reader has no account yet. */
export const EMAIL_KINDS = ['review-requested', 'sent-back', 'published', 'new-message'] as const;
export const emailKind = z.enum(EMAIL_KINDS, { error: () => 'That is not a kind of email Pledgekeeper sends' });
export type EmailKind = z.infer<typeof emailKind>;

/** How the settings page names each kind, and who gets it. */
export const EMAIL_KIND_WORDS: Record<EmailKind, { label: string; hint: string }> = {
  'review-requested': {
    label: 'Changes are waiting for my review',
    hint: 'For publishers: someone has sent changes to the page or the progress update for review.',
  },
  'sent-back': {
    label: 'Changes I sent for review were sent back',
    hint: 'With the comment the publisher wrote.',
  },
  published: {
    label: 'Changes I worked on are published',
    hint: 'When a publisher publishes a page or progress update you helped to write.',
  },
  'new-message': {
    label: 'A young person has sent a message',
    hint: 'Only that a message is waiting, with a link. The message itself is never emailed.',
  },
};

export const emailPreferences = z.array(z.object({ kind: emailKind, label: z.string(), hint: z.string(), on: z.boolean() }));
export type EmailPreferences = z.infer<typeof emailPreferences>;

/** One person's choices: every kind, on unless they turned it off. */
export async function readEmailPreferences(db: Database, userId: string): Promise<EmailPreferences> {
  const off = new Set(
    (await db.selectFrom('email_opt_outs').select('kind').where('user_id', '=', userId).execute()).map((row) => row.kind),
  );
  return EMAIL_KINDS.map((kind) => ({ kind, ...EMAIL_KIND_WORDS[kind], on: !off.has(kind) }));
}

/** Keeps exactly the kinds in `on` switched on for this person, and the rest off, in one transaction. */
export async function saveEmailPreferences(db: Database, userId: string, on: readonly EmailKind[], now: Date): Promise<void> {
  const off = EMAIL_KINDS.filter((kind) => !on.includes(kind));
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('email_opt_outs').where('user_id', '=', userId).execute();
    if (off.length > 0) {
      await trx
        .insertInto('email_opt_outs')
        .values(off.map((kind) => ({ user_id: userId, kind, created_at: now.toISOString() })))
        .execute();
    }
  });
}

/** Of these people, those who turned this kind of email off. */
export async function optedOut(db: Database, userIds: readonly string[], kind: EmailKind): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('email_opt_outs')
    .select('user_id')
    .where('kind', '=', kind)
    .where('user_id', 'in', [...userIds])
    .execute();
  return new Set(rows.map((row) => row.user_id));
}
