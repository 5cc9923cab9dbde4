import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CouncilContent } from '@pledgekeeper/domain/council';
import { checkCouncilContent, describeCadence } from '@pledgekeeper/domain/rules';
import { SeedFileError, defaultSeedDirectory, readSeedDirectory, readSeedFile } from './seed.js';

const seedText = (name: string) => readFile(join(import.meta.dirname, '../../../../shared/seeds', name), 'utf8').catch(() => null);

// Lines of the source pages that are page furniture (headings, form labels), not council content.
const STRUCTURE = new Set(['Being a good corporate parent means:']);

describe('the seed council files', () => {
  let councils: CouncilContent[];
  beforeEach(async () => {
    councils = await readSeedDirectory();
  });
  const bySlug = (slug: string) => {
    const found = councils.find((c) => c.council.slug === slug);
    if (!found) throw new Error(`no ${slug}`);
    return found;
  };

  it('holds both seed councils and breaks no rule', () => {
    expect(councils.map((c) => c.council.name).sort()).toEqual(['Somerset County Council', 'Worcestershire County Council']);
    for (const council of councils) {
      expect(checkCouncilContent(council).filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it("keeps Worcestershire's 11 numbered pledges in order, in the council's own words", () => {
    const { pledge, statement, board } = bySlug('worcestershire');
    expect(pledge?.promises.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(pledge?.promises[0]?.text).toBe('Support and help you to keep safe and prevent bullying');
    // Published wording kept as published, typos and all.
    expect(pledge?.promises[1]?.text).toBe('Ensure that you physical and emotional health and well-being is fully supported');
    expect(pledge?.promises[10]?.text.endsWith("not just 'good enough")).toBe(true);
    expect(statement.goodParentMeans).toHaveLength(5);
    expect(statement.corporateParents.map((p) => p.kind)).toEqual(
      expect.arrayContaining(['elected-members', 'health', 'police', 'district-councils', 'housing-providers', 'voluntary-sector']),
    );
    expect(board?.cadence && describeCadence(board.cadence)).toBe('every two months');
    expect(board?.membership).toContain('young-people');
  });

  it("keeps Somerset's seven themes, involvement, training, events and contacts", () => {
    const somerset = bySlug('somerset');
    expect(somerset.pledge?.themes.map((t) => t.title)).toEqual([
      'Listening, informing',
      'Where I live',
      'Contact with important people',
      'Care planning, information and health',
      'Look after reviews',
      'Leaving care and preparation for independence',
      'Sorting out problems and making complaints',
    ]);
    expect(somerset.pledge?.writtenWith).toBe('Somerset in Care Councils');
    expect(somerset.involvement?.opportunities.map((o) => o.organisation)).toEqual(['Route1 Advocacy', null, null, 'STAR charity']);
    expect(somerset.training[0]?.registration?.email).toBe('SomersetCorporateParentingBoard@somerset.gov.uk');
    expect(somerset.events[0]?.callToAction).toBe('Invite us to your workplace.');
    expect(somerset.contacts[0]).toMatchObject({
      team: "Children and Young People's Team",
      addressLines: ['Customer Contact', 'PO Box 618', 'Taunton', 'Somerset'],
      postcode: 'TA1 3WF',
      email: 'childrens@somerset.gov.uk',
      phone: '0300 123 2224',
    });
  });

  it('drops no sentence of the source pages', async () => {
    // Where the source pages are beside the repository, every sentence of council content in them
    // must be somewhere in the data file.
    for (const [file, slug] of [
      ['000_60599cacd8e77ee1.txt', 'worcestershire'],
      ['004_43564872001f2d14.txt', 'somerset'],
    ] as const) {
      const source = await seedText(file);
      if (source === null) continue;
      const data = await readFile(join(defaultSeedDirectory(), `${slug}.json`), 'utf8');
      const stored = JSON.stringify(JSON.parse(data));
      const sentences = source
        .split('\n')
        .map((line) => line.replace(/^\s*(•|- pledge \d+:|-)\s*/, '').trim())
        .filter((line) => line.split(' ').length >= 6 && !STRUCTURE.has(line));
      expect(sentences.length).toBeGreaterThan(5);
      for (const sentence of sentences) {
        for (const part of sentence.split(/(?<=[.?:])\s+(?=[A-Z])|\s-\s/)) {
          expect(stored, `${slug}: "${part}"`).toContain(JSON.stringify(part.trim()).slice(1, -1));
        }
      }
    }
  });
});

describe('reading a council data file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pk-seed-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('names the file and the field when the data is wrong', async () => {
    const somerset = JSON.parse(await readFile(join(defaultSeedDirectory(), 'somerset.json'), 'utf8'));
    somerset.contacts[0].email = 'not-an-email';
    somerset.council.kind = 'parish';
    await writeFile(join(dir, 'somerset.json'), JSON.stringify(somerset));
    const error = await readSeedFile(join(dir, 'somerset.json')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedFileError);
    expect((error as SeedFileError).message).toContain('somerset.json');
    expect((error as SeedFileError).problems.join('\n')).toMatch(/contacts\.0\.email/);
    expect((error as SeedFileError).problems.join('\n')).toMatch(/council\.kind/);
  });

  it('refuses a file not named after its slug, and a pledge that breaks a rule', async () => {
    const worcs = JSON.parse(await readFile(join(defaultSeedDirectory(), 'worcestershire.json'), 'utf8'));
    worcs.pledge.promises[3].number = 7;
    await writeFile(join(dir, 'worcs.json'), JSON.stringify(worcs));
    const error = (await readSeedFile(join(dir, 'worcs.json')).catch((e: unknown) => e)) as SeedFileError;
    expect(error.problems.join('\n')).toMatch(/named worcestershire\.json/);
    expect(error.problems.join('\n')).toMatch(/numbered 7/);
  });

  it('refuses a file that is not JSON', async () => {
    await writeFile(join(dir, 'broken.json'), '{ "council": ');
    await expect(readSeedFile(join(dir, 'broken.json'))).rejects.toThrow(/broken\.json.*\n.*not readable JSON/);
  });
});
