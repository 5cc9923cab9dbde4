// Issue 14's "a publication is visible on every instance within 1 second", timed: progress saved
// and published straight through the database, as another API instance would, then the portal's
// progress page and the API's progress.published polled until each shows the new words. Run after
// the load, so both answer from warm caches until the publication reaches them.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDatabase, findCouncilBySlug, insertUser, progressScope } from '@pledgekeeper/db';
import { percentile } from './load.js';
import { PUBLICATION } from './targets.js';

/** The bench's own publisher: the audit log names a real user, who can never sign in. */
async function benchPublisher(db) {
  const email = `bench-${randomUUID()}@pledgekeeper.invalid`;
  const user = await insertUser(db, { email, displayName: 'Benchmark', passwordHash: '!' }, new Date());
  return { id: user.id, email: user.email, role: 'publisher' };
}

/** The council's records with one promise's latest update saying `marker`, and nothing else changed. */
function withMarker(content, marker) {
  const record = {
    target: PUBLICATION.target,
    measure: null,
    actions: [],
    updates: [
      { date: new Date().toISOString().slice(0, 10), status: 'on-track', text: marker, plainWords: null, reason: null, evidence: [] },
    ],
  };
  return { ...content, promises: [...content.promises.filter((promise) => promise.target !== PUBLICATION.target), record] };
}

/** Whether url answers 200 with `marker` in its body now; an answer other than 200 throws. */
async function shows(url, marker, signal) {
  const response = await fetch(url, { signal });
  const body = await response.text();
  if (response.status !== 200) throw Object.assign(new Error(`GET ${url} answered ${response.status}`), { status: response.status });
  return body.includes(marker);
}

/** Polls url every `everyMs` from `since` until it shows marker, for at most `waitMs`. */
async function timeUntilShown(url, marker, { since, everyMs, waitMs }) {
  const outcome = { ms: null, polls: 0, non2xx: 0, errors: 0, firstFailure: null };
  for (let tick = 1; ; tick += 1) {
    const left = since + waitMs - performance.now();
    if (left <= 0) return outcome;
    outcome.polls += 1;
    try {
      if (await shows(url, marker, AbortSignal.timeout(Math.ceil(left)))) return { ...outcome, ms: performance.now() - since };
    } catch (error) {
      // A poll cut off by the end of the wait is not a failure of the server's.
      if (performance.now() >= since + waitMs) return outcome;
      if (error.status) outcome.non2xx += 1;
      else outcome.errors += 1;
      outcome.firstFailure ??= error.message;
    }
    await sleep(Math.max(0, since + tick * everyMs - performance.now()));
  }
}

/** What a reader of each instance saw of a set of publications: how long each took to show. */
function summarise(outcomes) {
  const seen = outcomes
    .map((outcome) => outcome.ms)
    .filter((ms) => ms !== null)
    .sort((a, b) => a - b);
  const sum = (key) => outcomes.reduce((total, outcome) => total + outcome[key], 0);
  return {
    p50Ms: percentile(seen, 0.5),
    p99Ms: percentile(seen, 0.99),
    unseen: outcomes.length - seen.length,
    polls: sum('polls'),
    non2xx: sum('non2xx'),
    errors: sum('errors'),
  };
}

/**
 * `count` publications one after another, each timed from its commit until the portal's page and
 * the API's read show it, polled every `everyMs` for up to `waitMs`. Before each, the saved draft
 * is read through both: that warms their caches again, and a draft must never show.
 */
export async function timePublications(stack, { count, waitMs, everyMs = 20 }) {
  const instances = [
    { key: 'portal', url: `${stack.portalUrl}${PUBLICATION.page}` },
    { key: 'api', url: `${stack.apiUrl}${PUBLICATION.read}` },
  ];
  const { db } = createDatabase(stack.databaseUrl);
  try {
    const council = await findCouncilBySlug(db, PUBLICATION.council);
    if (!council) throw new Error(`No council "${PUBLICATION.council}" in the bench's database`);
    const progress = progressScope(db, council.id);
    const by = await benchPublisher(db);
    const publications = [];
    for (let i = 0; i < count; i += 1) {
      const marker = `Benchmark publication ${i + 1}, ${randomUUID()}`;
      const { revision, content } = await progress.working();
      await progress.save({ revision, content: withMarker(content, marker) }, by, new Date());
      const shownEarly = [];
      for (const { key, url } of instances) if (await shows(url, marker, AbortSignal.timeout(10_000))) shownEarly.push(key);
      const publishing = performance.now();
      await progress.publish(by, new Date());
      const since = performance.now();
      const seen = await Promise.all(instances.map(({ url }) => timeUntilShown(url, marker, { since, everyMs, waitMs })));
      publications.push({
        publishMs: since - publishing,
        shownEarly,
        ...Object.fromEntries(instances.map(({ key }, j) => [key, seen[j]])),
      });
    }
    return {
      council: PUBLICATION.council,
      paths: Object.fromEntries(instances.map(({ key, url }) => [key, new URL(url).pathname])),
      count,
      waitMs,
      everyMs,
      publications,
      ...Object.fromEntries(
        instances.map(({ key }) => [
          key,
          {
            ...summarise(publications.map((publication) => publication[key])),
            shownEarly: publications.filter((publication) => publication.shownEarly.includes(key)).length,
          },
        ]),
      ),
    };
  } finally {
    await db.destroy();
  }
}
