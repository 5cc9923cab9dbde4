// Issue 14's goals and the verdict on each: one row per target for the table and results JSON.
// A goal this benchmark cannot measure yet is listed as such, with no figure.

export const GOALS = {
  page: { minRatio: 0.5, text: '≥ 0.5× base' },
  api: { minRatio: 0.3, text: '≥ 0.3× base' },
  openLoop: { maxP99Ms: 20, text: 'p99 ≤ 20 ms, 0 errors' },
  publication: { maxMs: 1000, text: 'visible ≤ 1000 ms' },
  caches: { target: 'memory of every cache', text: 'bounded in bytes, reported' },
};

export const MET = 'met';
export const MISSED = 'MISSED';
export const NOT_MEASURED = 'not measured yet';

const fixed = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

/** A ratio to the baseline in three decimals, or two significant figures when it is smaller than that shows. */
export const ratioText = (ratio) => (!Number.isFinite(ratio) ? '-' : ratio >= 0.01 ? ratio.toFixed(3) : ratio.toPrecision(2));

const figures = (result) => ({
  requestsPerSecond: result.requestsPerSecond,
  p50Ms: result.p50Ms,
  p99Ms: result.p99Ms,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
});

const verdictOf = (problems) => ({ verdict: problems.length > 0 ? MISSED : MET, reason: problems.join(', ') });

const failedAnswers = (result) => [
  ...(result.non2xx > 0 ? [`${result.non2xx} non-2xx`] : []),
  ...(result.errors > 0 ? [`${result.errors} errors`] : []),
  ...(result.timeouts > 0 ? [`${result.timeouts} timeouts`] : []),
];

/** A closed-loop target: its requests per second as a ratio to the baseline's, against its kind's goal. */
export function closedLoopRow(result, base) {
  const ratio = result.requestsPerSecond / base.requestsPerSecond;
  const row = { target: result.name, kind: result.kind, ...figures(result), ratio };
  const goal = GOALS[result.kind];
  if (!goal) return { ...row, goal: result.kind === 'baseline' ? 'the yardstick' : '', verdict: '', reason: '' };
  const problems = [...(ratio >= goal.minRatio ? [] : [`${ratioText(ratio)}× base`]), ...failedAnswers(result)];
  return { ...row, goal: goal.text, ...verdictOf(problems) };
}

/** The same goal on the database this run did not use, listed with no figure. */
function otherDatabaseRow(dialect, what, goal) {
  const other = dialect === 'sqlite' ? 'postgres' : 'sqlite';
  const how = other === 'postgres' ? 'with BENCH_DATABASE_URL' : 'without BENCH_DATABASE_URL';
  return unmeasuredRow({ target: `${what} on ${other} (${how})`, goal });
}

/** The open loop on this run's database, and the other database's as not measured in this run. */
export function openLoopRows(open, dialect) {
  const { maxP99Ms, text } = GOALS.openLoop;
  const problems = [...(open.p99Ms <= maxP99Ms ? [] : [`p99 ${fixed(open.p99Ms, 1)} ms`]), ...failedAnswers(open)];
  const measured = {
    target: `open loop ${open.rate}/s × ${open.seconds} s, pages (${dialect})`,
    kind: 'open loop',
    ...figures(open),
    ratio: null,
    goal: text,
    ...verdictOf(problems),
  };
  return [measured, otherDatabaseRow(dialect, 'open loop', text)];
}

/**
 * How long publications took to show on the portal's page and through the API's read, p50 and
 * p99 of them (with a few, the slowest); a publication never seen within the wait is a timeout.
 */
export function publicationRows(publication, dialect) {
  const { maxMs, text } = GOALS.publication;
  const row = (key, name) => {
    const seen = publication[key];
    const problems = [
      ...(seen.unseen > 0 ? [`${seen.unseen} of ${publication.count} not shown within ${publication.waitMs} ms`] : []),
      ...(seen.p99Ms > maxMs ? [`took ${fixed(seen.p99Ms, 0)} ms`] : []),
      ...(seen.shownEarly > 0 ? [`${seen.shownEarly} of ${publication.count} shown as a draft`] : []),
      ...failedAnswers({ ...seen, timeouts: 0 }),
    ];
    return {
      target: `publication → ${name} (${dialect})`,
      kind: 'publication',
      ...figures({ ...seen, timeouts: seen.unseen }),
      requestsPerSecond: null,
      ratio: null,
      goal: text,
      ...verdictOf(problems),
    };
  };
  return [
    row('portal', `portal ${publication.paths.portal}`),
    row('api', 'API progress.published'),
    otherDatabaseRow(dialect, 'publication', text),
  ];
}

const isBounded = (cache) =>
  typeof cache?.maxBytes === 'number' && cache.maxBytes > 0 && typeof cache.bytes === 'number' && cache.bytes <= cache.maxBytes;

/**
 * Every cache the servers report has a bound in bytes and is within it. Not measured while neither
 * server reports its caches; once one does, a server that reports none misses the goal.
 */
export function cacheRow(reports) {
  const { target, text } = GOALS.caches;
  if (reports.every((report) => !report.caches)) return unmeasuredRow({ target, goal: text });
  const problems = reports.flatMap(({ service, caches }) => {
    const entries = Object.entries(caches ?? {});
    if (entries.length === 0) return [`${service} reports none`];
    return entries
      .filter(([, cache]) => !isBounded(cache))
      .map(([name, cache]) => `${service} ${name} ${cache?.bytes} of ${cache?.maxBytes} bytes`);
  });
  return { ...unmeasuredRow({ target, goal: text }), kind: 'caches', ...verdictOf(problems) };
}

/** One target of the comparison on generated councils, judged by its own goal (issues 5 and 11). */
export function comparisonRow(result, base, judged, targetMs, failure) {
  return {
    target: result.name,
    kind: 'comparison',
    ...figures(result),
    ratio: result.requestsPerSecond / base.requestsPerSecond,
    goal: `server ≤ ${targetMs} ms, linear`,
    ...verdictOf([...(judged.pass ? [] : [failure]), ...failedAnswers(result)]),
  };
}

export function unmeasuredRow({ target, goal }) {
  return {
    target,
    kind: 'not measured',
    requestsPerSecond: null,
    p50Ms: null,
    p99Ms: null,
    non2xx: null,
    errors: null,
    timeouts: null,
    ratio: null,
    goal,
    verdict: NOT_MEASURED,
    reason: '',
  };
}

/** The goals missed, each in words for the run's last line. */
export const missedGoals = (rows) =>
  rows.filter((row) => row.verdict === MISSED).map((row) => `${row.target}: ${row.reason} (goal ${row.goal})`);

/** The run's last line: what was missed, or that every goal measured was met. */
export function closingLine(rows, { smoke }) {
  const judged = rows.filter((row) => row.verdict === MET || row.verdict === MISSED);
  const missed = missedGoals(rows);
  const unmeasured = rows.filter((row) => row.verdict === NOT_MEASURED).length;
  const tail = `; ${unmeasured} not measured yet`;
  if (missed.length === 0) return `every goal measured was met (${judged.length})${tail}`;
  const prefix = smoke ? 'smoke, so the exit status stays 0; ' : '';
  return `${prefix}MISSED ${missed.length} of ${judged.length} goals${tail}: ${missed.join('; ')}`;
}
