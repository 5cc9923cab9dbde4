import { type WordingReview, suggestedWordingOf, withoutConfirmed } from '@pledgekeeper/domain/council';
import { type EditionActor, Refusal } from '@pledgekeeper/domain/workspace';
import type { Database } from './connection.js';
import { toJson } from './json.js';
import { publishedContent } from './published-cache.js';
import { recordAudit } from './repositories/audit.js';
import { findPublishedEdition } from './repositories/published-editions.js';
import { retryingTransaction } from './repositories/retrying-transaction.js';
import { findWordingConfirmation, insertWordingConfirmation } from './repositories/wording-confirmations.js';
import { findWorkingEdition, updateWorkingEdition } from './repositories/working-edition.js';

export interface ConfirmedWording {
  version: number;
  by: string;
  at: string;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * Plain words and links to principles that Pledgekeeper suggested, and their confirmation by a
 * publisher as the council's own, bound to one council.
 *
 * A confirmation is a row beside the published edition rather than a new edition: the edition
 * stays exactly as it was published (its history, its diff and its audit entries keep meaning
 * what they said), a draft being worked on at the same time keeps its version number, and the
 * public read applies the confirmation (published-cache.ts). The draft, if there is one, loses its
 * marks where it holds the very words confirmed, so publishing it later does not bring them back.
 */
export function wordingScope(db: Database, councilId: string) {
  return {
    /** The published page's suggested wording and its confirmation, for its members to look at. */
    async review(): Promise<WordingReview> {
      const published = await findPublishedEdition(db, councilId);
      if (!published) return { version: null, noun: 'promise', suggested: { promises: [], themes: [] }, confirmed: null };
      const [content, confirmed] = await Promise.all([
        publishedContent(db, councilId, published),
        findWordingConfirmation(db, councilId, published.id),
      ]);
      return {
        version: published.version,
        noun: content.pledge?.promiseNoun ?? 'promise',
        suggested: suggestedWordingOf(content.pledge),
        confirmed,
      };
    },

    /**
     * Confirms the suggested wording of published version `version`, which the publisher was
     * shown: refused when another version has been published since. Confirming twice is harmless.
     */
    confirm: (version: number, by: EditionActor, now: Date): Promise<ConfirmedWording> =>
      retryingTransaction(db, async (trx) => {
        if (by.role !== 'publisher') throw new Refusal('FORBIDDEN', 'Only a publisher can confirm suggested wording as the council’s own');
        const published = await findPublishedEdition(trx, councilId);
        if (!published) throw new Refusal('NOT_FOUND', 'Nothing is published yet, so there is no wording to confirm');
        if (published.version !== version) {
          throw new Refusal(
            'CONFLICT',
            `Version ${version} is no longer the published page: version ${published.version} is. Check its wording, then confirm it.`,
          );
        }
        const earlier = await findWordingConfirmation(trx, councilId, published.id);
        if (earlier) return { version, ...earlier };
        const content = await publishedContent(trx, councilId, published);
        const suggested = suggestedWordingOf(content.pledge);
        if (suggested.promises.length === 0 && suggested.themes.length === 0) {
          throw new Refusal('CONFLICT', 'The published page has no suggested wording to confirm');
        }
        const at = now.toISOString();
        await insertWordingConfirmation(trx, councilId, published.id, { by: by.email, at });

        const working = await findWorkingEdition(trx, councilId);
        if (working?.content.pledge && content.pledge) {
          const pledge = withoutConfirmed(working.content.pledge, content.pledge);
          await updateWorkingEdition(trx, councilId, working, { content: toJson({ ...working.content, pledge }) });
        }

        const words = suggested.promises.filter((promise) => promise.plainWords !== null).length;
        const links = suggested.promises.filter((promise) => promise.principles.length > 0).length + suggested.themes.length;
        const summary =
          `Confirmed the suggested wording of version ${version} as the council’s own: ` +
          `plain words of ${plural(words, 'promise', 'promises')}, links to principles of ${plural(links, 'promise or theme', 'promises and themes')}`;
        await recordAudit(
          trx,
          {
            councilId,
            actor: { id: by.id, email: by.email },
            action: 'wording-confirmed',
            summary,
            detail: { version, plainWords: words, links },
          },
          now,
        );
        // As the review reads it back: by the publisher's name.
        const confirmed = await findWordingConfirmation(trx, councilId, published.id);
        return { version, by: confirmed?.by ?? by.email, at };
      }),
  };
}

export type WordingScope = ReturnType<typeof wordingScope>;
