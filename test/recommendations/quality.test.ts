import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoContent } from '../../src/demo/index.js';
import { dialects, manualClock, testServices, type TestContext } from '../support/stores.js';
import { relatedLabels } from './labels.js';

/** Measured on the demo magazine when the method was last changed (see README, "Recommendations"). */
const MEASURED_PRECISION_AT_4 = 0.618;
const MARGIN = 0.03;

describe.each(dialects)('quality of "You may also like" on the demo magazine (%s)', (dialect) => {
  let t: TestContext;

  beforeAll(async () => {
    t = await testServices(dialect, { clock: manualClock().clock });
    await loadDemoContent(t.services);
  }, 120_000);
  afterAll(async () => t.close());

  it('keeps precision@4 against the labelled set from regressing', async () => {
    expect(Object.keys(relatedLabels).length).toBeGreaterThanOrEqual(12);
    let sum = 0;
    for (const [slug, related] of Object.entries(relatedLabels)) {
      const post = await t.services.posts.getBySlug(slug);
      const shown = await t.services.recommendations.related(post.id, 4);
      expect(shown.map((p) => p.id)).not.toContain(post.id);
      sum += shown.filter((p) => related.includes(p.slug)).length / 4;
    }
    expect(sum / Object.keys(relatedLabels).length).toBeGreaterThanOrEqual(MEASURED_PRECISION_AT_4 - MARGIN);
  });
});
