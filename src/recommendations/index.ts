export { RecommendationService, REFRESH_JOB, REBUILD_JOB, STORED_PER_POST } from './recommendation.service.js';
export { weights } from './recommendation.score.js';
