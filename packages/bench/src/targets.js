// What issue 14 measures: the public pages and the public API reads, each against a bare node:http
// server. `kind` says which goal applies (goals.js).

const query = (procedure, input) =>
  input === undefined ? `/trpc/${procedure}` : `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;

/** The pages a reader who follows a link lands on, with their default view. */
export const PUBLIC_PAGES = ['/', '/worcestershire', '/worcestershire/card', '/worcestershire/progress', '/compare'];

/** The reads the portal makes for them, as any client may (inputs as in packages/api/src/testing/procedures.ts). */
export const API_READS = [
  { name: 'API council.page', path: query('council.page', { council: 'worcestershire' }) },
  { name: 'API council.list', path: query('council.list') },
  { name: 'API compare.matrix', path: query('compare.matrix', { nation: 'england', sort: 'promises' }) },
];

/**
 * What the publication timing changes and watches: one promise's latest update on a council's
 * progress page, a page the load has already read many times, and the API read behind it.
 */
export const PUBLICATION = {
  council: 'worcestershire',
  target: 'promise-1',
  page: '/worcestershire/progress',
  read: query('progress.published', { council: 'worcestershire' }),
};

export const BASELINE_NAME = 'node:http hello world';

/** Every closed-loop target, in the order measured and shown: the baseline first. */
export function closedLoopTargets({ baselineUrl, apiUrl, portalUrl }) {
  return [
    { name: BASELINE_NAME, kind: 'baseline', url: baselineUrl },
    ...PUBLIC_PAGES.map((path) => ({ name: `portal ${path}`, kind: 'page', url: `${portalUrl}${path}` })),
    ...API_READS.map(({ name, path }) => ({ name, kind: 'api', url: `${apiUrl}${path}` })),
  ];
}

/** The names of every closed-loop target, for whoever checks a run's table. */
export const CLOSED_LOOP_NAMES = closedLoopTargets({ baselineUrl: '', apiUrl: '', portalUrl: '' }).map((target) => target.name);
