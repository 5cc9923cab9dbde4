import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BOARD_MEMBER_KINDS,
  type CouncilContent,
  type CouncilContentInput,
  type CouncilKind,
  type Nation,
  councilContent,
} from '@pledgekeeper/domain/council';
import { checkCouncilContent, errorsOf } from '@pledgekeeper/domain/rules';
import { type Random, random } from './generate-random.js';
import { INVOLVEMENT, PLACE_ENDS, PLACE_STARTS, PROMISES, RELATED, THEMES, TRAINING, type Code, sampleLinks } from './generate-text.js';

export { generateProgress, publishSampleProgress, type SampleProgressOptions } from './generate-progress.js';

/**
 * Sample councils for tests and the benchmark: realistic in shape and size, never real. Every
 * slug starts with `sample-` and every name ends "(sample)"; they never go in `seeds/`. Their
 * progress (generate-progress.ts) is published apart, once they are seeded: every text of it
 * starts "Sample:".
 */
export const SAMPLE_PREFIX = 'sample-';
const DEFAULT_SAMPLE_SEED = 20_171_115;

// England-heavy, as the councils with corporate parenting duties are: [weight, nation, kind].
const MIX: [number, Nation, CouncilKind][] = [
  [14, 'england', 'county'],
  [30, 'england', 'unitary'],
  [18, 'england', 'metropolitan-borough'],
  [16, 'england', 'london-borough'],
  [4, 'england', 'district'],
  [2, 'england', 'combined-authority'],
  [2, 'england', 'other-public-body'],
  [8, 'scotland', 'unitary'],
  [5, 'wales', 'unitary'],
  [1, 'northern-ireland', 'other-public-body'],
];
const KIND_WORDS: Record<CouncilKind, string> = {
  county: 'County Council',
  unitary: 'Council',
  district: 'District Council',
  'metropolitan-borough': 'Metropolitan Borough Council',
  'london-borough': 'London Borough Council',
  'combined-authority': 'Combined Authority',
  'other-public-body': 'Health and Care Trust',
};

/** `count` councils, the same ones for the same seed; the first N are the same whatever the count. */
export function generateCouncils(options: { count?: number; seed?: number } = {}): CouncilContent[] {
  const { count = 150, seed = DEFAULT_SAMPLE_SEED } = options;
  const places = random(seed).shuffle(PLACE_STARTS.flatMap((start) => PLACE_ENDS.map((end) => start + end)));
  if (count > places.length) throw new Error(`At most ${places.length} sample councils can be generated`);
  return places.slice(0, count).map((place, index) => {
    const input = sampleCouncil(place, random(seed + 7919 * (index + 1)));
    const content = councilContent.parse(input);
    const errors = errorsOf(checkCouncilContent(content));
    if (errors.length > 0) throw new Error(`Sample ${place} breaks a rule: ${errors[0]!.message}`);
    return content;
  });
}

/** Writes each council as `<slug>.json`, the seed file format, so the server loads them as seeds. */
export async function writeSeedFiles(directory: string, contents: readonly CouncilContent[]): Promise<void> {
  await Promise.all(contents.map((content) => writeFile(join(directory, `${content.council.slug}.json`), JSON.stringify(content))));
}

function sampleCouncil(place: string, rng: Random): CouncilContentInput {
  const [, nation, kind] = rng.weighted(MIX, ([weight]) => weight);
  const slug = `${SAMPLE_PREFIX}${place.toLowerCase()}`;
  return {
    council: { slug, name: `${place} ${KIND_WORDS[kind]} (sample)`, kind, nation, contact: null },
    statement: {
      summary: null,
      paragraphs: [`When a child comes into the care of ${place}, everyone at the council becomes their corporate parent.`],
    },
    pledge: samplePledge(place, nation, rng),
    board: rng.chance(0.92) ? sampleBoard(rng) : null,
    involvement: rng.chance(0.7)
      ? { introduction: null, opportunities: rng.sample(INVOLVEMENT, rng.int(1, 5)).map(([kinds, text]) => ({ kinds: [...kinds], text })) }
      : null,
    training: rng
      .sample(TRAINING, rng.int(0, 3))
      .map((title) => ({ title, description: [`${title}, for officers, members and partners.`] })),
    contacts: [{ team: 'Corporate parenting team', email: `corporate.parenting@${slug}.example.org` }],
  };
}

function samplePledge(place: string, nation: Nation, rng: Random): NonNullable<CouncilContentInput['pledge']> {
  const codes = Object.keys(PROMISES) as Code[];
  // Half the councils leave one or two principles out altogether: the gaps the matrix shows.
  const leftOut = new Set(rng.sample(codes, rng.chance(0.5) ? rng.int(1, 2) : 0));
  const themed = rng.chance(0.25);
  const themes = themed ? rng.sample(THEMES, rng.int(4, 7)) : [];
  const phrases = codes.flatMap((code) => PROMISES[code].map((text) => ({ code, text })));
  const chosen = rng.sample(
    phrases.filter(({ code }) => !leftOut.has(code)),
    rng.int(8, 20),
  );
  const promises = chosen.map(({ code, text }) => {
    const related = RELATED[code];
    const second = rng.chance(0.3) && !leftOut.has(related.principle) ? [related.principle] : [];
    const principles = rng.chance(0.08) ? [] : [code, ...second];
    const localOfferAreas = rng.chance(0.5) ? [rng.pick(related.areas)] : [];
    const theme = themes.find((t) => t.principles.includes(code)) ?? (themed ? rng.pick(themes) : undefined);
    return { text: `We will ${text}.`, themeKey: theme?.key ?? null, principles: sampleLinks(principles, nation), localOfferAreas };
  });
  const ordered = themed ? themes.flatMap((t) => promises.filter((p) => p.themeKey === t.key)) : promises;
  const numbered = !themed || rng.chance(0.3);
  return {
    title: rng.chance(0.5) ? `Our promise to children in care and care leavers` : null,
    introduction: [`${place} makes these promises to the children in its care and its care leavers.`],
    audiences: rng.chance(0.8) ? ['children-in-care', 'care-leavers'] : ['children-in-care'],
    writtenWith: rng.chance(0.6) ? `${place} Children in Care Council` : null,
    themes: themes
      .filter((t) => ordered.some((p) => p.themeKey === t.key))
      .map(({ key, title, principles }) => ({ key, title, principles: sampleLinks(principles, nation) })),
    promises: ordered.map((promise, index) => ({ ...promise, number: numbered ? index + 1 : null })),
  };
}

function sampleBoard(rng: Random): NonNullable<CouncilContentInput['board']> {
  const cadence = rng.weighted(
    [
      [4, { kind: 'every-n-months', months: rng.int(2, 3) }],
      [5, { kind: 'times-per-year', times: rng.int(4, 10) }],
      [1, null],
    ] as const,
    ([weight]) => weight,
  )[1];
  const odds: Record<(typeof BOARD_MEMBER_KINDS)[number], number> = {
    'elected-members': 1,
    officers: 0.9,
    'partner-agencies': 0.7,
    'young-people': 0.5,
    carers: 0.25,
  };
  return {
    name: 'Corporate Parenting Board',
    purpose: ['The board holds the council and its partners to the promises in the pledge.'],
    cadence,
    membership: BOARD_MEMBER_KINDS.filter((kind) => rng.chance(odds[kind])),
  };
}
