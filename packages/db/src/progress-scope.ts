import {
  type ProgressContent,
  type ProgressPart,
  type PublishedProgress,
  type WorkingProgress,
  type YouSaidWeDid,
  PROGRESS_CONFLICT_MESSAGE,
  nextKey,
  emptyProgress,
  progressEditionKind,
  progressTargets,
} from '@pledgekeeper/domain/progress';
import { type Done, type EditionActor, type EditionState, Refusal, auditNote, decide } from '@pledgekeeper/domain/workspace';
import type { Database } from './connection.js';
import { toJson } from './json.js';
import { publishedContent } from './published-cache.js';
import { publishedProgressContent } from './progress-cache.js';
import { recordAudit } from './repositories/audit.js';
import {
  type WorkingProgressEdition,
  findProgressCounters,
  findPublishedProgress,
  findWorkingProgress,
  insertWorkingProgress,
  updateWorkingProgress,
} from './repositories/progress-editions.js';
import { findPublishedEdition } from './repositories/published-editions.js';
import { answerKeys, councilFeedbackIds, linkAnswers } from './repositories/feedback.js';
import { retryingTransaction } from './repositories/retrying-transaction.js';
import { reviewSteps } from './repositories/review-steps.js';

/**
 * A council's delivery records: drafts, review and publication, apart from its page's editions.
 * Like the workspace, each step reads the situation, asks the domain's lifecycle, then writes
 * with compare-and-swap, retrying from the start when a rival write won.
 */
