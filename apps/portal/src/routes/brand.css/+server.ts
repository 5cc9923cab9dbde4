import { error } from '@sveltejs/kit';
import { brandColour } from '@pledgekeeper/domain/rules';
import type { RequestHandler } from './$types';

// One rule: the header's colour. Only colours that pass the contrast check are served, so a
// crafted address cannot make any page unreadable.
export const GET: RequestHandler = ({ url }) => {
  const parsed = brandColour.safeParse(`#${url.searchParams.get('colour') ?? ''}`);
  if (!parsed.success) error(404, 'No such colour');
  return new Response(`:root{--brand:${parsed.data}}\n`, {
    headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=31536000, immutable' },
  });
};
