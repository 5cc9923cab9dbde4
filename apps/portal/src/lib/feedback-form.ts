/** The "Was this helpful?" form: what was entered, and messages to show against each field. */
export type FeedbackField = 'helpful' | 'comment';

export interface FeedbackValues {
  helpful: 'yes' | 'no' | null;
  comment: string;
}

/** One message per field, plus `form` for problems that belong to no field. */
export type FeedbackErrors = Partial<Record<FeedbackField | 'form', string>>;

/** Where the error summary links to: the first control of each field. */
export const FEEDBACK_FIELD_IDS: Record<FeedbackField, string> = {
  helpful: 'feedback-helpful-yes',
  comment: 'feedback-comment',
};

const FIELDS: readonly FeedbackField[] = ['helpful', 'comment'];
const isField = (key: unknown): key is FeedbackField => FIELDS.includes(key as FeedbackField);

export function readFeedbackForm(data: FormData): FeedbackValues {
  const helpful = data.get('helpful');
  const comment = data.get('comment');
  return {
    helpful: helpful === 'yes' || helpful === 'no' ? helpful : null,
    comment: typeof comment === 'string' ? comment : '',
  };
}

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** Zod issues as form messages, the first for each field; others become one form message. */
export function errorsFromIssues(issues: readonly Issue[]): FeedbackErrors {
  const errors: FeedbackErrors = {};
  for (const issue of issues) {
    const field = issue.path[0];
    const key = isField(field) ? field : 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The same from the API's flattened zod error (`{ formErrors, fieldErrors }`). */
export function errorsFromFlattened(flattened: unknown): FeedbackErrors {
  if (typeof flattened !== 'object' || flattened === null) return {};
  const { formErrors, fieldErrors } = flattened as { formErrors?: unknown; fieldErrors?: unknown };
  const issues: Issue[] = [];
  if (typeof fieldErrors === 'object' && fieldErrors !== null) {
    for (const [field, messages] of Object.entries(fieldErrors)) {
      if (Array.isArray(messages) && typeof messages[0] === 'string') {
        issues.push({ path: [field], message: messages[0] });
      }
    }
  }
  if (Array.isArray(formErrors) && typeof formErrors[0] === 'string') {
    issues.push({ path: [], message: formErrors[0] });
  }
  return errorsFromIssues(issues);
}

/** Summary entries in the order the fields appear, each with the id it links to. */
export function errorSummary(errors: FeedbackErrors): { href: string | null; message: string }[] {
  const entries = FIELDS.flatMap((field) => {
    const message = errors[field];
    return message ? [{ href: `#${FEEDBACK_FIELD_IDS[field]}`, message }] : [];
  });
  return errors.form ? [{ href: null, message: errors.form }, ...entries] : entries;
}
