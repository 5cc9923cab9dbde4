import { youSaidWeDidEntries } from '@pledgekeeper/domain/progress';
import { loadReportSources } from '$lib/report/sources.server';
import type { PageServerLoad } from './$types';

// Published entries only, newest first.
export const load: PageServerLoad = async ({ params, locals }) => {
  const { page, brand, targets, published } = await loadReportSources(locals.api, params.council);
  return { brand, council: page.council, entries: youSaidWeDidEntries(published.content, targets) };
};
