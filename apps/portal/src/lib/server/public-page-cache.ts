import { deployment } from './env';
import { createPublicPages } from './public-pages';

/** The portal's one store of public pages, as large as PAGE_CACHE_BYTES allows. */
export const publicPages = createPublicPages(deployment.pageCacheBytes);

/** How full it is, for logs and health reports. */
export const publicPageCacheSize = () => publicPages.size();
