import { error, redirect } from '@sveltejs/kit';
import { actionFailed, loadFailed } from '$lib/server/failures';
import type { Actions, PageServerLoad } from './$types';

const versionOf = (raw: string): number => {
  if (!/^\d{1,9}$/.test(raw)) error(404, 'We could not find this version.');
  return Number(raw);
};

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const version = versionOf(params.version);
  let history;
  try {
    history = await locals.api.workspace.history.query({ council: params.council });
  } catch (cause) {
    loadFailed(cause, url);
  }
  const entry = history.find((candidate) => candidate.version === version);
  if (!entry) error(404, 'We could not find this version.');
  // Compared with the version before it, whatever happened to that one.
  const previous = history.filter((candidate) => candidate.version < version).sort((a, b) => b.version - a.version)[0];
  try {
    const changes = previous
      ? await locals.api.workspace.diff.query({ council: params.council, from: previous.version, to: version })
      : null;
    return { entry, previous: previous?.version ?? null, changes };
  } catch (cause) {
    loadFailed(cause, url);
  }
};

export const actions = {
  restore: async ({ locals, params, url }) => {
    const version = versionOf(params.version);
    try {
      await locals.api.workspace.restore.mutate({ council: params.council, version });
    } catch (cause) {
      return actionFailed(cause, url, {});
    }
    redirect(303, `/${params.council}/manage?restored=${version}`);
  },
} satisfies Actions;