export function progressScope(db: Database, councilId: string) {
  /** The lifecycle's kind, checked against the promises and themes of the council's published pledge. */
  const kindFor = async (trx: Database) => {
    const page = await findPublishedEdition(trx, councilId);
    const pledge = page ? (await publishedContent(trx, councilId, page)).pledge : null;
    return progressEditionKind(progressTargets(pledge));
  };

  const situationOf = async (trx: Database) => {
    const [working, published] = await Promise.all([findWorkingProgress(trx, councilId), findPublishedProgress(trx, councilId)]);
    const state: EditionState = working?.status ?? (published ? 'published' : 'none');
    return { working, published, state };
  };

  const audit = async (trx: Database, by: EditionActor, done: Done<ProgressPart>, now: Date) => {
    const note = auditNote(progressEditionKind([]), done);
    // The page's editions share these words: say which edition this was, inside the sentence.
    const summary = note.summary.replaceAll('version', 'progress version');
    await recordAudit(
      trx,
      { councilId, actor: { id: by.id, email: by.email }, ...note, summary, detail: { ...note.detail, kind: 'progress' } },
      now,
    );
  };

  const requireWorking = (working: WorkingProgressEdition | null): WorkingProgressEdition => {
    if (!working) throw new Error('The lifecycle allowed an action that needs a working edition, but there is none');
    return working;
  };

  const publishedNow = async (trx: Database) => {
    const published = await findPublishedProgress(trx, councilId);
    return published ? { published, content: await publishedProgressContent(trx, councilId, published.id) } : null;
  };

  /**
   * Saves all the records, starting a draft if there is none. Refused when someone saved since
   * `revision`: revisions carry on across editions, so a save begun before a publication is refused too.
   */
  const saveIn = async (trx: Database, save: { revision: number; content: ProgressContent }, by: EditionActor, now: Date) => {
    const { working: found, published, state } = await situationOf(trx);
    const { next } = decide(await kindFor(trx), {
      action: 'save',
      role: by.role,
      state,
      published: !!published,
      part: { name: 'records', content: save.content },
    });
    const current = found?.revision ?? (await findProgressCounters(trx, councilId)).revision;
    if (current !== save.revision) throw new Refusal('CONFLICT', PROGRESS_CONFLICT_MESSAGE);
    const working = found ?? (await insertWorkingProgress(trx, councilId, save.content, by, now));
    const revision = current + 1;
    await updateWorkingProgress(trx, councilId, working, { status: next, content: toJson(save.content), revision });
    await audit(trx, by, { action: 'save', version: working.version, part: 'records', revision }, now);
    return { version: working.version, revision };
  };

  const steps = reviewSteps(db, {
    kind: kindFor,
    situation: situationOf,
    update: (trx, edition: WorkingProgressEdition, changes) => updateWorkingProgress(trx, councilId, edition, changes),
    audit,
  });

  return {
    /** What the public sees: published records only, never a draft. */
    async published(): Promise<PublishedProgress> {
      const found = await publishedNow(db);
      return found
        ? { version: found.published.version, publishedAt: found.published.publishedAt, content: found.content }
        : { version: null, publishedAt: null, content: emptyProgress() };
    },

    /** What an editor works on: the working edition, else the published one, else nothing yet. */
    async working(): Promise<WorkingProgress> {
      const [working, found, counters] = await Promise.all([
        findWorkingProgress(db, councilId),
        publishedNow(db),
        findProgressCounters(db, councilId),
      ]);
      const publishedVersion = found?.published.version ?? null;
      if (working) {
        const { status: state, version, revision, content, reviewComment } = working;
        return { state, version, revision, content, reviewComment, publishedVersion };
      }
      return {
        state: found ? 'published' : 'none',
        version: publishedVersion,
        revision: counters.revision,
        content: found?.content ?? emptyProgress(),
        reviewComment: null,
        publishedVersion,
      };
    },

    /**
     * Saves all the records, starting a draft if there is none. Refused when someone saved since
     * `revision`: revisions carry on across editions, so a save begun before a publication is refused too.
     */
    save: (save: { revision: number; content: ProgressContent }, by: EditionActor, now: Date) =>
      retryingTransaction(db, (trx) => saveIn(trx, save, by, now)),

    /**
     * A publisher's "you said, we did" entry, added to the working records at `revision`, with the
     * messages it answers linked privately: the links are never part of what is published. Refused,
     * changing nothing, when a message is not this council's.
     */
    addYouSaidWeDid: (
      add: { revision: number; entry: Omit<YouSaidWeDid, 'key'>; feedbackIds: readonly string[] },
      by: EditionActor,
      now: Date,
    ) =>
      retryingTransaction(db, async (trx) => {
        const ids = [...new Set(add.feedbackIds)];
        const found = await councilFeedbackIds(trx, councilId, ids);
        if (found.length !== ids.length) {
          throw new Refusal('NOT_FOUND', ids.length === 1 ? 'That message does not exist' : 'One of those messages does not exist');
        }
        const working = await findWorkingProgress(trx, councilId);
        const content = working?.content ?? (await publishedNow(trx))?.content ?? emptyProgress();
        // Keys once linked to messages are never given again, even when their draft was discarded.
        const key = nextKey('said', [...content.youSaidWeDid.map((entry) => entry.key), ...(await answerKeys(trx, councilId))]);
        const entry: YouSaidWeDid = { key, ...add.entry };
        const saved = await saveIn(
          trx,
          { revision: add.revision, content: { ...content, youSaidWeDid: [...content.youSaidWeDid, entry] } },
          by,
          now,
        );
        await linkAnswers(trx, councilId, { feedbackIds: ids, entryKey: key, by: by.email }, now);
        return { ...saved, key };
      }),

    ...steps,

    /** Publishes the working edition: the public sees it at once; the pledge's editions are untouched. */
    publish: (by: EditionActor, now: Date) =>
      retryingTransaction(db, async (trx) => {
        const { working, published, state } = await situationOf(trx);
        decide(await kindFor(trx), { action: 'publish', role: by.role, state, published: !!published, content: working?.content });
        const edition = requireWorking(working);
        const at = now.toISOString();
        await updateWorkingProgress(trx, councilId, edition, { status: 'published', published_at: at, published_by: by.email });
        await audit(trx, by, { action: 'publish', version: edition.version }, now);
        return { version: edition.version, publishedAt: at };
      }),

    /** Drops the working edition. The row is kept as discarded, so its version and revision are never given again. */
    discard: (by: EditionActor, now: Date) =>
      retryingTransaction(db, async (trx) => {
        const { working, published, state } = await situationOf(trx);
        decide(await kindFor(trx), { action: 'discard', role: by.role, state, published: !!published });
        const edition = requireWorking(working);
        // One more revision, so a save from the discarded draft's last revision is refused too.
        await updateWorkingProgress(trx, councilId, edition, { status: 'discarded', revision: edition.revision + 1 });
        await audit(trx, by, { action: 'discard', version: edition.version }, now);
        return { discarded: edition.version };
      }),
  };
}

export type ProgressScope = ReturnType<typeof progressScope>;
