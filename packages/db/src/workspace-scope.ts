import type { Council, SectionSave } from '@pledgekeeper/domain';
import type { Database } from './connection.js';
import {
  type Actor,
  discardDraft,
  findEditionContent,
  findNewestPublished,
  findWorkingEdition,
  listHistory,
  markReviewed,
  publish,
  restoreVersion,
  saveSection,
  sendBack,
  submitForReview,
} from './repositories/drafts.js';

/** A council's drafts, review and publication, bound to the council like the rest of its scope. */
export function workspaceScope(db: Database, councilId: string, council: Council) {
  return {
    working: () => findWorkingEdition(db, councilId),
    newestPublished: () => findNewestPublished(db, councilId),
    edition: (version: number) => findEditionContent(db, councilId, version),
    history: () => listHistory(db, councilId),
    saveSection: (save: SectionSave, actor: Actor, now: Date) => saveSection(db, councilId, save, actor, now),
    submitForReview: (actor: Actor, now: Date) => submitForReview(db, councilId, council, actor, now),
    sendBack: (comment: string, actor: Actor, now: Date) => sendBack(db, councilId, comment, actor, now),
    publish: (actor: Actor, now: Date) => publish(db, councilId, council, actor, now),
    discardDraft: (actor: Actor, now: Date) => discardDraft(db, councilId, actor, now),
    markReviewed: (actor: Actor, now: Date) => markReviewed(db, councilId, actor, now),
    restore: (version: number, actor: Actor, now: Date) => restoreVersion(db, councilId, version, actor, now),
  };
}

export type WorkspaceScope = ReturnType<typeof workspaceScope>;
