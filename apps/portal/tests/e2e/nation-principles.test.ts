import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '@pledgekeeper/db';
import { seedCouncils } from '@pledgekeeper/db/seed';
import { type CouncilContentInput, type Nation, councilContent } from '@pledgekeeper/domain/council';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startStack, type Stack } from './harness';
import { adminEnv, press, publisherOf, publishPage } from './journeys';

// Issue 12: a council in Wales or Scotland links its promises to its own nation's principles,
// in the workspace and on its page for adults; England's principles are never offered to it.
function councilOf(nation: Nation, slug: string, name: string, firstLinks: string[]): CouncilContentInput {
  return {
    council: { slug, name, kind: 'unitary', nation },
    statement: { paragraphs: [`${name} is a corporate parent to every child in its care.`] },
    pledge: {
      introduction: [],
      audiences: ['children-in-care'],
      promises: [
        { number: 1, text: 'We will make sure you can see a doctor when you need to.', principles: firstLinks },
        { number: 2, text: 'We will help you find a safe home.' },
      ],
    },
    contacts: [{ team: 'Children in care team', email: `team@${slug}.example` }],
  } as CouncilContentInput;
}

const WALES = { slug: 'afonwen-test', name: 'Afonwen County Council (test)' };
const SCOTLAND = { slug: 'strathmore-test', name: 'Strathmore Council (test)' };

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ apiEnv: adminEnv }), launchChromium()]);
  const { db } = createDatabase(stack.databaseUrl);
  await seedCouncils(db, [
    councilContent.parse(councilOf('wales', WALES.slug, WALES.name, ['wales-charter-health'])),
    councilContent.parse(councilOf('scotland', SCOTLAND.slug, SCOTLAND.name, ['cypsa2014-58a'])),
  ]).finally(() => db.destroy());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const mainText = async (page: Page) => ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');

/** The names beside the principle checkboxes of promise `index` on the pledge form. */
const principleChoices = (page: Page, index: number) =>
  page.locator(`input[name="promises.${index}.principles"] + label`).allTextContents();

describe('a Welsh council', () => {
  it('shows, for adults, its promise under the charter’s principle, linked to the promise', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${stack.portalUrl}/${WALES.slug}/about`);
    const health = page.locator('.principles > li', { hasText: 'Good health' });
    await expect(health.getByRole('link', { name: 'Promise 1' }).getAttribute('href')).resolves.toBe(`/${WALES.slug}#promise-1`);
    expect(await mainText(page)).not.toMatch(/Best interests and wellbeing/);
    await page.close();
  });

  it('is offered only Wales’s principles, with Welsh suggestions, and publishes the one it accepts', async () => {
    const publisher = await publisherOf(browser, stack.portalUrl, WALES.slug, 'Gwen Publisher');
    await publisher.goto(`${stack.portalUrl}/${WALES.slug}/manage/pledge`);
    const choices = (await principleChoices(publisher, 1)).map((label) => label.trim());
    expect(choices).toContain('A stable home');
    expect(choices).toHaveLength(11);
    expect(choices).not.toContain('Safety and stability');
    await expect(publisher.getByText('Principles of “A promise from Wales” it serves').first().isVisible()).resolves.toBe(true);

    const suggestion = publisher.getByRole('group', { name: 'A stable home (principle of “A promise from Wales”) for promise 2' });
    await suggestion.getByLabel('Accept').check();
    await press(publisher, 'Save pledge');
    await expect(publisher.locator('input[name="promises.1.principles"][value="wales-charter-home"]').isChecked()).resolves.toBe(true);

    await publisher.goto(`${stack.portalUrl}/${WALES.slug}/manage`);
    await publishPage(publisher);
    await publisher.goto(`${stack.portalUrl}/${WALES.slug}/about`);
    const home = publisher.locator('.principles > li', { hasText: 'A stable home' });
    await expect(home.getByRole('link', { name: 'Promise 2' }).count()).resolves.toBe(1);
    await publisher.context().close();
  });
});

describe('a Scottish council', () => {
  it('is offered the section 58 duties, never England’s principles', async () => {
    const publisher = await publisherOf(browser, stack.portalUrl, SCOTLAND.slug, 'Morag Publisher');
    await publisher.goto(`${stack.portalUrl}/${SCOTLAND.slug}/manage/pledge`);
    const choices = (await principleChoices(publisher, 0)).map((label) => label.trim());
    expect(choices).toEqual([
      'Alert to their wellbeing',
      'Assess their needs',
      'Promote their interests',
      'Opportunities',
      'Help to take part',
      'Improve how it works',
    ]);
    await expect(publisher.locator('input[name="promises.0.principles"][value="cypsa2014-58a"]').isChecked()).resolves.toBe(true);
    expect(await mainText(publisher)).not.toMatch(/corporate parenting principle\)/);
    await publisher.context().close();
  });
});
