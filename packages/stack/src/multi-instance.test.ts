import { setTimeout as sleep } from 'node:timers/promises';
import { MAX_FAILURES_PER_EMAIL_AND_CLIENT } from '@pledgekeeper/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startCluster } from './cluster.js';
import { hasPostgres } from './dialects.js';

const COUNCIL = 'worcestershire';
const ADMIN = { email: 'admin@pledgekeeper.example', password: 'a long admin passphrase for tests' };
const PUBLISHER = { email: 'publisher@worcestershire.example', password: 'a long publisher passphrase', name: 'Pat Publisher' };
const SIGNED_IN = `Signed in as <strong>${PUBLISHER.name}</strong>`;
/** Issue 14's promise: a publication through any instance is on every instance within a second. */
const VISIBLE_WITHIN_MS = 1_000;

/** Where the council's page is read from, and its answers there. */
type Place = [name: string, read: () => Promise<string[]>];

// nginx's X-Forwarded-For, for a request sent straight to a portal: a reader at this address.
const from = (address: string) => ({ 'x-forwarded-for': address });

/** One tRPC call over HTTP, as the portal makes it; its data, or an error saying what the API said. */
async function call<T>(base: string, kind: 'query' | 'mutation', path: string, input: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const url = `${base}/trpc/${path}`;
  const response =
    kind === 'query'
      ? await fetch(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
  if (!response.ok || !body.result) throw new Error(`${path}: ${response.status} ${body.error?.message ?? ''}`);
  return body.result.data;
}

/** A form sent as a browser without JavaScript sends it, from the portal's own pages. */
const postForm = (cluster: Cluster, url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    redirect: 'manual',
    // Accepting HTML, as a browser does: SvelteKit answers `*/*` as its own script, in JSON.
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: cluster.url, ...headers },
    body: new URLSearchParams(fields),
  });

