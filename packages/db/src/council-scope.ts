import type { Council, FeedbackInput } from '@pledgekeeper/domain';
import type { Database } from './connection.js';
import { publishedContent } from './published-cache.js';
import { type EditionContent, type EditionRef, findPublishedEdition } from './repositories/editions.js';
import { type AuditRecord, listAudit, recordAudit } from './repositories/audit.js';
import { insertFeedback, listFeedback } from './repositories/feedback.js';
import { findRole } from './repositories/users.js';
import { workspaceScope } from './workspace-scope.js';
import { peopleScope } from './people-scope.js';

export interface PublishedPage {
  edition: EditionRef;
  content: EditionContent;
}

/**
 * The repositories of one council, already bound to it. The API hands these to procedures so
 * that no query can be written without the tenant.
 */
export function councilScope(db: Database, councilId: string, council: Council) {
  return {
    council,
    async publishedPage(): Promise<PublishedPage | null> {
      const edition = await findPublishedEdition(db, councilId);
      return edition ? { edition, content: await publishedContent(db, councilId, edition.id) } : null;
    },
    submitFeedback: (input: Omit<FeedbackInput, 'council'>, now = new Date()) => insertFeedback(db, councilId, input, now),
    listFeedback: () => listFeedback(db, councilId),
    roleOf: (userId: string) => findRole(db, councilId, userId),
    audit: (record: Omit<AuditRecord, 'councilId'>, now = new Date()) => recordAudit(db, { ...record, councilId }, now),
    auditLog: () => listAudit(db, councilId),
    /** Drafts, review, publication and history. */
    workspace: workspaceScope(db, councilId, council),
    /** Members, invitations and roles: see people-scope.ts. */
    people: peopleScope(db, councilId, council.name),
  };
}

export type CouncilScope = ReturnType<typeof councilScope>;
