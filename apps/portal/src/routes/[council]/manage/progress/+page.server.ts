import { fail } from '@sveltejs/kit';
import type { ProgressContent, PromiseDelivery } from '@pledgekeeper/domain/progress';
import {
  checkAction,
  checkActionStatus,
  checkMeasure,
  checkUpdate,
  nextActionKey,
  readAction,
  readActionStatus,
  readMeasure,
  readTarget,
  readUpdate,
  withRecord,
} from '$lib/progress/form-model';
import type { DatePart } from '$lib/board-forms/date-input';
import { progressEntries } from '$lib/progress/view';
import type { Api } from '$lib/server/api';
import { actionFailed, loadFailed } from '$lib/server/failures';
import { keptForForms } from '$lib/server/kept-for-forms';
import type { Actions, PageServerLoad } from './$types';

export const load = keptForForms('progress', (async ({ locals, params, url }) => {
  try {
    const [working, page] = await Promise.all([
      locals.api.progress.working.query({ council: params.council }),
      locals.api.council.page.query({ council: params.council }),
    ]);
    const targets = progressEntries(page.pledge);
    const asked = url.searchParams.get('target');
    const chosen = targets.find((target) => target.target === asked) ?? targets[0] ?? null;
    return { working, targets, chosen, cadence: page.board?.cadence ?? null };
  } catch (cause) {
    loadFailed(cause, url);
  }
}) satisfies PageServerLoad);

const CONFLICT =
  'Someone else saved progress since you opened this page. What you typed is kept below: check the record, then send it again.';

type Edit<Values> = {
  form: 'measure' | 'action' | 'update' | 'actionStatus';
  read: (data: FormData) => Values;
  /** The target's record with this form's change, or the form's own errors. */
  change: (values: Values, content: ProgressContent, target: string) => Change;
};
type Change =
  | { ok: true; apply: (record: PromiseDelivery) => PromiseDelivery }
  | { ok: false; errors: Record<string, string | undefined>; wrong?: DatePart[] };

/**
 * One form's change to one target, merged into the whole working content and saved at the revision
 * the page was loaded at. Who may do it is asked of the API first, so an outsider gets 403 whatever
 * they send; someone else's save in between comes back as a conflict that keeps what was typed.
 */
const edit =
  <Values>({ form, read, change }: Edit<Values>) =>
  async ({ request, locals, params, url }: { request: Request; locals: App.Locals; params: { council: string }; url: URL }) => {
    const data = await request.formData();
    const values = read(data);
    const target = readTarget(data);
    const revision = Number(data.get('revision'));
    const api: Api = locals.api;
    try {
      const working = await api.progress.working.query({ council: params.council });
      const changed = change(values, working.content, target);
      if (!changed.ok) return fail(400, { form, target, values, errors: changed.errors, wrong: changed.wrong });
      const content = withRecord(working.content, target, changed.apply);
      await api.progress.save.mutate({ council: params.council, revision: Number.isInteger(revision) ? revision : -1, content });
      return { done: SAVED[form], target };
    } catch (cause) {
      const failed = actionFailed(cause, url, { form, target, values });
      return failed.status === 409 ? fail(409, { form, target, values, message: CONFLICT }) : failed;
    }
  };

const SAVED = {
  measure: 'Saved “How we’ll know” in the draft.',
  action: 'Added the action to the draft.',
  update: 'Added the update to the draft.',
  actionStatus: 'Changed the action’s status in the draft.',
};

type Step = 'submitForReview' | 'publish' | 'discard';
const DONE: Record<Step, string> = {
  submitForReview: 'The progress was sent for review. A publisher can now publish it or send it back.',
  publish: 'Published. The public progress page shows it now.',
  discard: 'The draft was discarded. The published progress is unchanged.',
};
const step =
  (name: Step) =>
  async ({ locals, params, url }: { locals: App.Locals; params: { council: string }; url: URL }) => {
    try {
      await locals.api.progress[name].mutate({ council: params.council });
      return { done: DONE[name] };
    } catch (cause) {
      return actionFailed(cause, url, { form: name });
    }
  };

export const actions = {
  measure: edit({
    form: 'measure',
    read: readMeasure,
    change: (values) => {
      const checked = checkMeasure(values);
      return checked.ok ? { ok: true, apply: (record) => ({ ...record, measure: checked.value }) } : checked;
    },
  }),
  addAction: edit({
    form: 'action',
    read: readAction,
    change: (values, content) => {
      const checked = checkAction(values, nextActionKey(content));
      return checked.ok ? { ok: true, apply: (record) => ({ ...record, actions: [...record.actions, checked.value] }) } : checked;
    },
  }),
  addUpdate: edit({
    form: 'update',
    read: readUpdate,
    change: (values) => {
      const checked = checkUpdate(values);
      return checked.ok ? { ok: true, apply: (record) => ({ ...record, updates: [...record.updates, checked.value] }) } : checked;
    },
  }),
  actionStatus: edit({
    form: 'actionStatus',
    read: readActionStatus,
    change: (values, content, target) => {
      const checked = checkActionStatus(
        values,
        content.promises.find((record) => record.target === target),
      );
      return checked.ok
        ? {
            ok: true,
            apply: (record) => ({
              ...record,
              actions: record.actions.map((action) =>
                action.key === checked.value.key ? { ...action, status: checked.value.status } : action,
              ),
            }),
          }
        : checked;
    },
  }),
  submitForReview: step('submitForReview'),
  publish: step('publish'),
  discard: step('discard'),
  sendBack: async ({ request, locals, params, url }) => {
    const comment = String((await request.formData()).get('comment') ?? '').trim();
    try {
      // Asked first, so someone with no role here is told so before anything about the comment.
      await locals.api.progress.working.query({ council: params.council });
      if (!comment) return fail(400, { form: 'sendBack', comment, errors: { comment: 'Write a comment saying what needs to change' } });
      await locals.api.progress.sendBack.mutate({ council: params.council, comment });
      return { done: 'The progress was sent back to its editors with your comment.' };
    } catch (cause) {
      return actionFailed(cause, url, { form: 'sendBack', comment });
    }
  },
} satisfies Actions;