(hasPostgres() ? describe : describe.skip)('two API servers and two portals on one PostgreSQL, behind nginx', () => {
  let cluster: Cluster;
  let publisherToken: string;

  beforeAll(async () => {
    cluster = await startCluster({
      dialect: 'postgres',
      apiEnv: { PLEDGEKEEPER_ADMIN_EMAIL: ADMIN.email, PLEDGEKEEPER_ADMIN_PASSWORD: ADMIN.password },
    });
    // Worcestershire's first publisher, invited by the platform admin, through nginx's API side.
    const admin = await call<{ token: string }>(cluster.apiUrl, 'mutation', 'auth.signIn', ADMIN);
    const invitation = await call<{ token: string }>(
      cluster.apiUrl,
      'mutation',
      'admin.invitePublisher',
      { council: COUNCIL, email: PUBLISHER.email },
      admin.token,
    );
    const accepted = await call<{ token: string }>(cluster.apiUrl, 'mutation', 'auth.acceptInvitation', {
      token: invitation.token,
      displayName: PUBLISHER.name,
      password: PUBLISHER.password,
    });
    publisherToken = accepted.token;
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  /** The publisher, signed in through nginx's sign-in form: the session cookie. */
  async function signIn(): Promise<string> {
    const response = await postForm(cluster, `${cluster.url}/sign-in?/signIn`, { email: PUBLISHER.email, password: PUBLISHER.password });
    expect(response.status).toBe(303);
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('pk_session='));
    expect(cookie).toBeDefined();
    return cookie!.split(';')[0]!;
  }

  /** A new pledge title in the draft, saved through nginx's API side; not yet published. */
  async function draftTitle(title: string): Promise<void> {
    const draft = await call<{ content: { pledge: object }; revisions: Record<string, number> }>(
      cluster.apiUrl,
      'query',
      'workspace.draft',
      { council: COUNCIL },
      publisherToken,
    );
    const content = { ...draft.content.pledge, title };
    const save = { council: COUNCIL, section: 'pledge', revision: draft.revisions.pledge ?? 0, content };
    await call(cluster.apiUrl, 'mutation', 'workspace.saveSection', save, publisherToken);
  }

  /**
   * Everywhere the council's page is read from, each giving the page (or the API's JSON of it) as
   * answered: through nginx twice running, so that both instances behind it answer.
   */
  function places(): Place[] {
    const read = async (url: string, headers: Record<string, string> = {}) => {
      const response = await fetch(url, { headers });
      expect(response.status, url).toBe(200);
      return response.text();
    };
    const twice = async (url: string) => [await read(url), await read(url)];
    const page = `/trpc/council.page?input=${encodeURIComponent(JSON.stringify({ council: COUNCIL }))}`;
    return [
      ...cluster.portals.map((portal, i): Place => [
        `portal ${i + 1}`,
        async () => [await read(`${portal.base}/${COUNCIL}`, from('127.0.0.1'))],
      ]),
      ['nginx', () => twice(`${cluster.url}/${COUNCIL}`)],
      ...cluster.apis.map((api, i): Place => [`API ${i + 1}`, async () => [await read(`${api.base}${page}`)]]),
      ['API through nginx', () => twice(`${cluster.apiUrl}${page}`)],
      // The public API of the open data, on the public site.
      ['public API through nginx', () => twice(`${cluster.url}${page}`)],
    ];
  }

  /**
   * Reads every place (so that whatever any instance keeps is the old page), publishes, then polls
   * each place every 50 ms until every answer from it shows `title`; fails any still without it a
   * second after the publication's answer. Returns how long each took.
   */
  async function publishAndWatch(title: string, publish: () => Promise<void>): Promise<Record<string, number>> {
    for (const [name, read] of places()) {
      for (const answer of await read()) expect(answer, name).not.toContain(title);
    }
    await publish();
    const answered = Date.now();
    const seen = await Promise.all(
      places().map(async ([name, read]): Promise<[string, number]> => {
        for (;;) {
          const shows = (await read()).every((answer) => answer.includes(title));
          const ms = Date.now() - answered;
          if (shows) return [name, ms];
          if (ms > VISIBLE_WITHIN_MS) throw new Error(`${name} still did not show the publication ${ms} ms after it was answered`);
          await sleep(50);
        }
      }),
    );
    for (const [, ms] of seen) expect(ms).toBeLessThanOrEqual(VISIBLE_WITHIN_MS);
    return Object.fromEntries(seen);
  }

  const report = (what: string, seen: Record<string, number>) => {
    const times = Object.entries(seen).map(([name, ms]) => `${name} ${ms} ms`);
    console.log(`${what}, seen after: ${times.join(', ')}`);
  };

  it('shows a publication through one API server on every instance within a second', async () => {
    const title = 'Our promises published through the second API server';
    await draftTitle(title);
    const seen = await publishAndWatch(title, async () => {
      await call(cluster.apis[1]!.base, 'mutation', 'workspace.publish', { council: COUNCIL }, publisherToken);
    });
    report('Published through API 2', seen);
  });

  it('shows a publication through the portal’s form on every instance within a second', async () => {
    const title = 'Our promises published with the workspace form';
    await draftTitle(title);
    const cookie = await signIn();
    const seen = await publishAndWatch(title, async () => {
      const response = await postForm(cluster, `${cluster.url}/${COUNCIL}/manage?/publish`, { confirm: 'yes' }, { cookie });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Published.');
    });
    report('Published with the form through nginx', seen);
  });

  it('keeps a reader signed in whichever portal answers, and never shows their page to anyone else', async () => {
    const cookie = await signIn();
    const path = `/${COUNCIL}/manage`;
    const before = (await cluster.nginx.accessLog()).length;
    const urls = [...cluster.portals.map((portal) => portal.base), ...Array<string>(4).fill(cluster.url)];
    for (const base of urls) {
      const response = await fetch(`${base}${path}`, { headers: { cookie, ...from('127.0.0.1') }, redirect: 'manual' });
      expect(response.status, base).toBe(200);
      expect(response.headers.get('cache-control'), base).toBe('private, no-store');
      expect(await response.text(), base).toContain(SIGNED_IN);
    }
    // Through nginx, both portals took turns at it.
    const answeredBy = (await cluster.nginx.accessLog())
      .slice(before)
      .split('\n')
      .filter((line) => line.includes(` GET ${path} `))
      .map((line) => line.split(' ').at(-1));
    expect(new Set(answeredBy)).toEqual(new Set(cluster.portals.map((portal) => new URL(portal.base).host)));
    // A public page too, answered to someone signed in, is theirs alone.
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${cluster.url}/${COUNCIL}`, { headers: { cookie } });
      await response.arrayBuffer();
      expect(response.headers.get('cache-control')).toBe('private, no-store');
    }
    // Someone without the cookie, at the same address, is asked to sign in, by either portal.
    for (let i = 0; i < 2; i++) {
      const anonymous = await fetch(`${cluster.url}${path}`, { redirect: 'manual' });
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('location')).toMatch(/^\/sign-in\?next=/);
      expect(await anonymous.text()).not.toContain(SIGNED_IN);
    }
  });

  it('counts failed sign-ins on both portals together, so the limit holds whichever answers', async () => {
    const signInAt = async (base: string, password: string, headers: Record<string, string>) => {
      const response = await postForm(cluster, `${base}/sign-in?/signIn`, { email: PUBLISHER.email, password }, headers);
      await response.arrayBuffer();
      return response.status;
    };
    const guesser = from('198.51.100.23');
    const statuses: number[] = [];
    // Taking turns: the first portal, the second, the first…
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL_AND_CLIENT + 2; i++) {
      statuses.push(await signInAt(cluster.portals[i % 2]!.base, 'not the password at all', guesser));
    }
    expect(statuses).toEqual([...Array<number>(MAX_FAILURES_PER_EMAIL_AND_CLIENT).fill(400), 429, 429]);
    // Now even the right password is refused to that reader, by both.
    for (const portal of cluster.portals) expect(await signInAt(portal.base, PUBLISHER.password, guesser)).toBe(429);
    // nginx names the reader itself: someone else claiming the guesser's address is not held back.
    expect(await signInAt(cluster.url, PUBLISHER.password, guesser)).toBe(303);
  });

  it('offers the public only the API’s reads: a write sent to the public site goes nowhere', async () => {
    const write = await fetch(`${cluster.url}/trpc/feedback.submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ council: COUNCIL, page: `/${COUNCIL}`, helpful: true, comment: 'Through the back door' }),
    });
    expect(write.status).toBe(403);
    const read = await fetch(`${cluster.url}/trpc/council.list`);
    expect(read.status).toBe(200);
  });
});
