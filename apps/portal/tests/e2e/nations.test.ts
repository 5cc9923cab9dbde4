import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '@pledgekeeper/db';
import { seedCouncils } from '@pledgekeeper/db/seed';
import { type CompareProgress, parseCsv } from '@pledgekeeper/domain/compare';
import { type CouncilContentInput, type Nation, councilContent } from '@pledgekeeper/domain/council';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startStack, type Stack } from './harness';

// Issue 12, "Right for their nation": a council's nation decides which law, framework and help
// its pages give. One council of each nation (England's is a seed council), each read as a young
// person and an adult would, with JavaScript off.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const VIEWPORTS = [
  { width: 360, height: 640 },
  { width: 1280, height: 800 },
];

// Each council links its promises to its own nation's principles, as the workspace lets it.
const OWN_PRINCIPLES: Record<Nation, [listen: string[], home: string[]]> = {
  england: [[], []],
  wales: [['wales-charter-working-together'], ['wales-charter-home']],
  scotland: [['cypsa2014-58c'], ['cypsa2014-58a']],
  'northern-ireland': [[], []],
};

function councilOf(nation: Nation, slug: string, name: string): CouncilContentInput {
  const [listen, home] = OWN_PRINCIPLES[nation];
  return {
    council: { slug, name, kind: nation === 'northern-ireland' ? 'other-public-body' : 'unitary', nation },
    statement: { paragraphs: [`${name} is a corporate parent to every child in its care.`] },
    pledge: {
      introduction: [],
      audiences: ['children-in-care', 'care-leavers'],
      promises: [
        { number: 1, text: 'We will listen to you.', principles: listen as never },
        { number: 2, text: 'We will help you find a safe home.', principles: home as never },
      ],
    },
    contacts: [{ team: 'Children in care team', email: `team@${slug}.example` }],
  };
}

/** What each nation's pages must say, and what they must never say. */
const NATIONS = [
  {
    nation: 'england',
    slug: 'worcestershire',
    name: 'Worcestershire County Council',
    law: /Children and Social Work Act 2017/,
    framework: { heading: 'The corporate parenting principles', principle: 'Best interests and wellbeing' },
    commissioner: { name: "Help at Hand, from the Children's Commissioner for England", link: 'tel:08005280731' },
    never: /A promise from Wales|Scotland|Northern Ireland Commissioner/,
  },
  {
    nation: 'wales',
    slug: 'llanfair-test',
    name: 'Llanfair County Borough Council (test)',
    law: /Social Services and Well-being \(Wales\) Act 2014/,
    framework: { heading: 'The principles of “A promise from Wales”', principle: 'Eradicating stigma' },
    commissioner: { name: "The Children's Commissioner for Wales", link: 'https://www.childcomwales.org.uk/' },
    never: /England|Help at Hand|0800 528 0731/,
  },
  {
    nation: 'scotland',
    slug: 'glenbrae-test',
    name: 'Glenbrae Council (test)',
    law: /Children and Young People \(Scotland\) Act 2014/,
    framework: { heading: 'The corporate parenting duties in Scotland', principle: 'Alert to their wellbeing' },
    commissioner: { name: "The Children and Young People's Commissioner Scotland", link: 'https://www.cypcs.org.uk/' },
    never: /England|Help at Hand|0800 528 0731/,
  },
  {
    nation: 'northern-ireland',
    slug: 'loughside-test',
    name: 'Loughside Health and Social Care Trust (test)',
    law: /no law on corporate parenting[\s\S]*Children \(Northern Ireland\) Order 1995[\s\S]*A Life Deserved/,
    framework: { heading: 'Corporate parenting in Northern Ireland', principle: null },
    commissioner: { name: 'The Northern Ireland Commissioner for Children and Young People (NICCY)', link: 'https://www.niccy.org/' },
    never: /Councils in England|Help at Hand|0800 528 0731/,
  },
] as const;

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  const made = NATIONS.filter((n) => n.nation !== 'england').map((n) => councilContent.parse(councilOf(n.nation, n.slug, n.name)));
  const { db } = createDatabase(stack.databaseUrl);
  await seedCouncils(db, made).finally(() => db.destroy());
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await stack?.stop();
});

async function open(path: string, viewport = VIEWPORTS[1]!, javaScriptEnabled = false): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport });
  contexts.push(context);
  const page = await context.newPage();
  const response = await page.goto(stack.portalUrl + path);
  expect(response?.status(), path).toBe(200);
  return page;
}

const text = async (page: Page, selector = 'main') => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ');

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS]).analyze();
  return results.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

