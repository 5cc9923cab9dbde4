import { loadFailed } from '$lib/server/failures';
import { logoIdOf, logoResponse } from '$lib/server/logo-response';
import type { RequestHandler } from './$types';

// Any of a council's uploaded logos, for its own people: the branding page and the preview show
// a draft's logo before it is public. Never kept by anyone else on the way.
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const { id, extension } = logoIdOf(params.file);
  try {
    const logo = await locals.api.branding.logo.query({ council: params.council, id });
    return logoResponse(logo, extension, 'private, no-store');
  } catch (cause) {
    loadFailed(cause, url);
  }
};
