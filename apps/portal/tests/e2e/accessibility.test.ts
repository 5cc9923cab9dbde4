import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { storedFeedback } from './harness';
import { ABOUT_PAGES, COUNCIL_PAGES, DELIVERY_PAGES, PUBLIC_PAGES, VIEWPORTS, publicPagesSuite } from './public-pages';

// Issue 4: accessible, measured in Debian's Chromium with JavaScript off; light and safe in light-and-safe.test.ts.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const { stack, open } = publicPagesSuite();

/** Waits for the page the server answers a feedback post with, after `act` sends it. */
async function sent(page: Page, act: () => Promise<void>): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    // The next document's load, not the URL: after a first post the address is `?/feedback` already.
    page.waitForEvent('load'),
    act(),
  ]);
  expect(new URL(page.url()).search).toBe('?/feedback');
  return response.status();
}

const send = (page: Page) => sent(page, () => page.getByRole('button', { name: 'Send feedback' }).click());

/** Each violation as one readable line, so a failure says what to fix and where. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')}: ${node.failureSummary}`),
  );
}

describe('axe: no WCAG 2.2 A or AA violations', () => {
  describe.each(VIEWPORTS)('at $width x $height', (viewport) => {
    it.each(PUBLIC_PAGES)('%s', async (path) => {
      const page = await open(path, viewport, true);
      expect(await violations(page)).toEqual([]);
    });

    it.each(COUNCIL_PAGES)('%s after a message with errors, then after one that is sent', async (path) => {
      const page = await open(path, viewport, true);
      const post = async () => {
        // Waits for the next document's load, not the URL: after the first post the address is
        // already `?/message`, and checking then would read the page that was there before.
        const [response] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'POST'),
          page.waitForEvent('load'),
          page.getByRole('button', { name: 'Send your message' }).click(),
        ]);
        expect(new URL(page.url()).search).toBe('?/message');
        return response.status();
      };
      expect(await post()).toBe(400);
      expect(await violations(page)).toEqual([]);
      await page.getByLabel('Your message').fill('More help with money when I leave care, please.');
      expect(await post()).toBe(200);
      expect(await page.getByRole('status').filter({ hasText: 'Message sent' }).count()).toBe(1);
      expect(await violations(page)).toEqual([]);
    });

    it.each(COUNCIL_PAGES)('%s after feedback with errors, then after feedback that is sent', async (path) => {
      const page = await open(path, viewport, true);
      expect(await send(page)).toBe(400);
      expect(await page.getByRole('alert').count()).toBe(1);
      expect(await violations(page)).toEqual([]);

      await page.getByLabel('Yes').check();
      expect(await send(page)).toBe(200);
      expect(await page.getByRole('status').textContent()).toContain('Thank you');
      expect(await violations(page)).toEqual([]);
    });
  });
});

describe('the keyboard alone', () => {
  it('reaches the skip link first, and the skip link moves focus to the main content', async () => {
    const page = await open('/somerset');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });

  // On a phone, the narrowest screen, where anything fixed or sticky would hide focus soonest.
  it.each([...COUNCIL_PAGES, ...ABOUT_PAGES, ...DELIVERY_PAGES])(
    'reaches every link, button and field on %s, each visibly focused',
    async (path) => {
      const page = await open(path, VIEWPORTS[0]);
      // A radio group is one Tab stop: arrow keys move within it.
      const expected = await page.evaluate(() => {
        // A <details> summary is a control too: "In the council's words" under each promise.
        const controls = document.querySelectorAll<HTMLElement>('a[href], button, input:not([type="hidden"]), textarea, select, summary');
        return [
          ...new Set(
            [...controls].map((control, index) => {
              const key = control instanceof HTMLInputElement && control.type === 'radio' ? `radio:${control.name}` : `control:${index}`;
              control.setAttribute('data-tab-key', key);
              return key;
            }),
          ),
        ];
      });
      expect(expected.length).toBeGreaterThan(5);

      const reached: string[] = [];
      const unfocused: string[] = [];
      for (let presses = 0; presses < expected.length + 5 && reached.length < expected.length; presses += 1) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const element = document.activeElement;
          if (!element || element === document.body) return null;
          const style = getComputedStyle(element);
          const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
          // Not hidden under anything (WCAG 2.2, 2.4.11): what is drawn at the middle of the focused
          // control's first line box is the control itself (a link may wrap onto two lines).
          const box = element.getClientRects()[0] ?? element.getBoundingClientRect();
          const top = document.elementFromPoint(box.left + box.width / 2, box.top + Math.min(box.height / 2, 10));
          return {
            key: element.getAttribute('data-tab-key'),
            name: `${element.tagName} ${element.textContent?.trim().slice(0, 40) ?? ''}`,
            visible:
              (outline || style.boxShadow !== 'none') && (top === element || element.contains(top) || (top?.contains(element) ?? false)),
          };
        });
        if (!focus?.key || reached.includes(focus.key)) continue;
        reached.push(focus.key);
        if (!focus.visible) unfocused.push(focus.name);
      }
      expect(reached).toEqual(expected);
      expect(unfocused).toEqual([]);
    },
  );

  it.each([
    { answer: 'No', arrows: ['ArrowDown'], submitKey: 'Enter', helpful: false },
    { answer: 'Yes', arrows: ['ArrowDown', 'ArrowUp'], submitKey: 'Space', helpful: true },
  ])('sends feedback answering "$answer", pressing $submitKey on the button', async ({ arrows, submitKey, helpful }) => {
    const comment = `Sent by keyboard ${submitKey} ${Date.now()}`;
    const page = await open('/somerset');
    const focusedName = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? null);
    for (let presses = 0; presses < 50 && (await focusedName()) !== 'helpful'; presses += 1) {
      await page.keyboard.press('Tab');
    }
    expect(await focusedName()).toBe('helpful');
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Yes').isChecked()).toBe(true);
    for (const key of arrows) await page.keyboard.press(key);
    expect(await page.getByLabel('Yes').isChecked()).toBe(helpful);
    expect(await page.getByLabel('No').isChecked()).toBe(!helpful);

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('feedback-comment');
    await page.keyboard.type(comment);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Send feedback');
    expect(await sent(page, () => page.keyboard.press(submitKey))).toBe(200);

    const status = page.getByRole('status');
    expect(await status.textContent()).toContain('Thank you for your feedback.');
    expect(await status.evaluate((element) => element === document.activeElement)).toBe(true);
    const stored = await storedFeedback(stack().databaseUrl, 'somerset');
    expect(stored).toContainEqual(expect.objectContaining({ page: '/somerset', helpful, comment }));
  });
});
