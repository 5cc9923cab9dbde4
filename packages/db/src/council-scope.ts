import { createHash } from 'node:crypto';
import { type Council } from '@pledgekeeper/domain/council';
import { type Actor, type EditionContent, Refusal } from '@pledgekeeper/domain/workspace';
import { type Feedback, type FeedbackInput, type FeedbackStatus, type MessageInput } from '@pledgekeeper/domain/feedback';
import type { Database } from './connection.js';
import { publishedContent } from './published-cache.js';
import { type EditionRef, findPublishedEdition } from './repositories/published-editions.js';
import { type AuditRecord, listAudit, recordAudit } from './repositories/audit.js';
import { type LogoFile, findLogo, insertLogo } from './repositories/logos.js';
import { answersByFeedback, insertFeedback, insertMessage, listFeedback, markFeedback } from './repositories/feedback.js';
import { type SubmissionForm, takeSubmission } from './repositories/submissions.js';
import { findRole } from './repositories/users.js';
import { workspaceScope } from './workspace-scope.js';
import { peopleScope } from './people-scope.js';
import { progressScope } from './progress-scope.js';
import { wordingScope } from './wording-scope.js';

// London time, as the workspace shows every date.
const SENT_AT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });

/** Feedback as a person would find it in the list, by when it came: its id means nothing to anyone. */
const feedbackNamed = async (db: Database, councilId: string, id: string): Promise<string> => {
  const row = await db
    .selectFrom('feedback')
    .select(['kind', 'created_at'])
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return `the ${row.kind === 'message' ? 'message' : 'feedback'} sent on ${SENT_AT.format(new Date(row.created_at))}`;
};

/** Who made a change, as the audit log and the feedback list name them. */
export interface ChangeActor extends Actor {
  displayName: string;
}

export interface PublishedPage {
  edition: EditionRef;
  content: EditionContent;
}

/**
 * The repositories of one council, already bound to it. The API hands these to procedures so
 * that no query can be written without the tenant.
 */
export function councilScope(db: Database, councilId: string, council: Council) {
  const progress = progressScope(db, councilId);
  return {
    council,
    async publishedPage(): Promise<PublishedPage | null> {
      const edition = await findPublishedEdition(db, councilId);
      return edition ? { edition, content: await publishedContent(db, councilId, edition) } : null;
    },
    submitFeedback: (input: Omit<FeedbackInput, 'council'>, now = new Date()) => insertFeedback(db, councilId, input, now),
    sendMessage: (input: Omit<MessageInput, 'council'>, now = new Date()) => insertMessage(db, councilId, input, now),
    /** The anonymous forms' rate limit, per client at this council: see submissions.ts. */
    allowSubmission: (submission: { client: string; form: SubmissionForm; addressKey: Uint8Array }, now = new Date()) =>
      takeSubmission(db, councilId, submission, now),
    /** A council's feedback, newest first, each with the "you said, we did" entry that answers it. */
    async listFeedback(): Promise<Feedback[]> {
      const [items, answers, published] = await Promise.all([
        listFeedback(db, councilId),
        answersByFeedback(db, councilId),
        progress.published(),
      ]);
      const publishedKeys = new Set(published.content.youSaidWeDid.map((entry) => entry.key));
      return items.map((item) => {
        const keys = answers.get(item.id) ?? [];
        const key = keys.find((k) => publishedKeys.has(k)) ?? keys.at(-1);
        return { ...item, publicAnswer: key ? { key, published: publishedKeys.has(key) } : null };
      });
    },
    /** Marks feedback new, read or answered, with an audit entry; refused when the id is not the council's. */
    markFeedback: (change: { id: string; status: FeedbackStatus; actor: ChangeActor }, now = new Date()) =>
      db.transaction().execute(async (trx) => {
        const changed = await markFeedback(trx, councilId, { id: change.id, status: change.status, by: change.actor.displayName }, now);
        // Another council's id matches no row: to this council it does not exist.
        if (!changed) throw new Refusal('NOT_FOUND', 'That feedback does not exist');
        const summary = `Marked ${await feedbackNamed(trx, councilId, change.id)} as ${change.status}`;
        await recordAudit(
          trx,
          { councilId, actor: change.actor, action: 'feedback-marked', summary, detail: { id: change.id, status: change.status } },
          now,
        );
      }),
    /** Stores a logo already checked and rebuilt, named by the SHA-256 of its bytes; the same file twice is one. */
    async storeLogo(logo: LogoFile, by: string | null, now = new Date()): Promise<string> {
      const id = createHash('sha256').update(logo.bytes).digest('hex');
      await insertLogo(db, councilId, { ...logo, id }, by, now);
      return id;
    },
    /** Any of the council's logos, for its own people: a draft's logo is not public. */
    logo: (id: string) => findLogo(db, councilId, id),
    /** The logo of the council's published branding only: the one its public pages show. */
    publishedLogo: (id: string) => (council.brandLogo?.id === id ? findLogo(db, councilId, id) : Promise.resolve(null)),
    /** Who to tell when a message suggests a child may be at risk; null until a publisher gives it. */
    safeguardingContact: async (): Promise<string | null> =>
      (await db.selectFrom('councils').select('safeguarding_contact').where('id', '=', councilId).executeTakeFirst())
        ?.safeguarding_contact ?? null,
    setSafeguardingContact: (contact: string, actor: ChangeActor, now = new Date()) =>
      db.transaction().execute(async (trx) => {
        await trx.updateTable('councils').set({ safeguarding_contact: contact }).where('id', '=', councilId).execute();
        const summary = `Set the safeguarding contact for messages to “${contact}”`;
        await recordAudit(trx, { councilId, actor, action: 'safeguarding-contact-changed', summary, detail: { contact } }, now);
      }),
    roleOf: (userId: string) => findRole(db, councilId, userId),
    audit: (record: Omit<AuditRecord, 'councilId'>, now = new Date()) => recordAudit(db, { ...record, councilId }, now),
    auditLog: () => listAudit(db, councilId),
    /** Drafts, review, publication and history. */
    workspace: workspaceScope(db, councilId, council),
    /** Members, invitations and roles: see people-scope.ts. */
    people: peopleScope(db, councilId, council.name),
    /** Delivery on each promise, with editions of its own: see progress-scope.ts. */
    progress,
    /** Pledgekeeper's suggested wording and its confirmation by a publisher: see wording-scope.ts. */
    wording: wordingScope(db, councilId),
  };
}

export type CouncilScope = ReturnType<typeof councilScope>;
