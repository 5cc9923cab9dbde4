import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '@pledgekeeper/db';
import { seedCouncils } from '@pledgekeeper/db/seed';
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

function councilOf(nation: Nation, slug: string, name: string): CouncilContentInput {
  return {
    council: { slug, name, kind: nation === 'northern-ireland' ? 'other-public-body' : 'unitary', nation },
    statement: { paragraphs: [`${name} is a corporate parent to every child in its care.`] },
    pledge: {
      introduction: [],
      audiences: ['children-in-care', 'care-leavers'],
      promises: [
        { number: 1, text: 'We will listen to you.' },
        { number: 2, text: 'We will help you find a safe home.' },
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
  it('compares England’s councils on England’s principles, and every other nation’s in a table of its own, saying why', async () => {
    const page = await open('/compare');
    const matrixRows = await page
      .locator('table.matrix tbody tr[data-council]')
      .evaluateAll((rows) => rows.map((row) => row.dataset.council));
    expect(matrixRows).toEqual(['somerset', 'worcestershire']);
    for (const expected of NATIONS.filter((n) => n.nation !== 'england')) {
      const section = page.locator(`section[data-nation="${expected.nation}"]`);
      expect(
        await section.locator('table.nation-councils tr[data-council]').evaluateAll((rows) => rows.map((r) => r.dataset.council)),
      ).toEqual([expected.slug]);
      expect(await section.locator('[data-figure="promises"]').textContent()).toBe('2');
      expect(await text(page, `section[data-nation="${expected.nation}"]`)).toMatch(expected.law);
      // No figure is given under England's principles for a council that is not in England.
      expect(await section.locator('[data-principle]').count()).toBe(0);
    }
    expect(await page.getByRole('heading', { name: 'Why councils of different nations are in separate tables' }).count()).toBe(1);
    // The coverage of England's principles counts England's councils only.
    expect(await page.getByRole('img', { name: 'How the 2 councils shown cover each principle' }).count()).toBe(1);
  });

  it('filters by nation, and lists a Welsh council beside an English one without setting it against England’s principles', async () => {
    const welsh = await open('/compare?nation=wales');
    expect(await welsh.locator('table.matrix').count()).toBe(0);
    expect(await welsh.locator('section[data-nation="wales"] tr[data-council]').count()).toBe(1);

    const page = await open('/compare/side-by-side?council=worcestershire&council=llanfair-test');
    expect(await page.locator('section[data-principle] [data-council="llanfair-test"]').count()).toBe(0);
    expect(await page.locator('section[data-principle] [data-council="worcestershire"]').count()).toBeGreaterThan(0);
    expect(await text(page, '#other-nations')).toContain('Llanfair County Borough Council (test) is in Wales');
    const column = page.locator('.not-mapped [data-council="llanfair-test"]');
    expect(await column.locator('li').allTextContents()).toEqual(['1. We will listen to you.', '2. We will help you find a safe home.']);
    expect(await page.locator('.practice td[data-council="llanfair-test"]').allTextContents()).toContain(
      'Not compared: Wales has its own principles',
    );

    const json = (await (await fetch(`${stack.portalUrl}/compare/matrix.json?nation=scotland`)).json()) as {
      councils: { slug: string; framework: string | null; principles: unknown[]; principlesCovered: number | null }[];
    };
    expect(json.councils).toMatchObject([{ slug: 'glenbrae-test', framework: 'cypsa2014-s58', principles: [], principlesCovered: null }]);
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
