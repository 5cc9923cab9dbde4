import { error } from '@sveltejs/kit';
import { pageFailure } from '$lib/server/api';
import { loadCouncilPage } from '$lib/server/council-page';
import { onlyApiFailures } from '$lib/server/failures';
import { matchesFilter, progressView, readStatusFilter } from '$lib/progress/view';
import type { PageServerLoad } from './$types';

// Published progress only, against the published pledge: the public never sees a draft.
export const load: PageServerLoad = async ({ params, locals, url }) => {
  const [council, published] = await Promise.all([
    loadCouncilPage(locals.api, params.council),
    locals.api.progress.published.query({ council: params.council }).catch((cause: unknown) => {
      onlyApiFailures(cause);
      const failure = pageFailure(cause);
      error(failure.status, failure.message);
    }),
  ]);
  const filter = readStatusFilter(url.searchParams.get('status'));
  const all = progressView(council.page.pledge, published.content, council.page.board?.cadence ?? null, new Date());
  return {
    ...council,
    filter,
    total: all.length,
    entries: all.filter((entry) => matchesFilter(entry, filter)),
    publishedAt: published.publishedAt,
  };
};
