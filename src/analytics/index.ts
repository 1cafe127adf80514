export { ViewCounter, FLUSH_INTERVAL_MS, MAX_WAITING_VIEWS } from './view.counter.js';
export type { PageView } from './view.counter.js';
export { DashboardService } from './dashboard.service.js';
export type { Dashboard } from './dashboard.service.js';
