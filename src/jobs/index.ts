export { JobQueue } from './job.queue.js';
export { JobRunner } from './job.runner.js';
export type { JobHandler, JobContext } from './job.runner.js';
