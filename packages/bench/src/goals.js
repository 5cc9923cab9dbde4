// Issue 14's goals and the verdict on each: one row per target for the table and results JSON.
// A goal this benchmark cannot measure yet is listed as such, with no figure.

export const GOALS = {
  page: { minRatio: 0.5, text: '≥ 0.5× base' },
  api: { minRatio: 0.3, text: '≥ 0.3× base' },
  openLoop: { maxP99Ms: 20, text: 'p99 ≤ 20 ms, 0 errors' },
};

export const MET = 'met';
export const MISSED = 'MISSED';
export const NOT_MEASURED = 'not measured yet';

/** Goals of issue 14 that need more than this benchmark has: more instances, a cache that says its size. */
export const UNMEASURED_GOALS = [
  { target: 'a publication on every instance', goal: 'visible within 1 s' },
  { target: 'memory of every cache', goal: 'bounded in bytes, reported' },
];

const fixed = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

/** A ratio to the baseline in three decimals, or two significant figures when it is smaller than that shows. */
export const ratioText = (ratio) => (!Number.isFinite(ratio) ? '-' : ratio >= 0.01 ? ratio.toFixed(3) : ratio.toPrecision(2));

const figures = (result) => ({
  requestsPerSecond: result.requestsPerSecond,
  p50Ms: result.p50Ms,
  p99Ms: result.p99Ms,
  non2xx: result.non2xx,
  errors: result.errors,
});

const verdictOf = (problems) => ({ verdict: problems.length > 0 ? MISSED : MET, reason: problems.join(', ') });

const failedAnswers = (result) => [
  ...(result.non2xx > 0 ? [`${result.non2xx} non-2xx`] : []),
  ...(result.errors > 0 ? [`${result.errors} errors`] : []),
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
  const other = dialect === 'sqlite' ? 'postgres' : 'sqlite';
  const how = other === 'postgres' ? 'with BENCH_DATABASE_URL' : 'without BENCH_DATABASE_URL';
  return [measured, unmeasuredRow({ target: `open loop on ${other} (${how})`, goal: text })];
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
