/**
 * The portal's one error model for forms, public and workspace alike: one message per field
 * (the first found, as GOV.UK shows one per field), and `form` for a problem that belongs to no
 * field. Every form's messages come through here, from the domain's zod issues, from the API's
 * answers, or from a page's own checks, and the error summary lists them in the form's order.
 */
export type FormErrors<Field extends string = string> = Partial<Record<Field | 'form', string>>;

export interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * The field an issue belongs to, and a label to begin its message with where a long form needs
 * one ("Promise 2, number: …"). `name: 'form'` puts it on the form, labelled with where it was.
 */
export type Placement = (path: readonly PropertyKey[]) => { name: string; label?: string } | null;

/** Where the summary links for each field: ids in the form's order, or a function of the name. */
export type FieldIds = Readonly<Record<string, string>> | ((name: string) => string);

export interface SummaryEntry {
  href: string | null;
  message: string;
}

export const hasErrors = (errors: FormErrors | null | undefined): boolean => !!errors && Object.values(errors).some(Boolean);

/** A placement for a short form whose fields are the input's own top-level keys. */
export const topLevel =
  (fields: readonly string[]): Placement =>
  (path) => {
    const name = String(path[0]);
    return fields.includes(name) ? { name } : null;
  };

/** Zod issues as form messages; those no field takes go on the form. */
export function errorsFromIssues<Field extends string>(issues: readonly Issue[], place: Placement): FormErrors<Field> {
  const errors: Record<string, string> = {};
  for (const { path, message } of issues) {
    const field = place(path) ?? { name: 'form' };
    errors[field.name] ??= field.label ? `${field.label}: ${message}` : message;
  }
  return errors as FormErrors<Field>;
}

/** The same from the `{ formErrors, fieldErrors }` the API adds to a BAD_REQUEST answer. */
export function errorsFromApi<Field extends string>(flattened: unknown, place: Placement): FormErrors<Field> {
  if (typeof flattened !== 'object' || flattened === null) return {};
  const { formErrors, fieldErrors } = flattened as { formErrors?: unknown; fieldErrors?: unknown };
  const issues: Issue[] = [];
  if (typeof fieldErrors === 'object' && fieldErrors !== null) {
    for (const [field, messages] of Object.entries(fieldErrors)) {
      if (Array.isArray(messages) && typeof messages[0] === 'string') issues.push({ path: [field], message: messages[0] });
    }
  }
  if (Array.isArray(formErrors) && typeof formErrors[0] === 'string') issues.push({ path: [], message: formErrors[0] });
  return errorsFromIssues(issues, (path) => (path.length === 0 ? null : place(path)));
}

/**
 * What a form action sent back, as form errors: its own `errors`, and the one `message` an API
 * refusal brings (see `actionFailed`), which belongs to the whole form.
 */
export function errorsOf(result: { errors?: FormErrors | undefined; message?: string | undefined } | null | undefined): FormErrors {
  const errors = { ...result?.errors };
  if (result?.message) errors.form ??= result.message;
  return errors;
}

/** The error summary's entries: the form's problem first, then each field's in the form's order. */
export function summaryEntries(errors: FormErrors, ids: FieldIds = (name) => name, formHref: string | null = null): SummaryEntry[] {
  const order = typeof ids === 'function' ? [] : Object.keys(ids);
  const idOf = typeof ids === 'function' ? ids : (name: string) => ids[name] ?? name;
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const fields = Object.keys(errors)
    .filter((name) => name !== 'form' && errors[name])
    .sort((a, b) => rank(a) - rank(b));
  const entries = fields.map((name) => ({ href: `#${idOf(name)}`, message: errors[name]! }));
  return errors.form ? [{ href: formHref, message: errors.form }, ...entries] : entries;
}

/** The helpers for one public form, its field ids fixed. */
export function formErrors<Field extends string>(fieldIds: Record<Field, string>) {
  const place = topLevel(Object.keys(fieldIds));
  return {
    errorsFromIssues: (issues: readonly Issue[]) => errorsFromIssues<Field>(issues, place),
    errorsFromFlattened: (flattened: unknown) => errorsFromApi<Field>(flattened, place),
    errorSummary: (errors: FormErrors<Field>) => summaryEntries(errors, fieldIds),
  };
}
