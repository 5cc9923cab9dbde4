import { join } from 'node:path';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, repoRoot, startStack, type Stack } from './harness';
import { adminEnv, press, publishPage, publisherOf } from './journeys';

// Issue 13: branding goes through review like the rest of the page, and a council may upload a
// logo, checked and rebuilt so that it can only ever be a picture. With JavaScript off.
const FIXTURES = join(repoRoot, 'apps/portal/tests/e2e/fixtures');
const HOSTILE = join(FIXTURES, 'hostile-logo.svg');
const MARKERS = ['LOGO-SCRIPT-RAN', 'LOGO-ONLOAD-RAN', 'LOGO-CDATA', 'INJECTED HTML', 'evil.example', 'LOGO-LINK', 'LOGO-ONCLICK'];

let stack: Stack;
let browser: Browser;
let publisher: Page;
let files: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [stack, browser, files] = await Promise.all([
    startStack({ apiEnv: adminEnv }),
    launchChromium(),
    mkdtemp(join(tmpdir(), 'pledgekeeper-logos-')),
  ]);
  publisher = await publisherOf(browser, stack.portalUrl, 'worcestershire', 'Bea Brand');
  contexts.push(publisher.context());
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await stack?.stop();
});

async function reader(path: string, javaScriptEnabled = false): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 640 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(stack.portalUrl + path);
  return page;
}

const branding = () => publisher.goto(`${stack.portalUrl}/worcestershire/manage/branding`);
const headerColour = (page: Page) => page.locator('.site-header').evaluate((element) => getComputedStyle(element).backgroundColor);
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;

