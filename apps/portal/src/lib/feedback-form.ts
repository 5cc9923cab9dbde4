import { type FormErrors, formErrors } from './form-errors';

/** The "Was this helpful?" form: what was entered, and messages to show against each field. */
export type FeedbackField = 'helpful' | 'comment';

export interface FeedbackValues {
  helpful: 'yes' | 'no' | null;
  comment: string;
}

/** One message per field, plus `form` for problems that belong to no field. */
export type FeedbackErrors = FormErrors<FeedbackField>;

/** Where the error summary links to: the first control of each field. */
export const FEEDBACK_FIELD_IDS: Record<FeedbackField, string> = {
  helpful: 'feedback-helpful-yes',
  comment: 'feedback-comment',
};

export function readFeedbackForm(data: FormData): FeedbackValues {
  const helpful = data.get('helpful');
  const comment = data.get('comment');
  return {
    helpful: helpful === 'yes' || helpful === 'no' ? helpful : null,
    comment: typeof comment === 'string' ? comment : '',
  };
}

export const { errorsFromIssues, errorsFromFlattened, errorSummary } = formErrors(FEEDBACK_FIELD_IDS);
