import {
  type Database,
  findCouncilBySlug,
  listNewestPublished,
  listNewestPublishedProgress,
  listPublishedContents,
  publishedProgressContent,
  readPublishedContents,
} from '@pledgekeeper/db';
import { Refusal } from '@pledgekeeper/domain/workspace';
import {
  type ComparedCouncil,
  type CouncilDeliveryDetail,
  buildCompareProgress,
  buildDelivery,
  buildMatrix,
  buildSideBySide,
  compareCouncil,
  compareDelivery,
  compareProgress,
  councilDeliveryOf,
  deliveryQuery,
  compareMatrix,
  matrixQuery,
  sideBySide,
  sideBySideOf,
  sideBySideQuery,
} from '@pledgekeeper/domain/compare';
import { publicProcedure, router } from '../trpc.js';

// Publishing makes a new edition, so the newest published editions (with the councils' own
// names, which an admin may change) name exactly what the rows were computed from. The rows are
// kept for that set and computed again once it changes; no publishing code needs to know.
const computed = new WeakMap<Database, { key: string; rows: ComparedCouncil[] }>();

async function comparedCouncils(db: Database): Promise<ComparedCouncil[]> {
  const newest = await listNewestPublished(db);
  const key = newest
    .map(({ council, edition }) => `${edition.id}\t${council.slug}\t${council.name}\t${council.kind}\t${council.nation}`)
    .join('\n');
  const kept = computed.get(db);
  if (kept?.key === key) return kept.rows;
  const rows = (await readPublishedContents(db, newest)).map(({ council, edition, content }) => compareCouncil(council, edition, content));
  computed.set(db, { key, rows });
  return rows;
}

// Delivery depends on the published progress as well, and on the day: an update grows stale and
// an action overdue with no publishing at all. So the day is part of what names the rows.
const delivered = new WeakMap<Database, { key: string; rows: CouncilDeliveryDetail[] }>();

/** Every council with a published page, with its delivery from its newest published progress (if any). */
async function deliveredCouncils(db: Database, now: Date): Promise<CouncilDeliveryDetail[]> {
  // One query for the pages, one for the progress, whatever the number of councils.
  const [newest, progress] = await Promise.all([listNewestPublished(db), listNewestPublishedProgress(db)]);
  const key = [
    now.toISOString().slice(0, 10),
    ...newest.map(
      ({ councilId, council, edition }) =>
        `${edition.id}\t${progress.get(councilId)?.id ?? '-'}\t${council.slug}\t${council.name}\t${council.kind}\t${council.nation}`,
    ),
  ].join('\n');
  const kept = delivered.get(db);
  if (kept?.key === key) return kept.rows;
  const pages = await readPublishedContents(db, newest);
  const rows = await Promise.all(
    newest.map(async ({ councilId }, index) => {
      const { council, content } = pages[index]!;
      const edition = progress.get(councilId);
      const records = edition
        ? { version: edition.version, publishedAt: edition.publishedAt, content: await publishedProgressContent(db, councilId, edition.id) }
        : null;
      return councilDeliveryOf(council, content, records, now);
    }),
  );
  delivered.set(db, { key, rows });
  return rows;
}

/** Why each slug cannot be compared: no such council, or nothing published yet. */
async function whyMissing(db: Database, slugs: readonly string[]): Promise<string> {
  const reasons = await Promise.all(
    slugs.map(async (slug) => {
      const found = await findCouncilBySlug(db, slug);
      return found
        ? `${found.council.name} has not published its corporate parenting page yet`
        : `There is no council "${slug}" on Pledgekeeper`;
    }),
  );
  return reasons.join('; ');
}

export const compareRouter = router({
  /** Every council with a published page, each on its own nation's framework: filtered, sorted, with each framework's coverage. */
  matrix: publicProcedure
    .input(matrixQuery.optional())
    .output(compareMatrix)
    .query(async ({ ctx, input }) => buildMatrix(await comparedCouncils(ctx.db), input ?? {})),

  /** Delivery from published progress: each council's promises by status and how recent its updates are; per principle, how its promises are going. */
  delivery: publicProcedure
    .input(deliveryQuery.optional())
    .output(compareDelivery)
    .query(async ({ ctx, input }) => {
      const now = ctx.now();
      return buildDelivery(await deliveredCouncils(ctx.db, now), input ?? {}, now);
    }),

  /** The same, with every council's promises one by one: the open data of /compare/progress.json. */
  progress: publicProcedure
    .input(deliveryQuery.optional())
    .output(compareProgress)
    .query(async ({ ctx, input }) => {
      const now = ctx.now();
      return buildCompareProgress(await deliveredCouncils(ctx.db, now), input ?? {}, now);
    }),

  /** Two or more councils in the order named: promises by the principles of each one's framework, pledge structure, board practice. */
  sideBySide: publicProcedure
    .input(sideBySideQuery)
    .output(sideBySide)
    .query(async ({ ctx, input }) => {
      const found = new Map((await listPublishedContents(ctx.db, input.councils)).map((entry) => [entry.council.slug, entry]));
      const missing = input.councils.filter((slug) => !found.has(slug));
      if (missing.length > 0) throw new Refusal('NOT_FOUND', await whyMissing(ctx.db, missing));
      return buildSideBySide(
        input.councils.map((slug) => {
          const { council, edition, content } = found.get(slug)!;
          return sideBySideOf(council, edition, content);
        }),
      );
    }),
});
