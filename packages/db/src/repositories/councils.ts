import { randomUUID } from 'node:crypto';
import type { Contact, Council, CouncilKind, CouncilSummary, LogoRef, Nation } from '@pledgekeeper/domain/council';
import type { Database } from '../connection.js';
import { fromJson, toJson } from '../json.js';
import type { CouncilTable } from '../schema.js';
import { isNewestPublished } from './published-editions.js';

export interface StoredCouncil {
  id: string;
  council: Council;
}

type CouncilRow = Pick<CouncilTable, 'slug' | 'name' | 'kind' | 'nation' | 'contact' | 'brand_colour' | 'brand_name' | 'brand_logo'>;
const COUNCIL_COLUMNS = ['slug', 'name', 'kind', 'nation', 'contact', 'brand_colour', 'brand_name', 'brand_logo'] as const;

const toCouncil = (row: CouncilRow): Council => ({
  slug: row.slug,
  name: row.name,
  kind: row.kind as CouncilKind,
  nation: row.nation as Nation,
  contact: row.contact === null ? null : fromJson<Contact>(row.contact),
  brandColour: row.brand_colour,
  brandName: row.brand_name,
  brandLogo: row.brand_logo === null ? null : fromJson<LogoRef>(row.brand_logo),
});

export async function findCouncilBySlug(db: Database, slug: string): Promise<StoredCouncil | null> {
  const row = await db
    .selectFrom('councils')
    .select(['id', ...COUNCIL_COLUMNS])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ? { id: row.id, council: toCouncil(row) } : null;
}

export async function insertCouncil(db: Database, council: Council, now: Date): Promise<StoredCouncil> {
  const id = randomUUID();
  await db
    .insertInto('councils')
    .values({
      id,
      slug: council.slug,
      name: council.name,
      kind: council.kind,
      nation: council.nation,
      contact: council.contact ? toJson(council.contact) : null,
      brand_colour: council.brandColour,
      brand_name: council.brandName,
      brand_logo: council.brandLogo ? toJson(council.brandLogo) : null,
      created_at: now.toISOString(),
    })
    .execute();
  return { id, council };
}

/** Councils with a published page, in name order, with the size of their published pledge. */
export async function listPublishedCouncils(db: Database): Promise<CouncilSummary[]> {
  const rows = await db
    .selectFrom('councils')
    .innerJoin('editions', 'editions.council_id', 'councils.id')
    .leftJoin('pledges', (join) => join.onRef('pledges.edition_id', '=', 'editions.id').onRef('pledges.council_id', '=', 'councils.id'))
    .select((eb) => [
      'councils.slug',
      'councils.name',
      'councils.kind',
      'councils.nation',
      'councils.contact',
      'councils.brand_colour',
      'councils.brand_name',
      'councils.brand_logo',
      'pledges.title as pledge_title',
      eb
        .selectFrom('promises')
        .whereRef('promises.edition_id', '=', 'editions.id')
        .whereRef('promises.council_id', '=', 'councils.id')
        .select((count) => count.fn.countAll<number | string>().as('n'))
        .as('promise_count'),
      eb
        .selectFrom('themes')
        .whereRef('themes.edition_id', '=', 'editions.id')
        .whereRef('themes.council_id', '=', 'councils.id')
        .select((count) => count.fn.countAll<number | string>().as('n'))
        .as('theme_count'),
    ])
    .where(isNewestPublished)
    .orderBy('councils.name')
    .execute();
  return rows.map((row) => ({
    ...toCouncil(row),
    pledgeTitle: row.pledge_title ?? null,
    promiseCount: Number(row.promise_count ?? 0),
    themeCount: Number(row.theme_count ?? 0),
  }));
}
