import { branding as brandingSchema, logoTooLarge } from '@pledgekeeper/domain/council';
import { checkBrandColour, hexColour } from '@pledgekeeper/domain/rules';
import { SECTION_CONFLICT_MESSAGE } from '@pledgekeeper/domain/workspace';
import { fail } from '@sveltejs/kit';
import { apiConflict, apiErrorCode, apiMessage } from '$lib/server/api';
import { actionFailed, loadFailed, onlyApiFailures } from '$lib/server/failures';
import { keptForForms } from '$lib/server/kept-for-forms';
import type { Actions, PageServerLoad } from './$types';
import { type BrandingErrors, type BrandingValues, brandingOfValues, placeIssue, valuesOf } from './branding-form';

export const load = keptForForms('branding', (async ({ locals, params, url }) => {
  try {
    const draft = await locals.api.workspace.draft.query({ council: params.council });
    return { values: valuesOf(draft.content.branding), revision: draft.revisions.branding ?? 0, status: draft.status };
  } catch (cause) {
    loadFailed(cause, url);
  }
}) satisfies PageServerLoad);

/** A colour that fails the contrast check comes back with one that passes, ready to use. */
function suggestionFor(colour: string): string | null {
  const typed = hexColour.safeParse(colour);
  const suggestion = typed.success ? checkBrandColour(typed.data).suggestion : null;
  return suggestion === colour ? null : suggestion;
}

export const actions = {
  save: async ({ request, locals, params, url }) => {
    const data = await request.formData();
    // "Use #0b4f8a instead" is a second button of the same form: it sends the suggested colour.
    const suggested = String(data.get('useColour') ?? '');
    const values: BrandingValues = {
      colour: (suggested || String(data.get('brandColour') ?? '')).trim(),
      name: String(data.get('brandName') ?? '').trim(),
      alt: String(data.get('logoAlt') ?? '').trim(),
      logoId: String(data.get('logoId') ?? ''),
      logoType: String(data.get('logoType') ?? ''),
      removeLogo: data.get('removeLogo') === 'yes',
    };
    const revision = Number(data.get('revision') ?? -1);
    const refused = (errors: BrandingErrors, status = 400) =>
      fail(status, { values, revision, errors, suggestion: errors.brandColour ? suggestionFor(values.colour) : null });

    // A new file is checked and stored first: the draft then points at what was stored.
    const file = data.get('logo');
    if (file instanceof File && file.size > 0 && !values.removeLogo) {
      const tooLarge = logoTooLarge(file.size);
      if (tooLarge) return refused({ logo: tooLarge });
      try {
        const stored = await locals.api.branding.uploadLogo.mutate({
          council: params.council,
          type: file.type,
          data: Buffer.from(await file.arrayBuffer()).toString('base64'),
        });
        values.logoId = stored.id;
        values.logoType = stored.type;
      } catch (cause) {
        onlyApiFailures(cause);
        if (apiErrorCode(cause) !== 'BAD_REQUEST') return actionFailed(cause, url, { values, revision });
        return refused({ logo: apiMessage(cause) ?? 'This file cannot be used as a logo' });
      }
    }

    const parsed = brandingSchema.safeParse(brandingOfValues(values));
    if (!parsed.success) {
      const errors: BrandingErrors = {};
      for (const issue of parsed.error.issues) errors[placeIssue(issue.path)] ??= issue.message;
      return refused(errors);
    }
    try {
      const saved = await locals.api.workspace.saveSection.mutate({
        council: params.council,
        section: 'branding',
        revision,
        content: parsed.data,
      });
      return { saved: true as const, revision: saved.revision, values: null };
    } catch (cause) {
      onlyApiFailures(cause);
      const conflict = apiErrorCode(cause) === 'CONFLICT' ? apiConflict(cause) : null;
      if (conflict) {
        const theirs = brandingSchema.safeParse(conflict.content);
        return fail(409, {
          values,
          revision: conflict.revision,
          errors: { form: apiMessage(cause) ?? SECTION_CONFLICT_MESSAGE } as BrandingErrors,
          conflict: { savedBy: conflict.savedBy, values: valuesOf(theirs.success ? theirs.data : null) },
          suggestion: null,
        });
      }
      if (apiErrorCode(cause) === 'BAD_REQUEST') return refused({ form: apiMessage(cause) ?? 'Check what you entered and try again.' });
      return actionFailed(cause, url, { values, revision });
    }
  },
} satisfies Actions;
