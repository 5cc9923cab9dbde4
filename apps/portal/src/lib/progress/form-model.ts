import {
  ACTION_STATUSES,
  type ActionStatus,
  deliveryAction,
  deliveryUpdate,
  promiseDelivery,
  type DeliveryAction,
  type DeliveryUpdate,
  type ProgressContent,
  type PromiseDelivery,
} from '@pledgekeeper/domain/progress';
import { checkDate, checkOptionalDate, readDateParts, type DatePart, type DateParts } from '$lib/board-forms/date-input';
import { errorsFromIssues, type FormErrors, type Issue, type Placement } from '$lib/form-errors';

/**
 * The workspace's progress forms: each edits one part of one promise's record (its measure, a new
 * action, a new update), read from the form, checked with the domain's own schema and merged into
 * the whole content, which is what `progress.save` takes. Dates are GOV.UK date inputs: three
 * boxes, `date-day` and so on, checked in the same words as the board meeting's date.
 */

export const MEASURE_FIELD_IDS = { measure: 'measure' } as const;
export const ACTION_FIELD_IDS = {
  what: 'action-what',
  responsible: 'action-responsible',
  due: 'action-due',
  status: 'action-status',
} as const;
export const UPDATE_FIELD_IDS = {
  date: 'update-date',
  status: 'update-status',
  text: 'update-text',
  plainWords: 'update-plain-words',
  reason: 'update-reason',
  evidenceLabel: 'update-evidence-label',
  evidenceUrl: 'update-evidence-url',
} as const;

/** Changing the status of an action already recorded: done, dropped, or open again. */
export const ACTION_STATUS_FIELD_IDS = { action: 'status-action', actionStatus: 'status-of-action' } as const;

export type MeasureValues = Record<keyof typeof MEASURE_FIELD_IDS, string>;
export type ActionStatusValues = Record<keyof typeof ACTION_STATUS_FIELD_IDS, string>;
export type ActionValues = Record<Exclude<keyof typeof ACTION_FIELD_IDS, 'due'>, string> & { due: DateParts };
export type UpdateValues = Record<Exclude<keyof typeof UPDATE_FIELD_IDS, 'date'>, string> & { date: DateParts };

const read = <Field extends string>(data: FormData, fields: Record<Field, string>): Record<Field, string> =>
  Object.fromEntries(Object.keys(fields).map((name) => [name, String(data.get(name) ?? '').trim()])) as Record<Field, string>;

export const readMeasure = (data: FormData): MeasureValues => read(data, MEASURE_FIELD_IDS);
export const readAction = (data: FormData): ActionValues => ({ ...read(data, ACTION_FIELD_IDS), due: readDateParts(data, 'due') });
export const readUpdate = (data: FormData): UpdateValues => ({ ...read(data, UPDATE_FIELD_IDS), date: readDateParts(data, 'date') });
export const readActionStatus = (data: FormData): ActionStatusValues => read(data, ACTION_STATUS_FIELD_IDS);

/** The target a form is about, as it came; the API refuses one that is not in the published pledge. */
export const readTarget = (data: FormData): string => String(data.get('target') ?? '').trim();

const orNull = (value: string): string | null => (value === '' ? null : value);

/** The record, or a message per field and, for a date, the boxes to mark. */
type Checked<T, Field extends string> = { ok: true; value: T } | { ok: false; errors: FormErrors<Field>; wrong?: DatePart[] };

interface Schema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: Issue[] } };
}

function check<T, Field extends string>(schema: Schema<T>, input: unknown, place: Placement): Checked<T, Field> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: errorsFromIssues<Field>(parsed.error.issues, place) };
}

/** The date's own words in place of the schema's, with the boxes to mark, when the date is wrong. */
function withDate<T, Field extends string>(
  checked: Checked<T, Field>,
  field: NoInfer<Field>,
  date: { ok: true } | { ok: false; message: string; wrong: DatePart[] },
): Checked<T, Field> {
  if (date.ok) return checked;
  const errors: FormErrors<Field> = checked.ok ? {} : { ...checked.errors };
  errors[field] = date.message;
  return { ok: false, errors, wrong: date.wrong };
}

const onField =
  (fields: readonly string[], aliases: Record<string, string> = {}): Placement =>
  (path) => {
    const joined = path.map(String).join('.');
    const name = aliases[joined] ?? String(path[0]);
    return fields.includes(name) ? { name } : null;
  };

export const checkMeasure = (values: MeasureValues) =>
  check<string | null, keyof MeasureValues>(promiseDelivery.shape.measure, orNull(values.measure), onField(['measure']));

export function checkAction(values: ActionValues, key: string) {
  const due = checkOptionalDate(values.due);
  const input = {
    key,
    what: values.what,
    responsible: orNull(values.responsible),
    due: due.ok ? due.value : null,
    status: values.status || 'open',
  };
  return withDate(check<DeliveryAction, keyof ActionValues>(deliveryAction, input, onField(Object.keys(ACTION_FIELD_IDS))), 'due', due);
}

export function checkUpdate(values: UpdateValues) {
  const evidence = values.evidenceLabel || values.evidenceUrl ? [{ label: values.evidenceLabel, url: values.evidenceUrl }] : [];
  const date = checkDate(values.date, 'the date of the update');
  const input = {
    // An empty date still lets the schema check the rest; the date's own words replace its message.
    date: date.ok ? date.value : '',
    status: values.status || undefined,
    text: values.text,
    plainWords: orNull(values.plainWords),
    reason: orNull(values.reason),
    evidence,
  };
  const aliases = { 'evidence.0.label': 'evidenceLabel', 'evidence.0.url': 'evidenceUrl' };
  const place = onField(Object.keys(UPDATE_FIELD_IDS), aliases);
  const checked = withDate(check<DeliveryUpdate, keyof UpdateValues>(deliveryUpdate, input, place), 'date', date);
  // The schema's words for a missing choice are for developers; this is for the person choosing.
  if (!checked.ok && checked.errors.status) checked.errors.status = 'Choose how it is going';
  return checked;
}

const emptyRecord = (target: string): PromiseDelivery => ({ target, measure: null, actions: [], updates: [] });

/** The content with one target's record changed (made first if there is none), the others as they were. */
export function withRecord(
  content: ProgressContent,
  target: string,
  change: (record: PromiseDelivery) => PromiseDelivery,
): ProgressContent {
  const found = content.promises.some((record) => record.target === target);
  const promises = found
    ? content.promises.map((record) => (record.target === target ? change(record) : record))
    : [...content.promises, change(emptyRecord(target))];
  return { ...content, promises };
}

/** A key for a new action, unused anywhere in the content: `action-12`. */
export function nextActionKey(content: ProgressContent): string {
  const used = content.promises.flatMap((record) => record.actions.map((action) => /^action-(\d+)$/.exec(action.key)?.[1]));
  return `action-${Math.max(0, ...used.map(Number).filter(Number.isFinite)) + 1}`;
}

/** Which of the record's actions changes, and to what; each mistake on its own field. */
export function checkActionStatus(
  values: ActionStatusValues,
  record: PromiseDelivery | undefined,
): Checked<{ key: string; status: ActionStatus }, keyof ActionStatusValues> {
  const known = record?.actions.some((action) => action.key === values.action) ?? false;
  const status = ACTION_STATUSES.find((one) => one === values.actionStatus);
  const errors: FormErrors<keyof ActionStatusValues> = {
    ...(known ? {} : { action: 'Choose one of the actions of this promise' }),
    ...(status ? {} : { actionStatus: 'Choose its new status' }),
  };
  return known && status ? { ok: true, value: { key: values.action, status } } : { ok: false, errors };
}
