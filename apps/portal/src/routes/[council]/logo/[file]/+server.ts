import { loadFailed } from '$lib/server/failures';
import { logoIdOf, logoResponse } from '$lib/server/logo-response';
import type { RequestHandler } from './$types';

// The logo of a council's published branding. Its name is the hash of its bytes, so what is at
// this address never changes: it can be kept for good.
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const { id, extension } = logoIdOf(params.file);
  try {
    const logo = await locals.api.council.logo.query({ council: params.council, id });
    return logoResponse(logo, extension, 'public, max-age=31536000, immutable');
  } catch (cause) {
    loadFailed(cause, url);
  }
};
