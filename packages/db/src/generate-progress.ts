import { BOARD_MEMBER_KINDS, type CouncilContent } from '@pledgekeeper/domain/council';
import { type DeliveryTarget, deliveryTargets } from '@pledgekeeper/domain/compare';
import {
  type BoardMeeting,
  type DeliveryAction,
  type DeliveryStatus,
  type DeliveryUpdate,
  type ProgressContent,
  type PromiseDelivery,
  type YouSaidWeDid,
  progressContent,
  progressEditionKind,
  progressTargets,
} from '@pledgekeeper/domain/progress';
import type { Database } from './connection.js';
import { type Random, random } from './generate-random.js';
import { ACTIONS, DECISIONS, MEASURES, NO_LONGER_PLANNED_REASONS, SAMPLE_MARK, UPDATE_WORDS, YOU_SAID } from './generate-text.js';
import { findCouncilBySlug } from './repositories/councils.js';
import { findPublishedProgress, insertWorkingProgress, updateWorkingProgress } from './repositories/progress-editions.js';

/**
 * Published progress for the sample councils: updates, actions, board meetings and "you said, we
 * did" entries, every text starting "Sample:". Most councils report regularly, some have let their
 * updates lapse and a few have published none, so the comparison has gaps and staleness to show.
 * The same seed and day give the same progress; the day is the caller's, so dates stay plausible.
 */
export interface SampleProgressOptions {
  /** The day the progress is as of: updates fall before it, the next board meeting after it. */
  today: Date;
  seed?: number;
}

const DEFAULT_PROGRESS_SEED = 20_261_125;
const DAY_MS = 86_400_000;
const FINAL_STATUSES: [number, DeliveryStatus][] = [
  [40, 'on-track'],
  [20, 'behind'],
  [20, 'done'],
  [12, 'not-started'],
  [3, 'no-longer-planned'],
];

const sample = (text: string) => `${SAMPLE_MARK} ${text}`;
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** A council's own stream of numbers: the same for its slug whatever else is generated. */
function seedFor(slug: string, seed: number): number {
  let hash = seed >>> 0;
  for (const char of slug) hash = Math.imul(hash ^ char.charCodeAt(0), 16_777_619) >>> 0;
  return hash;
}

/** Days between board meetings: the cadence, or every three months when the board does not say. */
function meetingGap(board: CouncilContent['board']): number {
  const cadence = board?.cadence;
  if (!cadence) return 91;
  return Math.round(cadence.kind === 'every-n-months' ? cadence.months * 30.4 : 365 / cadence.times);
}

function sampleUpdates(rng: Random, latest: string, slug: string): DeliveryUpdate[] {
  const final = rng.weighted(FINAL_STATUSES, ([weight]) => weight)[1];
  const count = final === 'not-started' ? 1 : rng.int(1, 4);
  const dates: string[] = [latest];
  while (dates.length < count) dates.unshift(shift(dates[0]!, -rng.int(40, 120)));
  return dates.map((date, index) => {
    const status: DeliveryStatus = index === count - 1 ? final : rng.pick(['not-started', 'on-track', 'behind'] as const);
    const [text, plain] = rng.pick(UPDATE_WORDS[status]);
    return {
      date,
      status,
      text: sample(text),
      plainWords: rng.chance(0.8) ? sample(plain) : null,
      reason: status === 'no-longer-planned' ? sample(rng.pick(NO_LONGER_PLANNED_REASONS)) : null,
      evidence: rng.chance(0.3)
        ? [{ label: sample('report to the board'), url: `https://${slug}.example.org/board/report-${date}.pdf` }]
        : [],
    };
  });
}

function sampleActions(rng: Random, latest: string, done: boolean, next: () => string): DeliveryAction[] {
  return rng.sample(ACTIONS, rng.int(0, 3)).map(([what, responsible]) => ({
    key: next(),
    what: sample(what),
    responsible,
    due: rng.chance(0.85) ? shift(latest, rng.int(-90, 270)) : null,
    status: done
      ? 'done'
      : rng.weighted<[number, DeliveryAction['status']]>(
          [
            [60, 'open'],
            [32, 'done'],
            [8, 'dropped'],
          ],
          ([w]) => w,
        )[1],
  }));
}

