import type { Database } from '@pledgekeeper/db';

/**
 * Who may call each procedure, and a valid input for it naming a council. The isolation and
 * bad-input tests walk this table; a procedure missing from it fails them.
 */
export type Access = 'public' | 'signed-in' | 'admin' | 'member' | 'publisher';

export interface Fixtures {
  db: Database;
  /** A pending invitation of each council, by slug: for guessed-id attempts. */
  invitationOf: Record<string, string>;
  /** A message sent to each council, by slug: for guessed-id attempts. */
  feedbackOf: Record<string, string>;
}

export interface ProcedureSpec {
  access: Access;
  /** A valid input naming `council`; procedures that name none ignore it. */
  input: (council: string, fixtures: Fixtures) => unknown;
}

/** A logo small enough for any test: a dark rectangle, as base64. */
export const TINY_SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" width="120" height="40"><rect width="120" height="40" fill="#0b0c0c"/></svg>',
).toString('base64');

export const PROCEDURES: Record<string, ProcedureSpec> = {
  'council.list': { access: 'public', input: () => undefined },
  'council.page': { access: 'public', input: (council) => ({ council }) },
  'compare.matrix': { access: 'public', input: () => ({ nation: 'england', sort: 'promises' }) },
  'compare.sideBySide': { access: 'public', input: () => ({ councils: ['worcestershire', 'somerset'] }) },
  'compare.delivery': { access: 'public', input: () => ({ nation: 'england' }) },
  'compare.progress': { access: 'public', input: () => ({ kind: 'county' }) },
  'feedback.submit': { access: 'public', input: (council) => ({ council, page: `/${council}`, helpful: true, comment: 'Clear' }) },
  'feedback.send': {
    access: 'public',
    input: (council) => ({ council, page: `/${council}`, topic: 'help', message: 'Who can I talk to?' }),
  },
  'feedback.overview': { access: 'member', input: (council) => ({ council }) },
  'feedback.setSafeguardingContact': {
    access: 'publisher',
    input: (council) => ({ council, contact: 'Children’s services front door: 01234 000000' }),
  },
  'feedback.mark': { access: 'member', input: (council, f) => ({ council, id: f.feedbackOf[council], status: 'read' }) },
  'branding.uploadLogo': { access: 'member', input: (council) => ({ council, type: 'image/svg+xml', data: TINY_SVG }) },
  'branding.logo': { access: 'member', input: (council) => ({ council, id: 'a'.repeat(64) }) },
  'council.logo': { access: 'public', input: (council) => ({ council, id: 'a'.repeat(64) }) },
  'auth.signIn': { access: 'public', input: () => ({ email: 'nobody@example.org', password: 'not the password' }) },
  'auth.signOut': { access: 'signed-in', input: () => undefined },
  'auth.me': { access: 'public', input: () => undefined },
  'auth.invitation': { access: 'public', input: () => ({ token: 'a'.repeat(43) }) },
  'account.emailPreferences': { access: 'signed-in', input: () => undefined },
  'account.setEmailPreferences': { access: 'signed-in', input: () => ({ on: ['published'] }) },
  'auth.acceptInvitation': {
    access: 'public',
    input: () => ({ token: 'a'.repeat(43), displayName: 'Sam', password: 'a long enough password' }),
  },
  'admin.councils': { access: 'admin', input: () => undefined },
  'admin.createCouncil': {
    access: 'admin',
    input: () => ({ slug: 'new-council', name: 'New Council', kind: 'unitary', nation: 'england' }),
  },
  'admin.invitePublisher': { access: 'admin', input: (council) => ({ council, email: 'first.publisher@example.org' }) },
  'people.list': { access: 'publisher', input: (council) => ({ council }) },
  'people.invite': { access: 'publisher', input: (council) => ({ council, email: 'new.editor@example.org', role: 'editor' }) },
  'people.revokeInvitation': { access: 'publisher', input: (council, f) => ({ council, invitationId: f.invitationOf[council] }) },
  'people.changeRole': { access: 'publisher', input: (council) => ({ council, email: 'editor.a@example.org', role: 'publisher' }) },
  'people.remove': { access: 'publisher', input: (council) => ({ council, email: 'editor.a@example.org' }) },
  'people.audit': { access: 'publisher', input: (council) => ({ council }) },
  'workspace.overview': { access: 'member', input: (council) => ({ council }) },
  'workspace.draft': { access: 'member', input: (council) => ({ council }) },
  'workspace.preview': { access: 'member', input: (council) => ({ council }) },
  'workspace.saveSection': {
    access: 'member',
    input: (council) => ({
      council,
      section: 'events',
      revision: 0,
      content: [{ title: null, description: ['We visit schools.'], callToAction: null }],
    }),
  },
  'workspace.submitForReview': { access: 'member', input: (council) => ({ council }) },
  'workspace.sendBack': { access: 'publisher', input: (council) => ({ council, comment: 'Please check the dates' }) },
  'workspace.publish': { access: 'publisher', input: (council) => ({ council }) },
  'workspace.discardDraft': { access: 'member', input: (council) => ({ council }) },
  'workspace.markReviewed': { access: 'publisher', input: (council) => ({ council }) },
  'workspace.history': { access: 'member', input: (council) => ({ council }) },
  'workspace.diff': { access: 'member', input: (council) => ({ council, from: 1, to: 1 }) },
  'workspace.restore': { access: 'member', input: (council) => ({ council, version: 1 }) },
  'progress.published': { access: 'public', input: (council) => ({ council }) },
  'progress.working': { access: 'member', input: (council) => ({ council }) },
  'progress.save': {
    access: 'member',
    input: (council) => ({
      council,
      revision: 0,
      content: {
        promises: [
          {
            target: 'promise-1',
            measure: 'Every young person has a plan',
            actions: [{ key: 'plans', what: 'Check every plan', responsible: 'Head of Service', due: '2027-03-31', status: 'open' }],
            updates: [{ date: '2026-11-20', status: 'on-track', text: 'Half the plans are checked.', plainWords: 'We are halfway.' }],
          },
        ],
      },
    }),
  },
  'progress.addYouSaidWeDid': {
    access: 'publisher',
    input: (council, f) => ({
      council,
      revision: 0,
      entry: { date: '2026-11-24', source: 'messages', youSaid: 'Letters were hard to read', weDid: 'We rewrote them', promises: [] },
      feedbackIds: [f.feedbackOf[council]],
    }),
  },
  'progress.submitForReview': { access: 'member', input: (council) => ({ council }) },
  'progress.sendBack': { access: 'publisher', input: (council) => ({ council, comment: 'Please add the date' }) },
  'progress.publish': { access: 'publisher', input: (council) => ({ council }) },
  'progress.discard': { access: 'member', input: (council) => ({ council }) },
  'wording.review': { access: 'member', input: (council) => ({ council }) },
  'wording.confirm': { access: 'publisher', input: (council) => ({ council, version: 1 }) },
};
