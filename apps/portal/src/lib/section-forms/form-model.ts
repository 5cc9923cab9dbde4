/**
 * A small description of a no-JavaScript form, shared by every workspace section: the fields a
 * form has, how they are read from a posted FormData, and how their text becomes content.
 * Field names are the content's own paths (`promises.2.text`), so API errors map onto fields.
 */
export interface Option {
  value: string;
  label: string;
}

interface Base {
  name: string;
  label: string;
  hint?: string;
}

export type ScalarField =
  | (Base & { kind: 'text' | 'textarea' | 'number' })
  /** One entry per paragraph, separated by a blank line. */
  | (Base & { kind: 'paragraphs' })
  /** One entry per line. */
  | (Base & { kind: 'lines' })
  | (Base & { kind: 'select'; options: Option[] | ((values: FormValues) => Option[]); empty?: string })
  | (Base & { kind: 'checkboxes'; options: Option[] })
  /** Kept as it was, not edited on this form. */
  | (Base & { kind: 'kept' });

export interface GroupField {
  kind: 'group';
  name: string;
  /** The heading for the whole list, such as "Promises". */
  label: string;
  /** One item's name, such as "Promise": used in legends and buttons. */
  itemLabel: string;
  fields: ScalarField[];
  /** A field that "Renumber … in order" rewrites. */
  renumber?: string;
  /**
   * Empty items an empty list starts with, ready to type into, so a new council writes its first
   * promises without pressing "Add" for each. None where not given. Empty items are never saved.
   */
  startWith?: number;
}

export type Field = ScalarField | GroupField;

export type ItemValues = Record<string, string | string[]>;
export type FormValues = Record<string, string | string[] | ItemValues[]>;

const isList = (field: ScalarField) => field.kind === 'checkboxes' || field.kind === 'kept';

function readScalar(field: ScalarField, data: FormData, name: string): string | string[] {
  if (isList(field)) return data.getAll(name).filter((value): value is string => typeof value === 'string');
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

/** The item indexes a group has in the posted form, in order. */
function itemIndexes(data: FormData, group: string): number[] {
  const pattern = new RegExp(`^${group}\\.(\\d{1,4})\\.`);
  const indexes = new Set<number>();
  for (const key of data.keys()) {
    const match = pattern.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}

export function readValues(fields: readonly Field[], data: FormData): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (field.kind === 'group') {
      values[field.name] = itemIndexes(data, field.name).map((index) => {
        const item: ItemValues = {};
        for (const sub of field.fields) item[sub.name] = readScalar(sub, data, `${field.name}.${index}.${sub.name}`);
        return item;
      });
    } else {
      values[field.name] = readScalar(field, data, field.name);
    }
  }
  return values;
}

export const emptyItem = (group: GroupField): ItemValues =>
  Object.fromEntries(group.fields.map((field) => [field.name, isList(field) ? [] : '']));

/** Nothing typed in it. The number the form filled in for it (`ignore`) does not count as typing. */
const isBlankItem = (item: ItemValues, ignore?: string): boolean =>
  Object.entries(item).every(([name, value]) => name === ignore || (Array.isArray(value) ? value.length === 0 : value.trim() === ''));

/**
 * A list as the form shows it: an empty one with `startWith` empty items to type into, each
 * numbered in turn where the list is numbered, so that typing into them is all it takes.
 */
export function itemsShown(group: GroupField, items: readonly ItemValues[]): ItemValues[] {
  if (items.length > 0) return [...items];
  return Array.from({ length: group.startWith ?? 0 }, (_, index) => {
    const item = emptyItem(group);
    return group.renumber ? { ...item, [group.renumber]: String(index + 1) } : item;
  });
}

/** How many items have something typed in them. */
export const filledCount = (group: GroupField, items: readonly ItemValues[]): number =>
  items.filter((item) => !isBlankItem(item, group.renumber)).length;

export type Command =
  /** `then`: go on to the next section ("Save and continue"), or send the draft for review. */
  | { kind: 'save'; then?: 'next' | 'review' }
  | { kind: 'add'; group: string }
  | { kind: 'remove' | 'up' | 'down'; group: string; index: number }
  | { kind: 'renumber'; group: string }
  /** Adds a value to one item's list field, such as an accepted or turned-down suggestion. */
  | { kind: 'include'; group: string; index: number; field: string; value: string };

