import type { Browser, Page } from 'playwright-core';

/**
 * Journeys through the portal's own forms, with JavaScript off, that other tests build on: a
 * council made from nothing through the workspace, as a new council on the platform would be.
 * `press` works with JavaScript on too, where the workspace's forms answer in place.
 */
export const TEST_ADMIN = { email: 'admin@pledgekeeper.example', password: 'a long admin passphrase for tests' };
export const adminEnv = { PLEDGEKEEPER_ADMIN_EMAIL: TEST_ADMIN.email, PLEDGEKEEPER_ADMIN_PASSWORD: TEST_ADMIN.password };
export const PASSWORD = 'another long passphrase here';

/**
 * Presses a button and waits for the page the server answers with (after any redirect). With
 * JavaScript on, a workspace form answers in place instead: then it waits until the answer is
 * shown and the reader put at their place (see `answeredInPlace`).
 */
export async function press(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name, exact: true });
  // Pressed before the page's script has started, the form would still post the old way.
  if ((await started(page)) && (await page.locator('form[data-enhanced]').filter({ has: button }).count()) > 0) {
    return answeredInPlace(page, () => button.click());
  }
  await Promise.all([page.waitForEvent('load'), button.click()]);
}

/**
 * Waits until the page's script has started, where it runs one: JavaScript is on and the page
 * ships it (the workspace does, public pages do not; SvelteKit's start script names a global
 * `__sveltekit_…`). Says whether it runs one.
 */
export async function started(page: Page): Promise<boolean> {
  const scripted = await page.evaluate(() => Object.keys(window).some((key) => key.startsWith('__sveltekit_')));
  if (scripted) await page.locator('html[data-enhanced]').waitFor({ state: 'attached' });
  return scripted;
}

/**
 * Does something that sends a form answered in place, and waits until the answer is shown: the
 * workspace marks its main region busy from the press until the reader is put at their place, a
 * navigation after a redirect included. No page load is waited for, so one would go unnoticed.
 */
async function answeredInPlace(page: Page, send: () => Promise<void>): Promise<void> {
  const answered = page.waitForResponse((response) => response.request().method() === 'POST');
  await send();
  await answered;
  await page.locator('main:not([aria-busy])').waitFor({ state: 'attached' });
}

export async function signIn(page: Page, portalUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${portalUrl}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await press(page, 'Sign in');
}

/** Opens an invitation link and accepts it with a new account. */
export async function acceptInvitation(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Choose a password').fill(PASSWORD);
  await page.getByLabel('Type the password again').fill(PASSWORD);
  await press(page, 'Create my account and accept');
}

export interface NewCouncil {
  slug: string;
  name: string;
  promises: string[];
  /** The council's own word for a promise, chosen on the pledge form; left as it is ("promise") if not given. */
  promiseNoun?: 'pledge' | 'promise' | 'commitment';
}

/** The platform admin, signed in; with `create`, the council is made first. */
async function adminInvitesPublisher(browser: Browser, portalUrl: string, slug: string, create?: NewCouncil): Promise<string> {
  const admin = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(admin, portalUrl, TEST_ADMIN.email, TEST_ADMIN.password);
  if (create) {
    await admin.getByLabel('Slug').fill(create.slug);
    await admin.getByLabel('Name', { exact: true }).fill(create.name);
    await admin.getByLabel('Kind').selectOption('unitary');
    await admin.getByLabel('Nation').selectOption('england');
    await press(admin, 'Create council');
  }
  await admin.getByLabel('Council', { exact: true }).selectOption(slug);
  await admin.getByLabel('Publisher’s email address').fill(`publisher-${Math.random().toString(36).slice(2, 8)}@${slug}.example`);
  await press(admin, 'Create invitation link');
  const link = (await admin.getByTestId('invitation-link').textContent())?.trim() ?? '';
  await admin.context().close();
  return link;
}

// The admin may invite only a council's first publisher; later ones are invited by that one.
const firstPublishers = new Map<string, Page>();

/** A publisher invites another, from a tab of their own so the page a test holds stays where it is. */
async function publisherInvitesPublisher(first: Page, portalUrl: string, slug: string): Promise<string> {
  const page = await first.context().newPage();
  await page.goto(`${portalUrl}/${slug}/manage/people`);
  await page.getByLabel('Email address').fill(`publisher-${Math.random().toString(36).slice(2, 8)}@${slug}.example`);
  await page.getByLabel(/^Publisher/).check();
  await press(page, 'Create invitation link');
  const link = (await page.getByTestId('invitation-link').textContent())?.trim() ?? '';
  await page.close();
  return link;
}

/**
 * A new publisher of an existing council, signed in on a page of their own: the first invited by
 * the admin, the next ones by the first (while its browser is still open).
 */
export async function publisherOf(
  browser: Browser,
  portalUrl: string,
  slug: string,
  name = 'Pat Publisher',
  create?: NewCouncil,
): Promise<Page> {
  const key = `${portalUrl} ${slug}`;
  const first = firstPublishers.get(key);
  const link =
    first && !first.isClosed()
      ? await publisherInvitesPublisher(first, portalUrl, slug)
      : await adminInvitesPublisher(browser, portalUrl, slug, create);
  const publisher = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await acceptInvitation(publisher, link, name);
  if (!first) firstPublishers.set(key, publisher);
  return publisher;
}

/** On a council's overview, a publisher ticks the box that says the changes were checked, and publishes. */
export async function publishPage(page: Page): Promise<void> {
  await page.getByLabel('I have checked the changes above, and they are ready for the public').check();
  await press(page, 'Publish');
}

/**
 * The platform admin creates the council and invites its first publisher, who accepts, writes a
 * pledge and a contact, and publishes. Returns the publisher's signed-in page.
 */
export async function councilThroughWorkspace(browser: Browser, portalUrl: string, council: NewCouncil): Promise<Page> {
  const publisher = await publisherOf(browser, portalUrl, council.slug, 'Pat Publisher', council);

  await publisher.goto(`${portalUrl}/${council.slug}/manage/pledge`);
  await publisher.getByLabel('Children in care').check();
  if (council.promiseNoun) await publisher.getByLabel('What you call each promise').selectOption(council.promiseNoun);
  for (const [index, text] of council.promises.entries()) {
    await press(publisher, 'Add promise');
    await publisher.locator(`#field-promises-${index}-text`).fill(text);
  }
  await press(publisher, 'Renumber promises in order');

  // A council with no contacts starts with empty ones to type into.
  await publisher.goto(`${portalUrl}/${council.slug}/manage/contacts`);
  await publisher.locator('#field-contacts-0-team').fill('Children’s rights team');
  await publisher.locator('#field-contacts-0-phone').fill('01234 567890');
  await publisher.locator('#item-contacts-0').getByLabel('Sorting out problems and making a complaint').check();
  await press(publisher, 'Save contacts');

  await publisher.goto(`${portalUrl}/${council.slug}/manage`);
  await publishPage(publisher);
  return publisher;
}
