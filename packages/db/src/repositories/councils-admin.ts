import type { CouncilKind, Nation } from '@pledgekeeper/domain/council';
import type { Database } from '../connection.js';

export interface CouncilOverview {
  slug: string;
  name: string;
  kind: CouncilKind;
  nation: Nation;
  published: boolean;
  publishers: number;
}

/** Every council on the platform, published or not, for the platform admin: by name. */
export async function listAllCouncils(db: Database): Promise<CouncilOverview[]> {
  const rows = await db
    .selectFrom('councils')
    .select((eb) => [
      'councils.slug',
      'councils.name',
      'councils.kind',
      'councils.nation',
      eb
        .selectFrom('editions')
        .whereRef('editions.council_id', '=', 'councils.id')
        .where('editions.status', '=', 'published')
        .select((count) => count.fn.countAll<number | string>().as('n'))
        .as('published_count'),
      eb
        .selectFrom('memberships')
        .whereRef('memberships.council_id', '=', 'councils.id')
        .where('memberships.role', '=', 'publisher')
        .select((count) => count.fn.countAll<number | string>().as('n'))
        .as('publisher_count'),
    ])
    .orderBy('councils.name')
    .orderBy('councils.slug')
    .execute();
  return rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    kind: row.kind as CouncilKind,
    nation: row.nation as Nation,
    published: Number(row.published_count ?? 0) > 0,
    publishers: Number(row.publisher_count ?? 0),
  }));
}