/** The button pressed: "save", "add:promises", "remove:promises:2", "include:promises:2:principles:cswa2017-1f" ... */
export function readCommand(data: FormData): Command {
  const raw = data.get('command');
  const [kind, group, index, field, value] = typeof raw === 'string' ? raw.split(':') : [];
  if (kind === 'save-next') return { kind: 'save', then: 'next' };
  if (kind === 'save-review') return { kind: 'save', then: 'review' };
  if ((kind === 'add' || kind === 'renumber') && group) return { kind, group };
  const item = group && /^\d{1,4}$/.test(index ?? '') ? { group, index: Number(index) } : null;
  if ((kind === 'remove' || kind === 'up' || kind === 'down') && item) return { kind, ...item };
  if (kind === 'include' && item && /^[A-Za-z]{1,40}$/.test(field ?? '') && /^[a-z0-9-]{1,60}$/.test(value ?? '')) {
    return { kind, ...item, field: field!, value: value! };
  }
  return { kind: 'save' };
}

/** One item's list with a value added: in the order of the field's options, where it has them. */
function including(field: ScalarField | undefined, current: string | string[] | undefined, value: string): string[] | null {
  if (!field || !isList(field) || !Array.isArray(current)) return null;
  if (field.kind === 'checkboxes' && !field.options.some((option) => option.value === value)) return null;
  if (current.includes(value)) return current;
  const added = [...current, value];
  if (field.kind !== 'checkboxes') return added;
  const order = field.options.map((option) => option.value);
  return added.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** The form after a button's change: a new copy, the original untouched. */
export function applyCommand(fields: readonly Field[], values: FormValues, command: Command): FormValues {
  if (command.kind === 'save') return values;
  const group = fields.find((field): field is GroupField => field.kind === 'group' && field.name === command.group);
  const items = values[command.group];
  if (!group || !Array.isArray(items)) return values;
  const list = [...(items as ItemValues[])];
  if (command.kind === 'add') list.push(emptyItem(group));
  if (command.kind === 'remove') list.splice(command.index, 1);
  if (command.kind === 'up' || command.kind === 'down') {
    const { index } = command;
    const swap = command.kind === 'up' ? index - 1 : index + 1;
    if (swap >= 0 && swap < list.length && index < list.length) [list[swap], list[index]] = [list[index]!, list[swap]!];
  }
  if (command.kind === 'include' && command.index < list.length) {
    const item = list[command.index]!;
    const field = group.fields.find((candidate) => candidate.name === command.field);
    const changed = including(field, item[command.field], command.value);
    if (changed) list[command.index] = { ...item, [command.field]: changed };
  }
  if (command.kind === 'renumber' && group.renumber) {
    const numbered = group.renumber;
    let next = 1;
    for (let i = 0; i < list.length; i++) {
      if (!isBlankItem(list[i]!, numbered)) list[i] = { ...list[i]!, [numbered]: String(next++) };
    }
  }
  return { ...values, [command.group]: list };
}

/**
 * Items with nothing typed in them, such as one just added, are not saved; nor is one with only
 * the number the form filled in (`numbered`, the group's renumbered field).
 */
export const filledItems = (values: FormValues, group: string, numbered?: string): ItemValues[] =>
  ((values[group] ?? []) as ItemValues[]).filter((item) => !isBlankItem(item, numbered));

// Conversions from the text of a field to the value content holds.
export const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
export const optionalText = (value: unknown): string | null => text(value) || null;
export const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
export const paragraphsOf = (value: unknown): string[] =>
  text(value)
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
export const linesOf = (value: unknown): string[] =>
  text(value)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
/** Digits become a number; anything else is passed on as typed, for the API to refuse clearly. */
export const numberOf = (value: unknown): number | string | null => {
  const typed = text(value);
  if (typed === '') return null;
  return /^\d{1,6}$/.test(typed) ? Number(typed) : typed;
};
export const fromNumber = (value: number | null | undefined): string => (value == null ? '' : String(value));
export const fromText = (value: string | null | undefined): string => value ?? '';
export const fromParagraphs = (value: readonly string[] | undefined): string => (value ?? []).join('\n\n');
export const fromLines = (value: readonly string[] | undefined): string => (value ?? []).join('\n');
export const options = <Value extends string>(values: readonly Value[], label: (value: Value) => string = humanise): Option[] =>
  values.map((value) => ({ value, label: label(value) }));
export function humanise(value: string): string {
  const words = value.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
