import { error, fail, redirect } from '@sveltejs/kit';
import { SECTION_CONFLICT_MESSAGE } from '@pledgekeeper/domain/workspace';
import { SECTION_FORMS, isSectionName, nextSection } from '$lib/section-forms';
import { hasErrors } from '$lib/form-errors';
import { contentErrors, readSubmission } from '$lib/section-forms/submission';
import { apiConflict, apiErrorCode, apiMessage } from '$lib/server/api';
import { actionFailed, loadFailed, onlyApiFailures } from '$lib/server/failures';
import { keptForForms } from '$lib/server/kept-for-forms';
import type { Actions, PageServerLoad } from './$types';

// The API's own words for a section conflict, shown beside both versions.
const CONFLICT_MESSAGE = SECTION_CONFLICT_MESSAGE;

const formFor = (section: string) => {
  if (!isSectionName(section)) error(404, 'We could not find this page.');
  return SECTION_FORMS[section];
};

export const load = keptForForms('section', (async ({ locals, params, url }) => {
  const form = formFor(params.section);
  try {
    const draft = await locals.api.workspace.draft.query({ council: params.council });
    const content = (draft.content as Record<string, unknown>)[form.section];
    return {
      section: form.section,
      status: draft.status,
      version: draft.version,
      revision: draft.revisions[form.section] ?? 0,
      values: form.fromContent(content ?? null),
    };
  } catch (cause) {
    loadFailed(cause, url);
  }
}) satisfies PageServerLoad);

/**
 * "Save and send for review": once saved, the draft goes to the publishers, and the overview says
 * so. Where it cannot go yet (a check fails), what was saved stays, and the form says why.
 */
async function sendForReview(locals: App.Locals, council: string, revision: number) {
  try {
    await locals.api.workspace.submitForReview.mutate({ council });
  } catch (cause) {
    onlyApiFailures(cause);
    const reason = apiMessage(cause) ?? 'It could not be sent just now. Try again from the overview.';
    return fail(400, { saved: true as const, revision, values: null, message: `Saved, but not sent for review. ${reason}` });
  }
  redirect(303, `/${council}/manage?sent`);
}

export const actions = {
  save: async ({ request, locals, params, url }) => {
    const form = formFor(params.section);
    const submission = readSubmission(form, await request.formData());
    const { values, content } = submission;
    try {
      const saved = await locals.api.workspace.saveSection.mutate({
        council: params.council,
        section: form.section,
        // A missing revision still goes to the API, which answers who may save before what is wrong.
        revision: submission.revision ?? -1,
        content,
      });
      // "Save and continue" goes on to the next section, or back to the overview after the last.
      if (submission.command.kind === 'save' && submission.command.then === 'next') {
        const next = nextSection(form.section);
        redirect(303, `/${params.council}/manage${next ? `/${next}` : ''}`);
      }
      if (submission.command.kind === 'save' && submission.command.then === 'review') {
        return await sendForReview(locals, params.council, saved.revision);
      }
      // After a list button the form keeps its new empty item; after "Save" it shows what was stored.
      return { saved: true as const, revision: saved.revision, values: submission.command.kind === 'save' ? null : values };
    } catch (cause) {
      onlyApiFailures(cause);
      const code = apiErrorCode(cause);
      const conflict = code === 'CONFLICT' ? apiConflict(cause) : null;
      if (conflict) {
        return fail(409, {
          message: apiMessage(cause) ?? CONFLICT_MESSAGE,
          values,
          revision: conflict.revision,
          conflict: { savedBy: conflict.savedBy, savedAt: conflict.savedAt, values: form.fromContent(conflict.content ?? null) },
        });
      }
      if (code === 'BAD_REQUEST') {
        const errors = contentErrors(form, content);
        if (!hasErrors(errors)) errors.form = apiMessage(cause) ?? 'Check what you entered and try again.';
        return fail(400, { values, revision: submission.revision, errors });
      }
      return actionFailed(cause, url, { values, revision: submission.revision });
    }
  },
} satisfies Actions;