/** A year of past meetings up to `until`, each reviewing some promises, and the next one when the board still meets. */
function sampleMeetings(
  rng: Random,
  content: CouncilContent,
  until: string,
  records: PromiseDelivery[],
  upcoming: string | null,
): BoardMeeting[] {
  const board = content.board;
  if (!board) return [];
  const gap = meetingGap(board);
  const kinds = board.membership.length > 0 ? board.membership : BOARD_MEMBER_KINDS.slice(0, 2);
  const actions = records.flatMap((record) => record.actions);
  const dates: string[] = [shift(until, -rng.int(0, Math.min(gap, 60)))];
  while (dates.length < Math.max(1, Math.round(365 / gap))) dates.unshift(shift(dates[0]!, -gap));
  const past = dates.map((date): BoardMeeting => ({
    key: '',
    date,
    access: rng.chance(0.8) ? 'public' : 'private',
    papers: [{ label: sample(`minutes of the meeting on ${date}`), url: `https://${content.council.slug}.example.org/board/${date}.pdf` }],
    attendance: kinds.map((kind) => ({ kind, count: rng.chance(0.85) ? rng.int(1, 8) : null })),
    reviewed: rng.sample(records, rng.int(1, Math.min(4, records.length))).map((record) => record.target),
    actionsSet: rng.sample(actions, rng.int(0, Math.min(2, actions.length))).map((action) => action.key),
    actionsClosed: rng
      .sample(
        actions.filter((action) => action.status !== 'open'),
        rng.int(0, 2),
      )
      .map((action) => action.key),
    decisions: rng.chance(0.75) ? sample(rng.pick(DECISIONS)) : null,
  }));
  const next: BoardMeeting[] = upcoming
    ? [
        {
          key: '',
          date: upcoming,
          access: 'public',
          papers: [],
          attendance: [],
          reviewed: [],
          actionsSet: [],
          actionsClosed: [],
          decisions: null,
        },
      ]
    : [];
  return [...past, ...next].map((meeting, index) => ({ ...meeting, key: `meeting-${index + 1}` }));
}

function sampleEntries(rng: Random, until: string, records: PromiseDelivery[]): YouSaidWeDid[] {
  return rng.sample(YOU_SAID, rng.int(0, 3)).map(([youSaid, weDid], index) => {
    const record = rng.pick(records);
    const action = record.actions.length > 0 && rng.chance(0.5) ? [rng.pick(record.actions).key] : [];
    return {
      key: `said-${index + 1}`,
      date: shift(until, -rng.int(10, 330)),
      source: rng.pick(['messages', 'consultation', 'children-in-care-council'] as const),
      youSaid: sample(youSaid),
      weDid: sample(weDid),
      promises: [record.target],
      actions: action,
    };
  });
}

/**
 * A sample council's published progress, or null for the one in eight that has published none
 * (and for a pledge with nothing to report against). One in eight of the rest stopped reporting
 * a year or so ago, so its updates are stale.
 */
export function generateProgress(content: CouncilContent, options: SampleProgressOptions): ProgressContent | null {
  const rng = random(seedFor(content.council.slug, options.seed ?? DEFAULT_PROGRESS_SEED));
  const targets: DeliveryTarget[] = deliveryTargets(content.pledge);
  if (targets.length === 0 || rng.chance(0.125)) return null;
  const today = options.today.toISOString().slice(0, 10);
  const lapsed = rng.chance(0.125);
  const until = shift(today, lapsed ? -rng.int(300, 420) : -rng.int(1, 20));
  let actionCount = 0;
  const nextAction = () => `action-${(actionCount += 1)}`;
  const records = targets
    .filter(() => rng.chance(0.85))
    .map((target): PromiseDelivery => {
      const latest = shift(until, -rng.int(0, lapsed ? 60 : 150));
      const updates = sampleUpdates(rng, latest, content.council.slug);
      return {
        target: target.target,
        measure: rng.chance(0.4) ? sample(rng.pick(MEASURES)) : null,
        actions: sampleActions(rng, latest, updates.at(-1)!.status === 'done', nextAction),
        updates,
      };
    });
  if (records.length === 0) return null;
  const parsed = progressContent.parse({
    promises: records,
    meetings: sampleMeetings(rng, content, until, records, lapsed ? null : shift(today, rng.int(7, 60))),
    youSaidWeDid: sampleEntries(rng, until, records),
  });
  const problems = progressEditionKind(progressTargets(content.pledge)).problems(parsed);
  if (problems.length > 0) throw new Error(`Sample progress for ${content.council.slug} breaks a rule: ${problems[0]}`);
  return parsed;
}

const SAMPLE_ACTOR = { id: 'sample-generator', email: 'samples@pledgekeeper.invalid' };

/**
 * Publishes the sample progress of each council given that is in the database and has published
 * none yet, as a publisher would through the workspace: one transaction per council, like the seed.
 */
export async function publishSampleProgress(
  db: Database,
  councils: readonly CouncilContent[],
  options: SampleProgressOptions,
): Promise<{ published: string[]; skipped: string[] }> {
  const report = { published: [] as string[], skipped: [] as string[] };
  const at = options.today.toISOString();
  for (const content of councils) {
    const progress = generateProgress(content, options);
    const done =
      progress !== null &&
      (await db.transaction().execute(async (trx) => {
        const found = await findCouncilBySlug(trx, content.council.slug);
        if (!found || (await findPublishedProgress(trx, found.id))) return false;
        const working = await insertWorkingProgress(trx, found.id, progress, SAMPLE_ACTOR, options.today);
        await updateWorkingProgress(trx, found.id, working, { status: 'published', published_at: at, published_by: SAMPLE_ACTOR.email });
        return true;
      }));
    (done ? report.published : report.skipped).push(content.council.slug);
  }
  return report;
}
