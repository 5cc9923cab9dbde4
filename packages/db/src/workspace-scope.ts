import { type Council, confirmedWording, keepSuggestedWhereUnchanged, withoutConfirmed } from '@pledgekeeper/domain/council';
import {
  type EditionActor,
  type EditionContent,
  type Done,
  type EditionState,
  Refusal,
  SECTION_CONFLICT_MESSAGE,
  type Section,
  type SectionSave,
  auditNote,
  decide,
  emptyContent,
  pageEditionKind,
} from '@pledgekeeper/domain/workspace';
import type { Database } from './connection.js';
import { toJson } from './json.js';
import { recordAudit } from './repositories/audit.js';
import { findUserByEmail } from './repositories/users.js';
import { insertEditionRows } from './repositories/content-tables.js';
import { findEditionContent, listHistory } from './repositories/history.js';
import { publishedContent } from './published-cache.js';
import { confirmedVersions } from './repositories/wording-confirmations.js';
import { type EditionRef, findPublishedEdition, setPublishedBranding, setReviewed } from './repositories/published-editions.js';
import { retryingTransaction } from './repositories/retrying-transaction.js';
import { reviewSteps } from './repositories/review-steps.js';
import {
  type WorkingEdition,
  deleteWorkingEdition,
  findWorkingEdition,
  insertWorkingEdition,
  revisionsAt,
  updateWorkingEdition,
} from './repositories/working-edition.js';

/**
 * A council's drafts, review and publication, bound to the council like the rest of its scope.
 * Each step reads the situation, asks the domain's lifecycle whether it may happen and what
 * follows, then writes with compare-and-swap, retrying from the start when a rival write won.
 */
