import type { Handle, HandleServerError } from '@sveltejs/kit';
// Read at start-up, so a bad PORT or API_URL stops the server at once, not on a first request.
import '$lib/server/env';

// Not 'no-referrer': under it browsers send `Origin: null` with form posts, and SvelteKit's
// CSRF check then refuses the feedback form. 'same-origin' still tells other sites nothing.
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
} as const;

export const handle: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    response.headers.set(name, value);
  }
  return response;
};

// Readers see a plain apology; the detail goes to the log only.
export const handleError: HandleServerError = ({ error, event, status, message }) => {
  if (status !== 404) console.error(`${event.request.method} ${event.url.pathname}:`, error);
  return { message: status === 404 ? message : 'Something went wrong on our side. Please try again later.' };
};
