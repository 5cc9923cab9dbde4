import { type Kysely, sql } from 'kysely';

// Frozen: this file must never import application code or change once released.

// Issue #12: the council's own word for its promises ("pledge", "promise" or "commitment"), so a
// page reads "Pledge 3" or "Promise 3" as the council says it. Pages published before this named
// every numbered promise "Pledge N": those keep that word, so no published page changes; any other
// pledge takes the default, "promise".
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('pledges')
    .addColumn('promise_noun', 'text', (c) => c.notNull().defaultTo('promise'))
    .execute();
  await db
    .updateTable('pledges')
    .set({ promise_noun: 'pledge' })
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('promises')
          .select(sql`1`.as('one'))
          .whereRef('promises.edition_id', '=', 'pledges.edition_id')
          .where('promises.number', 'is not', null),
      ),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pledges').dropColumn('promise_noun').execute();
}
