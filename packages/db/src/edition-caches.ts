import { progressCacheSize } from './progress-cache.js';
import { publishedCacheSize } from './published-cache.js';

/** How full the process's caches of published editions are, in bytes, for the health report. */
export const editionCacheSizes = () => ({ editions: publishedCacheSize(), progressEditions: progressCacheSize() });
