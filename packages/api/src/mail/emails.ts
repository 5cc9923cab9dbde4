import type { Role } from '@pledgekeeper/domain/workspace';

/**
 * The words of every email, in one place. Plain text, plain words. Nothing here may carry a
 * young person's message or what it is about, and the only token is an invitation's own link.
 */

/** What a review step was about: the council's page, or its progress on the promises. */
export type Part = 'page' | 'progress';

export interface CouncilRef {
  slug: string;
  name: string;
}

const whatOf = (part: Part, council: CouncilRef) =>
  part === 'page' ? `the changes to ${council.name}'s page` : `the progress update for ${council.name}`;

const workspaceLink = (origin: string, council: CouncilRef, part: Part) =>
  `${origin}/${council.slug}/manage${part === 'progress' ? '/progress' : ''}`;

const footer = (origin: string, council: CouncilRef, role: Role) =>
  [
    '',
    '--',
    `You get this email because you are ${role === 'publisher' ? 'a publisher' : 'an editor'} of ${council.name} on Pledgekeeper.`,
    `To stop emails like this, change your email settings: ${origin}/account/email`,
  ].join('\n');

export function invitationEmail(o: {
  origin: string;
  council: CouncilRef;
  role: Role;
  invitedBy: string;
  token: string;
  expiresAt: string;
}): { subject: string; text: string } {
  const until = new Date(o.expiresAt).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });
  return {
    subject: `You are invited to work on ${o.council.name}'s pages on Pledgekeeper`,
    text: [
      `${o.invitedBy} has invited you to be ${o.role === 'publisher' ? 'a publisher' : 'an editor'} of ${o.council.name} on Pledgekeeper, where the council publishes its promises to children in care and care leavers.`,
      '',
      'To accept, open this link and choose a password:',
      `${o.origin}/invitations/${o.token}`,
      '',
      `The link works once, until ${until} (UK time). Do not pass it on: whoever opens it gets the role.`,
      'If you did not expect this email, you can ignore it. Nothing happens unless the link is opened.',
    ].join('\n'),
  };
}

export function reviewRequestedEmail(o: { origin: string; council: CouncilRef; part: Part; by: string }) {
  return {
    subject: `${o.council.name}: changes are waiting for your review`,
    text: [
      `${o.by} has sent ${whatOf(o.part, o.council)} for review.`,
      '',
      'Look at them, then publish them or send them back with a comment:',
      workspaceLink(o.origin, o.council, o.part),
      footer(o.origin, o.council, 'publisher'),
    ].join('\n'),
  };
}

export function sentBackEmail(o: { origin: string; council: CouncilRef; part: Part; by: string; comment: string; role: Role }) {
  return {
    subject: `${o.council.name}: your changes were sent back`,
    text: [
      `${o.by} sent back ${whatOf(o.part, o.council)} that you sent for review. Their comment:`,
      '',
      o.comment,
      '',
      'Change the draft, then send it for review again:',
      workspaceLink(o.origin, o.council, o.part),
      footer(o.origin, o.council, o.role),
    ].join('\n'),
  };
}

export function publishedEmail(o: { origin: string; council: CouncilRef; part: Part; by: string; role: Role }) {
  const publicLink = `${o.origin}/${o.council.slug}${o.part === 'progress' ? '/progress' : ''}`;
  return {
    subject: `${o.council.name}: your changes are published`,
    text: [
      `${o.by} published ${whatOf(o.part, o.council)} that you worked on. Everyone can see them now:`,
      publicLink,
      footer(o.origin, o.council, o.role),
    ].join('\n'),
  };
}

export function messageWaitingEmail(o: { origin: string; council: CouncilRef; role: Role }) {
  return {
    subject: `${o.council.name}: a young person has sent a message`,
    text: [
      `A young person has sent a message to ${o.council.name} on Pledgekeeper. It is waiting for you here:`,
      `${o.origin}/${o.council.slug}/manage/feedback`,
      '',
      'Messages are never sent by email, to keep them private. Read it after you sign in.',
      footer(o.origin, o.council, o.role),
    ].join('\n'),
  };
}