describe.each(NATIONS)('a council in $nation', (expected) => {
  it('gives young people its own nation’s help, on its page and on its card', async () => {
    for (const path of [`/${expected.slug}`, `/${expected.slug}/card`]) {
      const page = await open(path);
      const help = page.locator('[data-national-help]');
      expect(await help.count(), path).toBe(1);
      expect(await text(page, '[data-national-help]'), path).toContain(expected.commissioner.name);
      expect(await help.locator(`a[href="${expected.commissioner.link}"]`).count(), path).toBe(1);
      if (expected.nation !== 'england') expect(await text(page), path).not.toMatch(expected.never);
    }
  });

  it('tells the adults which law and framework apply, and never another nation’s', async () => {
    const page = await open(`/${expected.slug}/about`);
    const section = page.locator('section[aria-labelledby="principles-heading"]');
    expect(await section.getByRole('heading', { level: 2 }).textContent()).toBe(expected.framework.heading);
    const words = await text(page, 'section[aria-labelledby="principles-heading"]');
    expect(words).toMatch(expected.law);
    if (expected.framework.principle) expect(words).toContain(expected.framework.principle);
    else expect(await section.locator('li').count()).toBe(0);
    expect(words).not.toMatch(expected.never);
  });
});

describe('/compare, like with like', () => {
  const rowsOf = (page: Page, selector: string) =>
    page
      .locator(`${selector} table.matrix tbody tr[data-council]`)
      .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.council));

  it('compares each nation’s councils on its own framework, in a table of their own, and says why', async () => {
    const page = await open('/compare');
    expect(await rowsOf(page, 'section[data-nation="england"]')).toEqual(['somerset', 'worcestershire']);
    for (const expected of NATIONS.filter((n) => n.nation !== 'england')) {
      expect(await rowsOf(page, `section[data-nation="${expected.nation}"]`)).toEqual([expected.slug]);
    }
    // Wales: the charter's eleven principles, the council's two promises under its own two of them.
    const wales = page.locator('section[data-nation="wales"]');
    expect(await wales.getAttribute('data-framework')).toBe('wales-charter-2023');
    expect(await text(page, 'section[data-nation="wales"]')).toMatch(/A promise from Wales[\s\S]*not set by law/);
    expect(await wales.locator('thead th[data-principle]').count()).toBe(11);
    const cell = async (section: string, code: string) =>
      (await page.locator(`section[data-nation="${section}"] td[data-principle="${code}"]`).textContent())?.trim();
    expect(await cell('wales', 'wales-charter-working-together')).toBe('1');
    expect(await cell('wales', 'wales-charter-home')).toBe('1');
    expect(await cell('wales', 'wales-charter-equality')).toContain('none');
    expect(await wales.locator('[data-figure="covered"]').textContent()).toBe('2');
    // Scotland: the six duties of section 58.
    expect(await page.locator('section[data-nation="scotland"] thead th[data-principle]').count()).toBe(6);
    expect(await cell('scotland', 'cypsa2014-58c')).toBe('1');
    expect(await cell('scotland', 'cypsa2014-58a')).toBe('1');
    expect(await text(page, 'section[data-nation="scotland"]')).toMatch(/Children and Young People \(Scotland\) Act 2014/);
    // Northern Ireland has no national principles: the size and shape of its pledge only.
    const ni = page.locator('section[data-nation="northern-ireland"]');
    expect(await ni.locator('[data-principle]').count()).toBe(0);
    expect(await ni.locator('[data-figure="structure"]').textContent()).toBe('Numbered promises');
    // No council is counted under another nation's principles.
    expect(
      await page
        .locator('section[data-nation="england"] [data-principle^="wales-"], section[data-nation="england"] [data-principle^="cypsa"]')
        .count(),
    ).toBe(0);
    expect(await wales.locator('[data-principle^="cswa2017"]').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Why councils of different nations are in separate tables' }).count()).toBe(1);
    // A chart per framework, each over its own councils.
    expect(await page.getByRole('img', { name: 'How the 2 councils in England shown cover each principle' }).count()).toBe(1);
    expect(await page.getByRole('img', { name: 'How the council in Wales shown covers each principle' }).count()).toBe(1);
    expect(
      await page.locator('section[data-nation="wales"] .coverage-table tr[data-principle="wales-charter-home"] td').first().textContent(),
    ).toBe('1');
    // Delivery by principle, per framework too.
    expect(await page.locator('[aria-labelledby="principle-delivery-wales-caption"] tr[data-principle="wales-charter-home"]').count()).toBe(
      1,
    );
    const england = page.locator('[aria-labelledby="principle-delivery-england-caption"] tbody tr[data-principle]');
    expect(await england.evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.principle!.slice(0, 9)))).toEqual(
      Array(7).fill('cswa2017-'),
    );
  });

  it('fits every nation’s table on a 1280 px screen, never breaking a council’s name inside a word', async () => {
    const page = await open('/compare', VIEWPORTS[1]);
    const overflow = await page
      .locator('.table-scroll:has(table.matrix)')
      .evaluateAll((regions) => regions.map((region) => region.scrollWidth - region.clientWidth));
    expect(overflow).toEqual([0, 0, 0, 0]);
    // A word split over two lines has two boxes.
    const broken = await page.locator('table.matrix th.council a').evaluateAll((links) =>
      links.flatMap((link) => {
        const node = link.firstChild!;
        const words = [...(node.textContent ?? '').matchAll(/\S+/g)];
        return words.flatMap((word) => {
          const range = document.createRange();
          range.setStart(node, word.index!);
          range.setEnd(node, word.index! + word[0].length);
          return range.getClientRects().length > 1 ? [word[0]] : [];
        });
      }),
    );
    expect(broken).toEqual([]);
  });

  it('filters by nation, and sets councils of two nations side by side each on its own framework, saying no mapping is made', async () => {
    const welsh = await open('/compare?nation=wales');
    expect(await welsh.locator('section[data-nation]').evaluateAll((s) => s.map((e) => (e as HTMLElement).dataset.nation))).toEqual([
      'wales',
    ]);
    expect(await welsh.getByLabel('Sort by').locator('option', { hasText: 'Promises under A stable home (Wales)' }).count()).toBe(1);

    const page = await open('/compare/side-by-side?council=worcestershire&council=llanfair-test');
    expect(await page.locator('section[data-framework="cswa2017-s1"] [data-council="llanfair-test"]').count()).toBe(0);
    expect(await page.locator('section[data-framework="wales-charter-2023"] [data-council="worcestershire"]').count()).toBe(0);
    const home = page.locator(
      'section[data-framework="wales-charter-2023"] section[data-principle="wales-charter-home"] [data-council="llanfair-test"]',
    );
    expect(await home.locator('li').allTextContents()).toEqual(['2. We will help you find a safe home.']);
    const why = await text(page, '#other-nations');
    expect(why).toContain('Llanfair County Borough Council (test) is in Wales');
    expect(why).toContain('we do not match them up');
    expect(await page.locator('.practice td[data-council="llanfair-test"]').allTextContents()).toContain('2 of 11');

    const json = (await (await fetch(`${stack.portalUrl}/compare/matrix.json?nation=scotland`)).json()) as {
      format: string;
      frameworks: { code: string; nation: string }[];
      councils: {
        slug: string;
        framework: string | null;
        principles: { code: string; promises: number }[];
        principlesCovered: number | null;
      }[];
    };
    expect(json.format).toBe('pledgekeeper.compare.matrix/3');
    expect(json.frameworks.map((f) => [f.code, f.nation])).toEqual([['cypsa2014-s58', 'scotland']]);
    expect(json.councils).toMatchObject([{ slug: 'glenbrae-test', framework: 'cypsa2014-s58', principlesCovered: 2 }]);
    expect(json.councils[0]!.principles.map((cell) => cell.promises)).toEqual([1, 0, 1, 0, 0, 0]);

    const csv = parseCsv(await (await fetch(`${stack.portalUrl}/compare/matrix.csv?nation=wales&header=codes`)).text());
    const record = Object.fromEntries(csv[0]!.map((column, i) => [column, csv[1]![i]]));
    expect(record).toMatchObject({ slug: 'llanfair-test', 'wales-charter-home': '1', 'cswa2017-1f': '', framework: 'wales-charter-2023' });
    expect(parseCsv(await (await fetch(`${stack.portalUrl}/compare/matrix.csv?nation=wales`)).text())[0]).toContain(
      'Wales: A stable home: promises',
    );
    const progress = (await (await fetch(`${stack.portalUrl}/compare/progress.json?nation=wales`)).json()) as CompareProgress;
    expect(progress.councils[0]!.promises.map((p) => p.principles)).toEqual([['wales-charter-working-together'], ['wales-charter-home']]);
    expect(progress.councils[0]!.principles.every((p) => p.code.startsWith('wales-charter-'))).toBe(true);
  });
});

describe('accessibility of pages that differ by nation', () => {
  describe.each(VIEWPORTS)('at $width x $height', (viewport) => {
    it.each([
      '/llanfair-test',
      '/loughside-test/about',
      '/glenbrae-test/card',
      '/compare',
      '/compare/side-by-side?council=worcestershire&council=llanfair-test',
    ])(
      '%s has no WCAG 2.2 A or AA violations, and nothing wider than the screen',
      async (path) => {
        const page = await open(path, viewport, true);
        expect(await violations(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      },
      60_000,
    );
  });
});
