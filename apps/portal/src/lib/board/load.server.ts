import { error } from '@sveltejs/kit';
import { boardView } from '@pledgekeeper/domain/progress';
import { type Api, pageFailure } from '$lib/server/api';
import { loadCouncilPage } from '$lib/server/council-page';
import { onlyApiFailures } from '$lib/server/failures';

/**
 * A council's page and its published progress as the board reads them: meetings, the action log
 * and the scorecard, against the published pledge. The public never sees a draft.
 */
export async function loadBoard(api: Api, council: string, now = new Date()) {
  const [page, published] = await Promise.all([
    loadCouncilPage(api, council),
    api.progress.published.query({ council }).catch((cause: unknown) => {
      onlyApiFailures(cause);
      const failure = pageFailure(cause);
      error(failure.status, failure.message);
    }),
  ]);
  return {
    ...page,
    view: boardView(page.page.pledge, published.content, page.page.board?.cadence ?? null, now),
    /** False until the council publishes any progress: the page says so rather than show empty lists. */
    published: published.version !== null,
    publishedAt: published.publishedAt,
  };
}