describe('branding through review', () => {
  let suggestion = '';
  let logoSrc = '';

  it('refuses a colour white text cannot be read on and offers one that passes, saving it to the draft only', async () => {
    await branding();
    await publisher.getByLabel('Colour').fill('#ffcc00');
    await publisher.getByLabel('Name in the header').fill('Worcestershire');
    await press(publisher, 'Save branding');
    const alert = await publisher.getByRole('alert').textContent();
    expect(alert).toMatch(/White text on #ffcc00 has a contrast of 1\.\d:1; it needs at least 4\.5:1/);
    suggestion = /Try (#[0-9a-f]{6})/.exec(alert ?? '')?.[1] ?? '';
    expect(suggestion).toMatch(/^#[0-9a-f]{6}$/);

    await press(publisher, `Use ${suggestion} instead`);
    expect(await publisher.getByRole('status').textContent()).toContain('Branding saved to the draft');
    // The public page is as it was until the draft is published.
    const page = await reader('/worcestershire');
    expect(await page.locator('.site-name').textContent()).toBe('Worcestershire County Council');
    expect(await headerColour(page)).not.toBe(rgb(suggestion));
  });

  it('refuses an oversized file, a file that is no image, and a logo without words, changing nothing', async () => {
    const huge = join(files, 'huge.png');
    await writeFile(huge, Buffer.alloc(300 * 1024, 7));
    const text = join(files, 'notes.png');
    await writeFile(text, 'These are meeting notes, not a logo.');
    for (const [file, alt, message] of [
      [huge, 'Worcestershire County Council', 'The logo must be at most 100 KB; this file is 300 KB'],
      [text, 'Worcestershire County Council', 'The logo must be an SVG or PNG image'],
      [HOSTILE, '', 'Describe the logo in a few words'],
    ] as const) {
      await branding();
      await publisher.getByLabel('Choose a logo').setInputFiles(file);
      await publisher.getByLabel('Words for the logo').fill(alt);
      await press(publisher, 'Save branding');
      expect(await publisher.getByRole('alert').textContent()).toContain(message);
      await branding();
      expect(await publisher.getByText('The draft has no logo').count(), String(file)).toBe(1);
    }
  });

  it('keeps only the drawing of a hostile SVG, served only as a picture, and only to the council until published', async () => {
    await branding();
    await publisher.getByLabel('Choose a logo').setInputFiles(HOSTILE);
    await publisher.getByLabel('Words for the logo').fill('Worcestershire County Council');
    await press(publisher, 'Save branding');
    expect(await publisher.getByRole('status').textContent()).toContain('Branding saved to the draft');
    const sample = publisher.locator('.logo-sample img');
    expect(await sample.getAttribute('alt')).toBe('Worcestershire County Council');
    logoSrc = (await sample.getAttribute('src'))!;
    expect(logoSrc).toMatch(/^\/worcestershire\/manage\/logo\/[0-9a-f]{64}\.svg$/);

    const served = await publisher.request.get(stack.portalUrl + logoSrc);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/svg+xml');
    expect(served.headers()['x-content-type-options']).toBe('nosniff');
    expect(served.headers()['content-security-policy']).toContain('sandbox');
    expect(served.headers()['cache-control']).toBe('private, no-store');
    const svg = await served.text();
    expect(svg).toContain('Testshire');
    expect(svg).toContain('<circle');
    for (const marker of MARKERS) expect(svg).not.toContain(marker);
    expect(svg).not.toMatch(/<script|onload|onclick|foreignObject|<image|javascript:|<style|<use/i);

    // Nobody else can fetch it: not the public, at either address.
    const publicSrc = logoSrc.replace('/manage/logo/', '/logo/');
    expect((await (await reader('/')).request.get(stack.portalUrl + publicSrc)).status()).toBe(404);
    const anonymous = await (await reader('/')).request.get(stack.portalUrl + logoSrc, { maxRedirects: 0 });
    expect(anonymous.status()).toBe(303);
    expect(anonymous.headers()['location']).toMatch(/^\/sign-in/);

    // The preview shows the draft's colour and logo.
    await publisher.goto(`${stack.portalUrl}/worcestershire/manage/preview`);
    expect(await publisher.locator('.site-logo').getAttribute('alt')).toBe('Worcestershire County Council');
    expect(await headerColour(publisher)).toBe(rgb(suggestion));
  });

  it('with JavaScript on, takes a logo and answers in place, without reloading the page', async () => {
    const scripted = await (await browser.newContext({ storageState: await publisher.context().storageState() })).newPage();
    contexts.push(scripted.context());
    let loads = 0;
    scripted.on('load', () => (loads += 1));
    await scripted.goto(`${stack.portalUrl}/worcestershire/manage/branding`);
    await scripted.getByLabel('Choose a different logo').setInputFiles(join(FIXTURES, 'logo.png'));
    await press(scripted, 'Save branding');
    expect(await scripted.getByRole('status').textContent()).toContain('Branding saved to the draft');
    expect(await scripted.locator('.logo-sample img').getAttribute('src')).toMatch(/\.png$/);
    expect(loads).toBe(1);
    // Back to the hostile SVG's drawing, which the rest of this suite publishes.
    await scripted.getByLabel('Choose a different logo').setInputFiles(HOSTILE);
    await press(scripted, 'Save branding');
    expect(await scripted.locator('.logo-sample img').getAttribute('src')).toBe(logoSrc);
  });

  it('shows the colour, name and logo on the public page once a publisher publishes the draft', async () => {
    await publisher.goto(`${stack.portalUrl}/worcestershire/manage`);
    expect(await publisher.textContent('main')).toContain('Colour of the header');
    await publishPage(publisher);

    // With JavaScript on, too: opening the logo itself runs nothing.
    const page = await reader('/worcestershire', true);
    const logo = page.locator('.site-logo');
    expect(await logo.getAttribute('alt')).toBe('Worcestershire County Council');
    expect(await page.locator('.site-name').textContent()).toBe('Worcestershire');
    expect(await headerColour(page)).toBe(rgb(suggestion));
    expect(await logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(240);
    const publicSrc = (await logo.getAttribute('src'))!;
    expect(publicSrc).toBe(logoSrc.replace('/manage/logo/', '/logo/'));

    const dialogs: string[] = [];
    const direct = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
    direct.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const response = await direct.goto(stack.portalUrl + publicSrc);
    expect(response?.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(await direct.title()).not.toMatch(/RAN/);
    expect(dialogs).toEqual([]);
    await direct.context().close();
  });
});
