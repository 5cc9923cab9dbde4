import { councilKind, nation } from '@pledgekeeper/domain/council';
import { error, fail } from '@sveltejs/kit';
import { actionFailed, FORBIDDEN_MESSAGE, loadFailed } from '$lib/server/failures';
import { requireUser } from '$lib/server/user';
import { keptForForms } from '$lib/server/kept-for-forms';
import type { Actions, PageServerLoad } from './$types';

const field = (data: FormData, name: string): string => String(data.get(name) ?? '').trim();

export const load = keptForForms('admin', (async ({ locals, url }) => {
  const user = await requireUser(locals, url);
  if (!user.isPlatformAdmin) error(403, FORBIDDEN_MESSAGE);
  try {
    return { user, councils: await locals.api.admin.councils.query() };
  } catch (cause) {
    loadFailed(cause, url);
  }
}) satisfies PageServerLoad);

export const actions = {
  createCouncil: async ({ request, locals, url }) => {
    const data = await request.formData();
    const values = { slug: field(data, 'slug'), name: field(data, 'name'), kind: field(data, 'kind'), nation: field(data, 'nation') };
    // Kind and nation come from lists: only a tampered form sends others. The API checks the rest.
    const kind = councilKind.safeParse(values.kind);
    const inNation = nation.safeParse(values.nation);
    if (!kind.success || !inNation.success) {
      return fail(400, { form: 'createCouncil', values, message: 'Choose a kind of council and a nation from the lists' });
    }
    let created;
    try {
      const council = await locals.api.admin.createCouncil.mutate({ ...values, kind: kind.data, nation: inNation.data });
      created = { slug: council.council, name: values.name };
    } catch (cause) {
      return actionFailed(cause, url, { form: 'createCouncil', values: { ...values, firstPublisher: field(data, 'firstPublisher') } });
    }
    // Its first publisher may be invited in the same step; the council stands whatever happens to that.
    const email = field(data, 'firstPublisher');
    if (!email) return { created };
    try {
      const invitation = await locals.api.admin.invitePublisher.mutate({ council: created.slug, email });
      return { created, invitation: { ...invitation, council: created.slug, email, url: `${url.origin}/invitations/${invitation.token}` } };
    } catch (cause) {
      return actionFailed(cause, url, { created, form: 'invitePublisher', values: { council: created.slug, email } });
    }
  },
  invitePublisher: async ({ request, locals, url }) => {
    const data = await request.formData();
    const council = field(data, 'council');
    const email = field(data, 'email');
    try {
      const invitation = await locals.api.admin.invitePublisher.mutate({ council, email });
      return { invitation: { ...invitation, council, email, url: `${url.origin}/invitations/${invitation.token}` } };
    } catch (cause) {
      return actionFailed(cause, url, { form: 'invitePublisher', values: { council, email } });
    }
  },
} satisfies Actions;
