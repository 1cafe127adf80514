import type { Services } from '../../src/services.js';

let counter = 0;
const next = () => (counter += 1);

export async function makeAuthor(services: Services, overrides: Record<string, unknown> = {}) {
  const n = next();
  return services.taxonomy.createAuthor({ name: `Writer ${n}`, slug: `writer-${n}`, ...overrides });
}

export async function makeTag(services: Services, overrides: Record<string, unknown> = {}) {
  const n = next();
  return services.taxonomy.createTag({ name: `Section ${n}`, slug: `section-${n}`, isSection: true, ...overrides });
}

/** A post input with sensible defaults; pass author/tag slugs that exist. */
export function postFields(authors: string[], overrides: Record<string, unknown> = {}) {
  const n = next();
  return {
    title: `A piece of writing ${n}`,
    body: `First paragraph of piece ${n}.\n\nSecond paragraph with *emphasis*.`,
    authors,
    ...overrides,
  };
}

export function filmReview(authors: string[], overrides: Record<string, unknown> = {}) {
  return postFields(authors, {
    title: 'Past Lives review',
    format: 'review',
    review: {
      work: {
        type: 'movie',
        title: 'Past Lives',
        year: 2023,
        organization: 'A24',
        releaseDate: '2023-06-02',
        runtimeMinutes: 106,
        availability: [{ label: 'Streaming' }],
        credits: [
          { name: 'Celine Song', role: 'director' },
          { name: 'Celine Song', role: 'screenwriter' },
          { name: 'Greta Lee', role: 'cast', character: 'Nora' },
          { name: 'Teo Yoo', role: 'cast', character: 'Hae Sung' },
          { name: 'John Magaro', role: 'cast', character: 'Arthur' },
        ],
      },
      rating: { value: 4.5, scale: 5 },
      verdict: 'A quiet film about the lives we did not live.',
    },
    ...overrides,
  });
}
