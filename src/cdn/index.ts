export { CdnPurgeService, CDN_PURGE_JOB } from './cdn-purge.service.js';
export { purgeAdapter } from './purge-adapters.js';
export { cdnKeyHeaders, setCdnKeys, CONTENT_API_KEY, MEDIA_KEY } from './cdn-keys.js';
