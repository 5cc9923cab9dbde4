import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CouncilContent, brandingOf, councilContent } from '@pledgekeeper/domain/council';
import { checkCouncilContent, errorsOf } from '@pledgekeeper/domain/rules';
import type { Database } from './connection.js';
import { findCouncilBySlug, insertCouncil } from './repositories/councils.js';
import { insertEdition } from './repositories/published-editions.js';

/** The seed councils shipped with the platform: one `<slug>.json` file per council. */
export const defaultSeedDirectory = (): string => fileURLToPath(new URL('../seeds/', import.meta.url));

export class SeedFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} is not a valid council data file:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SeedFileError';
  }
}

/** Reads and validates one council data file. The file must be named after the council's slug. */
export async function readSeedFile(path: string): Promise<CouncilContent> {
  const file = basename(path);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new SeedFileError(file, [`not readable JSON: ${(error as Error).message}`]);
  }
  const parsed = councilContent.safeParse(raw);
  if (!parsed.success) {
    throw new SeedFileError(
      file,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`),
    );
  }
  const problems = errorsOf(checkCouncilContent(parsed.data)).map((f) => `${f.path.join('.')}: ${f.message}`);
  if (basename(file, '.json') !== parsed.data.council.slug) {
    problems.push(`the file must be named ${parsed.data.council.slug}.json after the council's slug`);
  }
  if (problems.length > 0) throw new SeedFileError(file, problems);
  return parsed.data;
}

export async function readSeedDirectory(directory = defaultSeedDirectory()): Promise<CouncilContent[]> {
  const files = (await readdir(directory)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(files.map((name) => readSeedFile(join(directory, name))));
}

interface SeedReport {
  inserted: string[];
  skipped: string[];
}

/**
 * Adds each council that is not there yet, with its content as published edition 1, one
 * transaction per council. Councils already present are left as they are: seeding never
 * overwrites what a council has since edited.
 */
export async function seedCouncils(db: Database, contents: CouncilContent[], now = new Date()): Promise<SeedReport> {
  const report: SeedReport = { inserted: [], skipped: [] };
  for (const { council, ...content } of contents) {
    const added = await db.transaction().execute(async (trx) => {
      if (await findCouncilBySlug(trx, council.slug)) return false;
      const stored = await insertCouncil(trx, council, now);
      // A seed file states its branding on its council; the first edition carries it from there.
      await insertEdition(trx, stored.id, { ...content, branding: brandingOf(council) }, { version: 1, status: 'published', now });
      return true;
    });
    (added ? report.inserted : report.skipped).push(council.slug);
  }
  return report;
}