export function workspaceScope(db: Database, councilId: string, council: Council) {
  const kind = pageEditionKind(council);

  const situationOf = async (trx: Database) => {
    const [working, published] = await Promise.all([findWorkingEdition(trx, councilId), findPublishedEdition(trx, councilId)]);
    const state: EditionState = working?.status ?? (published ? 'published' : 'none');
    return { working, published, state };
  };

  const audit = (trx: Database, by: EditionActor, done: Done<Section>, now: Date) =>
    recordAudit(trx, { councilId, actor: { id: by.id, email: by.email }, ...auditNote(kind, done) }, now);

  /**
   * `content` of version `from` as a new draft: without the marks of suggested wording that a
   * publisher confirmed, in that version or on the published page, so they do not come back.
   */
  const withConfirmations = async (trx: Database, content: EditionContent, from: number, published: EditionRef | null) => {
    if (!content.pledge) return content;
    let pledge = (await confirmedVersions(trx, councilId)).has(from) ? confirmedWording(content.pledge) : content.pledge;
    if (published?.wordingConfirmedAt && published.version !== from) {
      const shown = (await publishedContent(trx, councilId, published)).pledge;
      if (shown) pledge = withoutConfirmed(pledge, shown);
    }
    return { ...content, pledge };
  };

  /** What a new draft starts from: the page as published, or an empty page. */
  const startingContent = async (trx: Database, published: EditionRef | null): Promise<EditionContent> => {
    const content = published ? (await findEditionContent(trx, councilId, published.version))?.content : null;
    return content && published ? withConfirmations(trx, content, published.version, published) : emptyContent();
  };

  /** The working edition, once the lifecycle has said the action needs and has one. */
  const requireWorking = (working: WorkingEdition | null): WorkingEdition => {
    if (!working) throw new Error('The lifecycle allowed an action that needs a working edition, but there is none');
    return working;
  };

  /**
   * The review steps, writing with each change the publisher's comments on single sections: kept
   * on the draft when it is sent back, and cleared when it goes for review again.
   */
  const stepsWith = (sections: Partial<Record<Section, string>>) =>
    reviewSteps(db, {
      kind: () => kind,
      situation: situationOf,
      update: (trx, edition: WorkingEdition, changes) =>
        updateWorkingEdition(trx, councilId, edition, { ...changes, section_comments: toJson(changes.status === 'draft' ? sections : {}) }),
      audit,
    });
  const steps = stepsWith({});

  return {
    working: () => findWorkingEdition(db, councilId),
    newestPublished: () => findPublishedEdition(db, councilId),
    edition: (version: number) => findEditionContent(db, councilId, version),
    history: () => listHistory(db, councilId),

    /**
     * Saves one section of the working edition, starting a draft from the published page if there
     * is none. Refused, with the section as it now stands, when someone saved it since `revision`.
     */
    saveSection: (save: SectionSave, by: EditionActor, now: Date) =>
      retryingTransaction(db, async (trx) => {
        const { working: found, published, state } = await situationOf(trx);
        const { next } = decide(kind, {
          action: 'save',
          role: by.role,
          state,
          published: !!published,
          part: { name: save.section, content: save.content },
        });
        const base = found ?? { content: await startingContent(trx, published), revisions: revisionsAt(0) };
        const current = base.revisions[save.section];
        if (current.revision !== save.revision) {
          const conflict = {
            section: save.section,
            revision: current.revision,
            content: base.content[save.section],
            // By name, as the history and the audit log say it; the stored email only if no account has it.
            savedBy: current.by ? ((await findUserByEmail(trx, current.by))?.displayName ?? current.by) : null,
            savedAt: current.at,
          };
          throw new Refusal('CONFLICT', SECTION_CONFLICT_MESSAGE, { conflict });
        }
        const working = found ?? (await insertWorkingEdition(trx, councilId, base.content, base.revisions, by, now));
        const revision = current.revision + 1;
        // Whatever an editor writes or changes is the council's; untouched suggestions stay marked.
        const saved =
          save.section === 'pledge' && save.content ? keepSuggestedWhereUnchanged(working.content.pledge, save.content) : save.content;
        const content = { ...working.content, [save.section]: saved };
        const revisions = { ...working.revisions, [save.section]: { revision, by: by.email, at: now.toISOString() } };
        await updateWorkingEdition(trx, councilId, working, {
          status: next,
          content: toJson(content),
          section_revisions: toJson(revisions),
        });
        await audit(trx, by, { action: 'save', version: working.version, part: save.section, revision }, now);
        return { version: working.version, revision };
      }),

    submitForReview: steps.submitForReview,
    /** Back to the editors with a comment, and optionally one on each section that needs it. */
    sendBack: (comment: string, by: EditionActor, now: Date, sections: Partial<Record<Section, string>> = {}) =>
      stepsWith(sections).sendBack(comment, by, now),

    /**
     * Publishes the working edition: its content goes into the content tables the public pages
     * read, and its status changes, in one transaction, so the page changes all at once or not at all.
     */
    publish: (by: EditionActor, now: Date) =>
      retryingTransaction(db, async (trx) => {
        const { working, published, state } = await situationOf(trx);
        decide(kind, { action: 'publish', role: by.role, state, published: !!published, content: working?.content });
        const edition = requireWorking(working);
        const at = now.toISOString();
        // The status changes first: on PostgreSQL that locks the edition, so no save slips in between.
        await updateWorkingEdition(trx, councilId, edition, {
          status: 'published',
          published_at: at,
          published_by: by.email,
          reviewed_at: at,
        });
        await insertEditionRows(trx, councilId, edition.id, edition.content);
        await setPublishedBranding(trx, councilId, edition.content.branding);
        await audit(trx, by, { action: 'publish', version: edition.version }, now);
        return { version: edition.version, publishedAt: at };
      }),

    discardDraft: (by: EditionActor, now: Date) =>
      retryingTransaction(db, async (trx) => {
        const { working, published, state } = await situationOf(trx);
        decide(kind, { action: 'discard', role: by.role, state, published: !!published });
        const edition = requireWorking(working);
        await deleteWorkingEdition(trx, councilId, edition);
        await audit(trx, by, { action: 'discard', version: edition.version }, now);
        return { discarded: edition.version };
      }),

    /** Records that a publisher has checked the published page and it is still right. */
    markReviewed: (by: EditionActor, now: Date) =>
      retryingTransaction(db, async (trx) => {
        const { published, state } = await situationOf(trx);
        decide(kind, { action: 'mark-reviewed', role: by.role, state, published: !!published });
        const edition = published!;
        const at = now.toISOString();
        await setReviewed(trx, councilId, edition.id, at);
        await audit(trx, by, { action: 'mark-reviewed', version: edition.version }, now);
        return { version: edition.version, reviewedAt: at };
      }),

    /**
     * Starts a new draft from an earlier version. Every section starts at revision 1, so a save
     * begun before the restore, from the published page, is refused rather than overwriting it.
     */
    restore: (version: number, by: EditionActor, now: Date) =>
      retryingTransaction(db, async (trx) => {
        const { published, state } = await situationOf(trx);
        decide(kind, { action: 'restore', role: by.role, state, published: !!published });
        const earlier = await findEditionContent(trx, councilId, version);
        if (!earlier) throw new Refusal('NOT_FOUND', `There is no version ${version} of this page`);
        const content = await withConfirmations(trx, earlier.content, version, published);
        const draft = await insertWorkingEdition(trx, councilId, content, revisionsAt(1, by.email, now.toISOString()), by, now);
        await audit(trx, by, { action: 'restore', version: draft.version, from: version }, now);
        return { version: draft.version };
      }),
  };
}

export type WorkspaceScope = ReturnType<typeof workspaceScope>;
