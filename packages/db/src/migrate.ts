import { type Migration, Migrator } from 'kysely';
import { LOCAL_OFFER_AREAS, NATIONS, PRINCIPLES_BY_NATION } from '@pledgekeeper/domain/council';
import type { Database } from './connection.js';
import * as initial from './migrations/2026-11-25T14-00-initial.js';
import * as accounts from './migrations/2026-11-25T15-00-accounts.js';
import * as oneWorkingEdition from './migrations/2026-11-25T16-10-one-working-edition.js';
import * as voiceAndBranding from './migrations/2026-11-25T17-00-voice-and-branding.js';
import * as pledgeWords from './migrations/2026-11-25T17-10-pledge-words.js';
import * as keyedSubmissionClients from './migrations/2026-11-30T06-00-keyed-submission-clients.js';
import * as progressEditions from './migrations/2026-11-30T07-00-progress-editions.js';
import * as feedbackAnswers from './migrations/2026-11-30T09-00-feedback-answers.js';
import * as messageAbout from './migrations/2026-11-30T10-00-message-about.js';
import * as promiseNoun from './migrations/2026-11-30T10-10-promise-noun.js';
import * as suggestedWording from './migrations/2026-11-30T10-20-suggested-wording.js';
import * as involvementLinks from './migrations/2026-11-30T10-30-involvement-links.js';
import * as helpfulQuestion from './migrations/2026-11-30T10-40-helpful-question.js';
import * as nationPrinciples from './migrations/2026-11-30T12-00-nation-principles.js';
import * as sectionComments from './migrations/2026-11-30T12-20-section-comments.js';
import * as safeguardingContact from './migrations/2026-11-30T12-30-safeguarding-contact.js';
import * as brandingInEditions from './migrations/2026-11-30T13-00-branding-in-editions.js';
import * as emailPreferences from './migrations/2026-11-30T12-10-email-preferences.js';

// Listed here rather than read from a folder, so the compiled package needs no file lookups.
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-25T14-00-initial': initial,
  '2026-11-25T15-00-accounts': accounts,
  '2026-11-25T16-10-one-working-edition': oneWorkingEdition,
  '2026-11-25T17-00-voice-and-branding': voiceAndBranding,
  '2026-11-25T17-10-pledge-words': pledgeWords,
  '2026-11-30T06-00-keyed-submission-clients': keyedSubmissionClients,
  '2026-11-30T07-00-progress-editions': progressEditions,
  '2026-11-30T09-00-feedback-answers': feedbackAnswers,
  '2026-11-30T10-00-message-about': messageAbout,
  '2026-11-30T10-10-promise-noun': promiseNoun,
  '2026-11-30T10-20-suggested-wording': suggestedWording,
  '2026-11-30T10-30-involvement-links': involvementLinks,
  '2026-11-30T10-40-helpful-question': helpfulQuestion,
  '2026-11-30T12-00-nation-principles': nationPrinciples,
  '2026-11-30T12-10-email-preferences': emailPreferences,
  '2026-11-30T12-20-section-comments': sectionComments,
  '2026-11-30T12-30-safeguarding-contact': safeguardingContact,
  '2026-11-30T13-00-branding-in-editions': brandingInEditions,
};

/** Brings the schema to the named migration, no further: for tests of a migration's data. */
export async function migrateTo(db: Database, name: keyof typeof MIGRATIONS & string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error } = await migrator.migrateTo(name);
  if (error) throw new Error(`Migration to ${name} failed`, { cause: error });
}

/** Brings the schema to the newest migration, then the statutory reference data up to date. */
export async function migrateToLatest(db: Database): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
  await syncReferenceData(db);
}

async function syncReferenceData(db: Database): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Every nation's principles, each numbered within its own framework.
    for (const nation of NATIONS) {
      for (const [position, principle] of PRINCIPLES_BY_NATION[nation].entries()) {
        const row = { short_name: principle.shortName, plain_words: principle.plainWords, position, nation };
        await trx
          .insertInto('principles')
          .values({ code: principle.code, ...row })
          .onConflict((conflict) => conflict.column('code').doUpdateSet(row))
          .execute();
      }
    }
    for (const [position, area] of LOCAL_OFFER_AREAS.entries()) {
      const row = { name: area.name, position };
      await trx
        .insertInto('local_offer_areas')
        .values({ code: area.code, ...row })
        .onConflict((conflict) => conflict.column('code').doUpdateSet(row))
        .execute();
    }
  });
}
