import { type PledgeContent } from '@pledgekeeper/domain/council';
import { checkPledge, errorsOf } from '@pledgekeeper/domain/rules';
import { errorsFromIssues, type FormErrors, type Issue } from '$lib/form-errors';
import { placeOn } from './field-paths';
import { applyCommand, readCommand, readValues, type Command, type FormValues } from './form-model';
import type { SectionForm } from './section-form';

export interface Submission {
  command: Command;
  /** What the person sees next: their text, with the button's change applied. */
  values: FormValues;
  /** What is saved: the same, as content (items left blank are dropped). */
  content: unknown;
  /** The section revision the form was loaded at, or null when the field was missing or bad. */
  revision: number | null;
}

export function readSubmission(form: SectionForm, data: FormData): Submission {
  const command = readCommand(data);
  // Choices made on the form itself, such as accepting a suggestion, come first: they name items
  // by where they were when the form was posted, before the button moved any.
  const chosen = (form.choices?.(data) ?? []).reduce(
    (values, choice) => applyCommand(form.fields, values, choice),
    readValues(form.fields, data),
  );
  const values = applyCommand(form.fields, chosen, command);
  const raw = data.get('revision');
  const revision = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  return { command, values, content: form.toContent(values), revision };
}

/** Problems the domain's own rules find in the content, placed against the form's fields. */
export function contentErrors(form: SectionForm, content: unknown): FormErrors {
  const prefix = form.listName ? [form.listName] : [];
  const parsed = form.schema.safeParse(content);
  const issues: Issue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: [...prefix, ...issue.path],
        message: issue.message,
      }));
  if (parsed.success && form.section === 'pledge' && content !== null) {
    for (const finding of errorsOf(checkPledge(content as PledgeContent))) {
      issues.push({ path: finding.path.slice(1), message: finding.message });
    }
  }
  return errorsFromIssues(issues, placeOn(form.fields));
}
