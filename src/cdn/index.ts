export { CdnPurgeService, CDN_PURGE_JOB } from './cdn-purge.service.js';
export { purgeAdapter, type PurgeAdapter } from './purge-adapters.js';
export { setCdnKeys, CONTENT_API_KEY, MEDIA_KEY, type HeaderTarget } from './cdn-keys.js';
