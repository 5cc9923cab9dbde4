/**
 * Messages for a public form: one per field, plus `form` for problems that belong to no field,
 * and an error summary whose entries link to the fields in the order they appear.
 */
export type FormErrors<Field extends string> = Partial<Record<Field | 'form', string>>;

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

export function formErrors<Field extends string>(fieldIds: Record<Field, string>) {
  const fields = Object.keys(fieldIds) as Field[];
  const isField = (key: unknown): key is Field => fields.includes(key as Field);

  /** Zod issues as form messages, the first for each field; others become one form message. */
  function errorsFromIssues(issues: readonly Issue[]): FormErrors<Field> {
    const errors: FormErrors<Field> = {};
    for (const issue of issues) {
      const field = issue.path[0];
      const key: Field | 'form' = isField(field) ? field : 'form';
      errors[key] ??= issue.message;
    }
    return errors;
  }

  /** The same from the API's flattened zod error (`{ formErrors, fieldErrors }`). */
  function errorsFromFlattened(flattened: unknown): FormErrors<Field> {
    if (typeof flattened !== 'object' || flattened === null) return {};
    const { formErrors: general, fieldErrors } = flattened as { formErrors?: unknown; fieldErrors?: unknown };
    const issues: Issue[] = [];
    if (typeof fieldErrors === 'object' && fieldErrors !== null) {
      for (const [field, messages] of Object.entries(fieldErrors)) {
        if (Array.isArray(messages) && typeof messages[0] === 'string') issues.push({ path: [field], message: messages[0] });
      }
    }
    if (Array.isArray(general) && typeof general[0] === 'string') issues.push({ path: [], message: general[0] });
    return errorsFromIssues(issues);
  }

  /** Summary entries in the order the fields appear, each with the id it links to. */
  function errorSummary(errors: FormErrors<Field>): { href: string | null; message: string }[] {
    const entries = fields.flatMap((field) => {
      const message = errors[field];
      return message ? [{ href: `#${fieldIds[field]}`, message }] : [];
    });
    return errors.form ? [{ href: null, message: errors.form }, ...entries] : entries;
  }

  return { errorsFromIssues, errorsFromFlattened, errorSummary };
}
