import { type Database, findCouncilBySlug } from '@pledgekeeper/db';
import type { Role } from '@pledgekeeper/domain/workspace';
import {
  type CouncilRef,
  type Part,
  invitationEmail,
  messageWaitingEmail,
  publishedEmail,
  reviewRequestedEmail,
  sentBackEmail,
} from './emails.js';
import type { Email, Mailer } from './mailer.js';
import { type EmailKind, optedOut } from './preferences.js';
import { type Recipient, contributors, councilMembers, messageShortlyBefore, submission } from './recipients.js';

/** Who did the thing an email is about. */
interface By {
  id: string;
  displayName: string;
}

/**
 * What procedures call once their change has committed. Each call returns at once: finding the
 * recipients and sending happen in the background, and a failure is logged, never thrown, so
 * email can neither fail nor slow a request.
 */
export interface Notifications {
  invitation(o: { council: CouncilRef; email: string; role: Role; by: By; token: string; expiresAt: string }): void;
  reviewRequested(o: { council: string; part: Part; version: number; by: By; at: Date }): void;
  sentBack(o: { council: string; part: Part; version: number; by: By; comment: string }): void;
  published(o: { council: string; part: Part; version: number; by: By }): void;
  messageWaiting(o: { council: string; at: Date }): void;
}

/** No second "a message waits" email for a message this soon after the one before. */
export const MESSAGE_QUIET_MS = 15 * 60_000;

const NOTHING: Notifications = {
  invitation: () => {},
  reviewRequested: () => {},
  sentBack: () => {},
  published: () => {},
  messageWaiting: () => {},
};

/** Notifications that read recipients from `db` and send through `mailer`; none at all without a mailer. */
export function notifications(db: Database, mailer: Mailer | null): Notifications {
  if (!mailer) return NOTHING;
  const { origin } = mailer;

  /** The council's members chosen by `who`, less the person who acted and anyone who turned `kind` off. */
  const toMembers = async (
    slug: string,
    kind: EmailKind,
    by: By,
    who: (members: Recipient[], councilId: string) => Recipient[] | Promise<Recipient[]>,
    write: (council: CouncilRef, recipient: Recipient) => Omit<Email, 'to'>,
  ) => {
    const found = await findCouncilBySlug(db, slug);
    if (!found) return;
    const members = (await councilMembers(db, found.id)).filter((member) => member.userId !== by.id);
    const chosen = await who(members, found.id);
    const off = await optedOut(
      db,
      chosen.map((r) => r.userId),
      kind,
    );
    const council = { slug, name: found.council.name };
    // One person's refused address must not stop the others' emails.
    for (const recipient of chosen.filter((r) => !off.has(r.userId))) {
      await mailer.send({ to: recipient.email, ...write(council, recipient) }).catch((error: unknown) => {
        mailer.log.error({ err: error, to: recipient.email, kind }, 'an email could not be sent');
      });
    }
  };

  return {
    invitation: ({ council, email, role, by, token, expiresAt }) =>
      mailer.dispatch(() =>
        mailer.send({ to: email, ...invitationEmail({ origin, council, role, invitedBy: by.displayName, token, expiresAt }) }),
      ),

    reviewRequested: ({ council, part, version, by, at }) =>
      mailer.dispatch(() =>
        toMembers(
          council,
          'review-requested',
          by,
          async (members, councilId) => {
            // Sent only when this request made the submission: a second click changes nothing, so says nothing.
            const edition = await submission(db, councilId, part, version);
            return edition?.at === at.toISOString() ? members.filter((m) => m.role === 'publisher') : [];
          },
          (ref) => reviewRequestedEmail({ origin, council: ref, part, by: by.displayName }),
        ),
      ),

    sentBack: ({ council, part, version, by, comment }) =>
      mailer.dispatch(() =>
        toMembers(
          council,
          'sent-back',
          by,
          async (members, councilId) => {
            const submitter = (await submission(db, councilId, part, version))?.by;
            return members.filter((m) => m.email === submitter);
          },
          (ref, r) => sentBackEmail({ origin, council: ref, part, by: by.displayName, comment, role: r.role }),
        ),
      ),

    published: ({ council, part, version, by }) =>
      mailer.dispatch(() =>
        toMembers(
          council,
          'published',
          by,
          async (members, councilId) => {
            const worked = await contributors(db, councilId, part, version);
            return members.filter((m) => worked.has(m.email));
          },
          (ref, r) => publishedEmail({ origin, council: ref, part, by: by.displayName, role: r.role }),
        ),
      ),

    // Every member can open the feedback view. The email says only that a message waits.
    messageWaiting: ({ council, at }) =>
      mailer.dispatch(() =>
        toMembers(
          council,
          'new-message',
          { id: '', displayName: '' },
          async (members, councilId) => ((await messageShortlyBefore(db, councilId, at, MESSAGE_QUIET_MS)) ? [] : members),
          (ref, r) => messageWaitingEmail({ origin, council: ref, role: r.role }),
        ),
      ),
  };
}
