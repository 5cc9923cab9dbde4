import { z } from 'zod';
import { type Section, section } from './workspace.js';

export const CHANGE_KINDS = ['added', 'removed', 'changed'] as const;

/** One difference between two editions, worded for the history page. */
export const change = z.object({
  section,
  /** Where in the content, such as `pledge.promises.2.text`. */
  path: z.string(),
  /** Readable, such as "Promise 3: text". */
  label: z.string(),
  kind: z.enum(CHANGE_KINDS),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type Change = z.infer<typeof change>;

export type Text = string | null;
export type Field<T> = [key: string, label: string, value: (item: T) => Text];

/** Collects changes for one section. */
export class Changes {
  readonly all: Change[] = [];
  constructor(private readonly section: Section) {}

  value(path: string, label: string, before: Text, after: Text): void {
    if (before === after) return;
    const kind = before === null ? 'added' : after === null ? 'removed' : 'changed';
    this.all.push({ section: this.section, path, label, kind, before, after });
  }

  fields<T>(path: string, label: string, before: T, after: T, fields: Field<T>[]): void {
    for (const [key, name, value] of fields) {
      this.value(`${path}.${key}`, `${label}: ${name}`, value(before), value(after));
    }
  }

  /**
   * A list whose items are matched up first, so that inserting one item does not show every
   * later item as changed: items with equal keys are matched in order (longest common
   * subsequence); unmatched items between two matches are paired as edits, the rest are added
   * or removed.
   */
  list<T>(
    path: string,
    before: readonly T[],
    after: readonly T[],
    options: { key: (item: T) => string; label: (item: T, index: number) => string; summary: (item: T) => Text; fields: Field<T>[] },
  ): void {
    for (const pair of align(before, after, options.key)) {
      const old = pair.before === null ? null : before[pair.before]!;
      const now = pair.after === null ? null : after[pair.after]!;
      if (old !== null && now !== null && options.fields.length === 0) {
        this.value(`${path}.${pair.after}`, options.label(now, pair.after!), options.summary(old), options.summary(now));
      } else if (old !== null && now !== null) {
        this.fields(`${path}.${pair.after}`, options.label(now, pair.after!), old, now, options.fields);
      } else if (now !== null) {
        this.value(`${path}.${pair.after}`, options.label(now, pair.after!), null, options.summary(now) ?? '(empty)');
      } else if (old !== null) {
        this.value(`${path}.${pair.before}`, options.label(old, pair.before!), options.summary(old) ?? '(empty)', null);
      }
    }
  }

  paragraphs(path: string, label: string, before: readonly string[], after: readonly string[]): void {
    this.list(path, before, after, {
      key: (text) => text,
      label: (_, index) => `${label} ${index + 1}`,
      summary: (text) => text,
      fields: [],
    });
  }

  /** A part that may be missing altogether, such as the board. */
  optional<T>(
    path: string,
    label: string,
    before: T | null,
    after: T | null,
    summary: (item: T) => Text,
    both: (before: T, after: T) => void,
  ): void {
    if (before === null && after === null) return;
    if (before === null) this.value(path, label, null, summary(after!) ?? label);
    else if (after === null) this.value(path, label, summary(before) ?? label, null);
    else both(before, after);
  }
}

interface Pair {
  before: number | null;
  after: number | null;
}

function align<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): Pair[] {
  const a = before.map(key);
  const b = after.map(key);
  const n = a.length;
  const m = b.length;
  const common: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const pairs: Pair[] = [];
  let gapBefore: number[] = [];
  let gapAfter: number[] = [];
  const flush = () => {
    const paired = Math.min(gapBefore.length, gapAfter.length);
    for (let k = 0; k < paired; k++) pairs.push({ before: gapBefore[k]!, after: gapAfter[k]! });
    for (const i of gapBefore.slice(paired)) pairs.push({ before: i, after: null });
    for (const j of gapAfter.slice(paired)) pairs.push({ before: null, after: j });
    gapBefore = [];
    gapAfter = [];
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      flush();
      pairs.push({ before: i, after: j });
      i++;
      j++;
    } else if (common[i + 1]![j]! >= common[i]![j + 1]!) {
      gapBefore.push(i++);
    } else {
      gapAfter.push(j++);
    }
  }
  while (i < n) gapBefore.push(i++);
  while (j < m) gapAfter.push(j++);
  flush();
  return pairs;
}
