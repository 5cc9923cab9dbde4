import { YOU_SAID_SOURCES, youSaidWeDid, type YouSaidSource, type YouSaidWeDid } from '@pledgekeeper/domain/progress';
import { checkDate, readDateParts, type DateParts } from './date-input';
import { problems, readList, readText, unknownChoices, wordsProblem, type Checked } from './fields';

/**
 * The workspace's "you said, we did" form: the council's own summary of what young people said,
 * what changed, and the promises and actions it touched, with the messages it answers (linked
 * privately by the API, never published).
 */

export const ENTRY_FIELD_IDS: Record<string, string> = {
  date: 'date-day',
  source: 'source-messages',
  youSaid: 'you-said',
  weDid: 'we-did',
  promises: 'promises-0',
  actions: 'actions-0',
};

/** The form as typed, kept whole so that a mistake or a conflict gives it all back. */
export interface EntryValues {
  date: DateParts;
  source: string;
  youSaid: string;
  weDid: string;
  promises: string[];
  actions: string[];
  /** The feedback the entry answers, by id: chosen on the feedback view, carried in hidden fields. */
  messages: string[];
}

export type NewEntry = Omit<YouSaidWeDid, 'key'>;

export const readEntry = (data: FormData): EntryValues => ({
  date: readDateParts(data, 'date'),
  source: readText(data, 'source'),
  youSaid: readText(data, 'youSaid'),
  weDid: readText(data, 'weDid'),
  promises: readList(data, 'promises'),
  actions: readList(data, 'actions'),
  messages: readList(data, 'message'),
});

export interface EntryChoices {
  targets: readonly string[];
  actions: readonly string[];
}

/** The entry the form describes, or what is wrong with it, each problem on its own field. */
export function checkEntry(values: EntryValues, choices: EntryChoices): Checked<NewEntry> {
  const date = checkDate(values.date, 'the date');
  const source = (YOU_SAID_SOURCES as readonly string[]).includes(values.source) ? (values.source as YouSaidSource) : null;
  const errors = problems({
    date: date.ok ? null : date.message,
    source: source ? null : 'Choose where this came from',
    youSaid: wordsProblem(values.youSaid, 1000, 'What young people said', 'Enter what young people said, in your own words'),
    weDid: wordsProblem(values.weDid, 2000, 'What you did', 'Enter what you did'),
    promises: unknownChoices(values.promises, choices.targets) ? 'Choose the promises it touched from the list' : null,
    actions: unknownChoices(values.actions, choices.actions) ? 'Choose the actions it touched from the list' : null,
  });
  if (!date.ok || !source || Object.keys(errors).length > 0) return { ok: false, errors, wrong: date.ok ? [] : date.wrong };

  const parsed = youSaidWeDid.omit({ key: true }).safeParse({
    date: date.value,
    source,
    youSaid: values.youSaid,
    weDid: values.weDid,
    promises: choices.targets.filter((target) => values.promises.includes(target)),
    actions: values.actions,
  });
  // Every rule of the schema is checked above in words of its own; this only guards against drift.
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: { form: parsed.error.issues[0]?.message ?? 'Check the entry and try again' }, wrong: [] };
}
