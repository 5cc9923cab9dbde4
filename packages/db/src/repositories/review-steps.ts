import { type ContentKind, type Done, type EditionActor, type EditionState, decide } from '@pledgekeeper/domain/workspace';
import type { Database } from '../connection.js';
import { retryingTransaction } from './retrying-transaction.js';

/** What a review step changes on the working edition. */
export type ReviewChanges =
  { status: 'in-review'; submitted_by: string; submitted_at: string; review_comment: null } | { status: 'draft'; review_comment: string };

/** How one kind of content keeps its editions: each scope gives its own tables, the steps are the same. */
export interface ReviewedContent<Content, Part extends string, Edition extends { version: number; content: Content }> {
  kind: (trx: Database) => ContentKind<Content, Part> | Promise<ContentKind<Content, Part>>;
  situation: (trx: Database) => Promise<{ working: Edition | null; published: unknown; state: EditionState }>;
  update: (trx: Database, edition: Edition, changes: ReviewChanges) => Promise<void>;
  audit: (trx: Database, by: EditionActor, done: Done<Part>, now: Date) => Promise<void>;
}

/**
 * Sending a working edition for review and sending it back, for any kind of content with
 * editions: each reads the situation, asks the lifecycle, then writes and audits in one
 * transaction, from the start again when a rival write won.
 */
export function reviewSteps<Content, Part extends string, Edition extends { version: number; content: Content }>(
  db: Database,
  record: ReviewedContent<Content, Part, Edition>,
) {
  const requireWorking = (working: Edition | null): Edition => {
    if (!working) throw new Error('The lifecycle allowed an action that needs a working edition, but there is none');
    return working;
  };

  return {
    submitForReview: (by: EditionActor, now: Date) =>
      retryingTransaction(db, async (trx) => {
        const { working, published, state } = await record.situation(trx);
        const kind = await record.kind(trx);
        const { changes } = decide(kind, { action: 'submit', role: by.role, state, published: !!published, content: working?.content });
        const edition = requireWorking(working);
        if (changes) {
          await record.update(trx, edition, {
            status: 'in-review',
            submitted_by: by.email,
            submitted_at: now.toISOString(),
            review_comment: null,
          });
          await record.audit(trx, by, { action: 'submit', version: edition.version }, now);
        }
        return { version: edition.version, status: 'in-review' as const };
      }),

    sendBack: (comment: string, by: EditionActor, now: Date) =>
      retryingTransaction(db, async (trx) => {
        const { working, published, state } = await record.situation(trx);
        decide(await record.kind(trx), { action: 'send-back', role: by.role, state, published: !!published });
        const edition = requireWorking(working);
        await record.update(trx, edition, { status: 'draft', review_comment: comment });
        await record.audit(trx, by, { action: 'send-back', version: edition.version, comment }, now);
        return { version: edition.version, status: 'draft' as const };
      }),
  };
}
