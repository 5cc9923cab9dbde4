import type { Field } from './form-model';

export interface FormIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** Messages by field name, plus those that belong to no one field. */
export interface FieldErrors {
  fields: Record<string, string>;
  form: string[];
}

/** The field a content path belongs to: `promises.2.principles.0` is the field `promises.2.principles`. */
export function fieldFor(fields: readonly Field[], path: readonly PropertyKey[]): { name: string; label: string } | null {
  const [first, index] = path.map(String);
  for (const field of fields) {
    if (field.kind === 'group' && field.name === first && index !== undefined && /^\d+$/.test(index)) {
      const rest = path.slice(2).map(String).join('.');
      const item = field.fields.find((candidate) => rest === candidate.name || rest.startsWith(`${candidate.name}.`));
      const label = `${field.itemLabel} ${Number(index) + 1}`;
      if (item) return { name: `${first}.${index}.${item.name}`, label: `${label}, ${item.label.toLowerCase()}` };
      return null;
    }
    if (field.kind !== 'group') {
      const joined = path.map(String).join('.');
      if (joined === field.name || joined.startsWith(`${field.name}.`)) return { name: field.name, label: field.label };
    }
  }
  return null;
}

/** Zod issues as messages against fields, the first for each field. */
export function errorsFromIssues(fields: readonly Field[], issues: readonly FormIssue[]): FieldErrors {
  const errors: FieldErrors = { fields: {}, form: [] };
  for (const issue of issues) {
    const field = fieldFor(fields, issue.path);
    if (field) {
      errors.fields[field.name] ??= `${field.label}: ${issue.message}`;
    } else {
      const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
      errors.form.push(`${where}${issue.message}`);
    }
  }
  return errors;
}

export const hasErrors = (errors: FieldErrors): boolean =>
  errors.form.length > 0 || Object.keys(errors.fields).length > 0;

/** The id of a field's control, for labels and for the error summary's links. */
export const fieldId = (name: string): string => `field-${name.replace(/\./g, '-')}`;
