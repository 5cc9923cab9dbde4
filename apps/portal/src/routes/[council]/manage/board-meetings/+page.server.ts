import { fail } from '@sveltejs/kit';
import { allActions, nextKey } from '@pledgekeeper/domain/progress';
import { checkMeeting, readMeeting, withMeeting, withoutMeeting } from '$lib/board-forms/meeting-form';
import { formatDay } from '$lib/progress/labels';
import { progressEntries } from '$lib/progress/view';
import type { Api } from '$lib/server/api';
import { actionFailed, loadFailed } from '$lib/server/failures';
import { keptForForms } from '$lib/server/kept-for-forms';
import type { Actions, PageServerLoad } from './$types';

export const load = keptForForms('board-meetings', (async ({ locals, params, url }) => {
  try {
    const [working, page] = await Promise.all([
      locals.api.progress.working.query({ council: params.council }),
      locals.api.council.page.query({ council: params.council }),
    ]);
    return { working, targets: progressEntries(page.pledge) };
  } catch (cause) {
    loadFailed(cause, url);
  }
}) satisfies PageServerLoad);

const CONFLICT =
  'Someone else saved progress since you opened this page. What you typed is kept below: check the meetings, then send it again.';

const revisionOf = (data: FormData): number => {
  const revision = Number(data.get('revision'));
  return Number.isInteger(revision) && revision >= 0 ? revision : -1;
};

/** The working records and what a meeting may name. Asked of the API first, so an outsider gets 403 whatever they send. */
async function situation(api: Api, council: string) {
  const [working, page] = await Promise.all([api.progress.working.query({ council }), api.council.page.query({ council })]);
  const targets = progressEntries(page.pledge).map((target) => target.target);
  return { working, choices: { targets, actions: allActions(working.content).map((action) => action.key) } };
}

export const actions = {
  /** A meeting added to the draft at the revision the page was read at; the actions it closed are marked done in the same save. */
  addMeeting: async ({ request, locals, params, url }) => {
    const data = await request.formData();
    const values = readMeeting(data);
    try {
      const { working, choices } = await situation(locals.api, params.council);
      const key = nextKey(
        'meeting',
        working.content.meetings.map((meeting) => meeting.key),
      );
      const checked = checkMeeting(values, key, choices);
      if (!checked.ok) return fail(400, { form: 'meeting', values, errors: checked.errors, wrong: checked.wrong });
      const content = withMeeting(working.content, checked.value);
      await locals.api.progress.save.mutate({ council: params.council, revision: revisionOf(data), content });
      return { done: `Added the meeting of ${formatDay(checked.value.date)} to the draft.` };
    } catch (cause) {
      const failed = actionFailed(cause, url, { form: 'meeting', values });
      return failed.status === 409 ? fail(409, { form: 'meeting', values, message: CONFLICT }) : failed;
    }
  },

  removeMeeting: async ({ request, locals, params, url }) => {
    const data = await request.formData();
    const key = String(data.get('key') ?? '');
    try {
      const { working } = await situation(locals.api, params.council);
      const meeting = working.content.meetings.find((one) => one.key === key);
      if (!meeting) return fail(400, { form: 'remove', message: 'That meeting is not in the records any more.' });
      const content = withoutMeeting(working.content, key);
      await locals.api.progress.save.mutate({ council: params.council, revision: revisionOf(data), content });
      return { done: `Removed the meeting of ${formatDay(meeting.date)} from the draft.` };
    } catch (cause) {
      const failed = actionFailed(cause, url, { form: 'remove' });
      return failed.status === 409 ? fail(409, { form: 'remove', message: CONFLICT }) : failed;
    }
  },
} satisfies Actions;
