import fc from 'fast-check';
import type { Expect } from './harness.js';
import type { Known } from './fuzz-app.js';
import { clientAddress, hostileString, hostileValue, prototypeKey } from './hostile.js';
import { formBody, noiseCookie, noiseHeaders, queryString, segment, type Body, type Method, type Shot } from './requests.js';

/** A group of public addresses fuzzed together, and what their answers must look like. */
export interface Family {
  name: string;
  expect: Expect;
  /** Requests to them, using the names and secrets of the seeded magazine. */
  shots(known: Known): fc.Arbitrary<Shot>;
}

const slugLike = fc.stringMatching(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const number = fc.oneof(fc.integer({ min: -3, max: 200_000 }).map(String), fc.constantFrom('1', '2', '01', '1.5', '1e3', '0x2', ' 2', '9007199254740993'));
const text = fc.oneof(fc.string({ maxLength: 30 }), hostileString);
const value = fc.oneof(text, hostileValue);

/** Builds shots from a path, a query string and maybe a body, with noise in the headers. */
function shots(methods: Method[], path: fc.Arbitrary<string>, query: fc.Arbitrary<string>, body: fc.Arbitrary<Body | undefined> = fc.constant(undefined)) {
  return fc
    .record({
      method: fc.oneof({ arbitrary: fc.constantFrom(...methods), weight: 9 }, { arbitrary: fc.constantFrom<Method>('GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS'), weight: 1 }),
      path,
      query: fc.oneof({ arbitrary: query, weight: 3 }, { arbitrary: fc.constant(''), weight: 1 }),
      body,
      noise: fc.option(noiseHeaders, { freq: 3, nil: {} }),
      cookie: fc.option(noiseCookie, { freq: 5, nil: undefined }),
      remoteAddress: clientAddress,
    })
    .map(({ method, path: p, query: q, body: b, noise, cookie, remoteAddress }) => ({
      method,
      url: `${p}${q}`,
      headers: { ...noise, ...b?.headers, ...(cookie ? { cookie } : {}) },
      ...(b?.payload === undefined || method === 'GET' || method === 'HEAD' ? {} : { payload: b.payload }),
      remoteAddress,
    }));
}

const oneOf = (...paths: string[]) => fc.constantFrom(...paths);

const page = segment(number);
/** Names only Object.prototype knows, where the code looks a name from the address up in a table. */
const prototypePaths = fc.tuple(oneOf('/sitemap-', '/', '/tag/', '/author/', '/people/', '/works/', '/api/content/'), prototypeKey).map(([base, name]) => (base === '/sitemap-' ? `${base}${name}` : `${base}${name}/`));
const slug = (known: Known) => segment(fc.oneof(fc.constantFrom(...known.postSlugs, ...known.tagSlugs, ...known.authorSlugs), slugLike));
const token = (known: Known) =>
  fc.oneof(
    fc.constantFrom(...known.subscriberTokens),
    text,
    fc.constantFrom(...known.subscriberTokens).map((t) => `${t}x`),
  );
const address = (prefix: string) =>
  Object.fromEntries(['name', 'line1', 'line2', 'city', 'region', 'postcode', 'country'].map((k) => [`${prefix}_${k}`, fc.oneof(fc.constantFrom('GB', 'us', 'Ada', '1 High St', 'SW1A 1AA'), text)]));

/** Every public address, in groups. */
export const publicFamilies: Family[] = [
  {
    name: 'site pages, archives and feeds',
    expect: 'page',
    shots: (known) =>
      shots(
        ['GET', 'HEAD'],
        fc.oneof(
          oneOf(
            '/',
            '/rss/',
            '/robots.txt',
            '/sitemap.xml',
            '/sitemap-pages.xml',
            '/sitemap-tags.xml',
            '/sitemap-authors.xml',
            '/sitemap-works.xml',
            '/sitemap-people.xml',
            '/sitemap-posts-1.xml',
            '/reviews/',
            '/essays/',
            '/healthz',
          ),
          fc.tuple(oneOf('/', '/tag/', '/author/', '/people/', '/works/'), slug(known), oneOf('/', '', '/rss/', '/page/')).map((parts) => parts.join('')),
          fc.tuple(oneOf('/page/', '/reviews/page/', '/tag/section-1/page/'), page).map(([base, n]) => `${base}${n}/`),
          fc.tuple(oneOf('/sitemap-', '/sitemap-posts-'), segment(text)).map((parts) => parts.join('')),
          fc.tuple(oneOf('/media/', '/admin/assets/', '/admin/', '/'), segment(text), oneOf('', '/', '.xml', '.json', '/..%2f..%2fpackage.json')).map((parts) => parts.join('')),
          oneOf('//', '/./', '/..', '/%2e%2e/', '/admin', '/media/../../etc/passwd', '/media/%2e%2e%2fsecret', '/?', '/#x'),
          { arbitrary: prototypePaths, weight: 2 },
        ),
        queryString({ utm_source: text, page: number, q: text }),
      ),
  },
  {
    name: 'search page and search.json',
    expect: 'page',
    shots: () =>
      shots(
        ['GET'],
        oneOf('/search', '/search/', '/search.json'),
        queryString({
          q: fc.oneof(text, fc.constantFrom('"', 'a OR b', 'NEAR(', '*', '-', 'title:x', '^', 'AND', '"unterminated')),
          page: number,
          section: slugLike,
          format: fc.constantFrom('review', 'x'),
          author: slugLike,
          from: text,
          to: text,
        }),
      ),
  },
  {
    name: 'newsletter signup, confirmation, preferences, unsubscribing and erasure',
    expect: 'page',
    shots: (known) =>
      shots(
        ['GET', 'POST'],
        oneOf('/newsletter/subscribe', '/newsletter/check-your-inbox/', '/newsletter/confirm/', '/newsletter/preferences/', '/newsletter/unsubscribe/', '/newsletter/erase/'),
        queryString({ token: token(known) }),
        fc.oneof(
          formBody({ email: fc.oneof(fc.emailAddress(), text), name: text, newsletters: fc.oneof(slugLike, fc.array(slugLike), value), company: text, token: token(known), 'List-Unsubscribe': fc.constant('One-Click') }),
          // The RFC 8058 one-click unsubscribe, as mail providers send it.
          fc.constant<Body>({ headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n' }),
        ),
      ),
  },
  {
    name: 'newsletter click and open addresses',
    expect: 'page',
    shots: () =>
      shots(
        ['GET'],
        fc
          .tuple(
            oneOf('/newsletter/click/', '/newsletter/open/'),
            segment(
              fc.oneof(
                fc.tuple(number, number, number, fc.stringMatching(/^[A-Za-z0-9_-]{22}$/)).map((parts) => parts.join('.')),
                text,
              ),
            ),
          )
          .map(([base, token]) => `${base}${token}`),
        fc.constant(''),
      ),
  },
  {
    name: 'member sign-in, checkout and account forms',
    expect: 'page',
    shots: (known) =>
      shots(
        ['GET', 'POST'],
        fc.oneof(
          oneOf(
            '/members/',
            '/members/print/',
            '/members/print',
            '/members/welcome/',
            '/members/signin/',
            '/members/signin',
            '/members/signin/verify/',
            '/members/signout',
            '/members/checkout',
            '/members/address',
            '/members/billing',
            '/members/data.json',
            '/members/erase/',
            '/members/erase',
          ),
          fc.tuple(segment(fc.oneof(fc.integer({ min: 1, max: 5 }).map(String), number)), oneOf('cancel', 'resume')).map(([id, action]) => `/members/subscriptions/${id}/${action}`),
        ),
        queryString({
          token: text,
          saved: fc.oneof(prototypeKey, fc.constantFrom('address', 'cancel', 'resume')),
          next: fc.oneof(fc.constantFrom('/', '/members/', '//evil.example', '/\\evil.example', 'https://evil.example/', '/%2F%2Fevil.example', '/\t/evil.example'), text),
          sent: text,
        }),
        formBody({
          email: fc.oneof(fc.emailAddress(), text),
          next: text,
          plan: fc.oneof(fc.constantFrom(...known.planSlugs), text),
          billing: fc.oneof(fc.constantFrom('month', 'year', 'gift'), text),
          gift_email: fc.emailAddress(),
          gift_name: text,
          gift_message: text,
          ...address('address'),
          ...address('gift_address'),
          address: value,
          gift: value,
        }),
      ),
  },
  {
    name: 'the Content API',
    expect: 'json',
    shots: (known) =>
      shots(
        ['GET', 'HEAD', 'OPTIONS'],
        fc
          .tuple(
            oneOf('/api/content/posts', '/api/content/pages', '/api/content/tags', '/api/content/authors', '/api/content/works', '/api/content/people', '/api/content/settings'),
            fc.oneof(
              oneOf('', '/', '/slug/'),
              fc.tuple(oneOf('/', '/slug/'), slug(known), oneOf('', '/')).map((parts) => parts.join('')),
              page.map((n) => `/${n}/`),
            ),
          )
          .map(([base, rest]) => `${base}${rest}`),
        queryString({
          key: fc.oneof({ arbitrary: fc.constant(known.contentKey), weight: 6 }, { arbitrary: text, weight: 1 }),
          page: number,
          limit: number,
          tag: slugLike,
          author: slugLike,
          format: fc.constantFrom('review', 'essay', 'x'),
          featured: fc.constantFrom('true', 'false', 'yes'),
          section: fc.constantFrom('true', 'x'),
          type: fc.constantFrom('movie', 'book', 'x'),
          filter: text,
          fields: text,
          include: text,
        }),
      ),
  },
  {
    name: "Ghost's Content API",
    expect: 'ghost',
    shots: (known) =>
      shots(
        ['GET', 'HEAD', 'OPTIONS'],
        fc
          .tuple(
            oneOf('/ghost/api/content/posts', '/ghost/api/content/pages', '/ghost/api/content/tags', '/ghost/api/content/authors', '/ghost/api/content/tiers', '/ghost/api/content/settings'),
            fc.oneof(
              oneOf('', '/'),
              fc.tuple(oneOf('/', '/slug/'), slug(known), oneOf('', '/')).map((parts) => parts.join('')),
              page.map((n) => `/${n}/`),
            ),
          )
          .map(([base, rest]) => `${base}${rest}`),
        queryString({
          key: fc.oneof({ arbitrary: fc.constant(known.contentKey), weight: 6 }, { arbitrary: text, weight: 1 }),
          page: number,
          limit: fc.oneof(number, fc.constant('all')),
          filter: fc.oneof(
            text,
            fc.constantFrom(
              'tag:film',
              'tag:-film',
              'featured:true+tag:[a,b]',
              "published_at:>'2020-01-01'",
              "title:~'x'",
              '(tag:a,author:b)+-featured:true',
              'primary_tag:film',
              'tags.slug:film',
              'count.posts:>1',
              'id:>0',
              'slug:[',
              "published_at:<'not a date'",
            ),
          ),
          fields: fc.oneof(text, fc.constantFrom('title,url', 'id,slug,html', 'nonexistent')),
          include: fc.oneof(text, fc.constantFrom('tags,authors', 'count.posts', 'nothing')),
          formats: fc.oneof(text, fc.constantFrom('html,plaintext', 'mobiledoc')),
          order: fc.oneof(text, fc.constantFrom('published_at desc', 'title asc', 'nope sideways')),
        }),
      ),
  },
];
