import { role as roleSchema } from '@pledgekeeper/domain/workspace';
import { error, fail } from '@sveltejs/kit';
import { actionFailed, FORBIDDEN_MESSAGE, loadFailed } from '$lib/server/failures';
import { keptForForms } from '$lib/server/kept-for-forms';
import type { Actions, PageServerLoad } from './$types';

const field = (data: FormData, name: string): string => String(data.get(name) ?? '').trim();

export const load = keptForForms('people', (async ({ locals, params, url, parent }) => {
  if ((await parent()).overview.role !== 'publisher') error(403, FORBIDDEN_MESSAGE);
  try {
    return { people: await locals.api.people.list.query({ council: params.council }) };
  } catch (cause) {
    loadFailed(cause, url);
  }
}) satisfies PageServerLoad);

export const actions = {
  invite: async ({ request, locals, params, url }) => {
    const data = await request.formData();
    const email = field(data, 'email');
    const role = roleSchema.safeParse(field(data, 'role'));
    // The role comes from radios: only a tampered form sends another.
    if (!role.success) return fail(400, { form: 'invite', email, message: role.error.issues[0]?.message });
    try {
      const invitation = await locals.api.people.invite.mutate({ council: params.council, email, role: role.data });
      return {
        invitation: { email, role: role.data, expiresAt: invitation.expiresAt, url: `${url.origin}/invitations/${invitation.token}` },
      };
    } catch (cause) {
      return actionFailed(cause, url, { form: 'invite', email, role: role.data });
    }
  },
  revoke: async ({ request, locals, params, url }) => {
    const invitationId = field(await request.formData(), 'invitationId');
    try {
      await locals.api.people.revokeInvitation.mutate({ council: params.council, invitationId });
      return { done: 'The invitation was revoked. Its link no longer works.' };
    } catch (cause) {
      return actionFailed(cause, url, { form: 'list' });
    }
  },
  changeRole: async ({ request, locals, params, url }) => {
    const data = await request.formData();
    const email = field(data, 'email');
    const role = roleSchema.safeParse(field(data, 'role'));
    if (!role.success) return fail(400, { form: 'list', message: role.error.issues[0]?.message });
    try {
      await locals.api.people.changeRole.mutate({ council: params.council, email, role: role.data });
      return { done: `The role of ${email} was changed.` };
    } catch (cause) {
      return actionFailed(cause, url, { form: 'list' });
    }
  },
  remove: async ({ request, locals, params, url }) => {
    const email = field(await request.formData(), 'email');
    try {
      await locals.api.people.remove.mutate({ council: params.council, email });
      return { done: `${email} was removed from this council.` };
    } catch (cause) {
      return actionFailed(cause, url, { form: 'list' });
    }
  },
} satisfies Actions;
