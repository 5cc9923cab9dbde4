import { fail, redirect } from '@sveltejs/kit';
import { allActions } from '@pledgekeeper/domain/progress';
import { checkEntry, readEntry } from '$lib/board-forms/entry-form';
import { progressEntries } from '$lib/progress/view';
import { actionFailed, loadFailed } from '$lib/server/failures';
import { keptForForms } from '$lib/server/kept-for-forms';
import type { Actions, PageServerLoad } from './$types';

export const load = keptForForms('you-said-we-did', (async ({ locals, params, url }) => {
  // The messages a publisher chose on the feedback view, shown here to staff only.
  const asked = url.searchParams.getAll('message');
  try {
    const [working, published, page, feedback] = await Promise.all([
      locals.api.progress.working.query({ council: params.council }),
      locals.api.progress.published.query({ council: params.council }),
      locals.api.council.page.query({ council: params.council }),
      asked.length > 0 ? locals.api.feedback.overview.query({ council: params.council }) : null,
    ]);
    const chosen = feedback?.comments.filter((item) => asked.includes(item.id)) ?? [];
    return {
      working,
      publishedKeys: published.content.youSaidWeDid.map((entry) => entry.key),
      targets: progressEntries(page.pledge),
      chosen,
      // Ids that are not this council's messages are left out, and said to be.
      unknown: asked.filter((id) => !chosen.some((item) => item.id === id)).length,
      added: url.searchParams.get('added'),
    };
  } catch (cause) {
    loadFailed(cause, url);
  }
}) satisfies PageServerLoad);

const CONFLICT =
  'Someone else saved progress since you opened this page. What you typed is kept below: check the entries, then send it again.';

export const actions = {
  /** A publisher's entry, added to the draft at the page's revision, with the chosen messages linked privately. */
  add: async ({ request, locals, params, url }) => {
    const data = await request.formData();
    const values = readEntry(data);
    const revision = Number(data.get('revision'));
    let key: string;
    try {
      // Asked first, so someone with no role here is refused whatever they sent; an editor is refused by `addYouSaidWeDid`.
      const [working, page] = await Promise.all([
        locals.api.progress.working.query({ council: params.council }),
        locals.api.council.page.query({ council: params.council }),
      ]);
      const choices = {
        targets: progressEntries(page.pledge).map((target) => target.target),
        actions: allActions(working.content).map((action) => action.key),
      };
      const checked = checkEntry(values, choices);
      if (!checked.ok) return fail(400, { form: 'entry', values, errors: checked.errors, wrong: checked.wrong });
      ({ key } = await locals.api.progress.addYouSaidWeDid.mutate({
        council: params.council,
        revision: Number.isInteger(revision) && revision >= 0 ? revision : -1,
        entry: checked.value,
        feedbackIds: values.messages,
      }));
    } catch (cause) {
      const failed = actionFailed(cause, url, { form: 'entry', values });
      return failed.status === 409 ? fail(409, { form: 'entry', values, message: CONFLICT }) : failed;
    }
    // Away from the chosen messages' address, so reloading cannot add the entry twice.
    redirect(303, `/${params.council}/manage/you-said-we-did?added=${encodeURIComponent(key)}`);
  },
} satisfies Actions;
