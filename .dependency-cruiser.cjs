/**
 * The layering of ARCHITECTURE.md and STYLE.md, checked by `npm run check:layers`.
 *
 * HTTP layers: the public site (with its reader pages), the admin API and app routes, the content
 * API, the Ghost APIs, the Stripe webhook endpoint and shared HTTP plumbing. Entry points (app.ts,
 * services.ts, server.ts, the CLI) wire everything. Every other folder under src/ is a domain or the
 * store under it, and knows nothing of HTTP.
 */
const http = '^src/(site|admin-api|admin-app|content-api|ghost-api|http)/|^src/webhooks/stripe[.]routes[.]ts$';
const entryPoints = '^src/(app|services|server)[.]ts$|^src/cli/';

/**
 * Known exceptions, each named. Import-time code never runs in a circle through them: each cycle
 * passes through at least one `import type`, which the compiler erases (checked by `no-runtime-circular`).
 * - The importers take the whole `Services` type instead of the few services each uses.
 * - The demo magazine is built from the whole `Services` type.
 * - `smtp-pool.ts` sends the `RawMessage` type that `mailer.ts` defines.
 * - The site's page builders and the theme and listing memo they use refer to each other's types.
 */
const takesAllServices = ['^src/portability/', '^src/demo/index[.]ts$'];
const knownCycles = ['^src/services[.]ts$', '^src/portability/', '^src/email/(mailer|smtp-pool)[.]ts$', '^src/site/(page|theme|listing-memo)[.]ts$'];

module.exports = {
  forbidden: [
    {
      name: 'domain-imports-http',
      comment: 'Domain code never imports the HTTP layers or the site rendering: they call it, not the other way.',
      severity: 'error',
      from: { path: '^src/', pathNot: [http, entryPoints] },
      to: { path: http },
    },
    {
      name: 'domain-imports-fastify',
      comment: 'Domain code never imports the web framework, its plugins or its request and reply types.',
      severity: 'error',
      from: { path: '^src/', pathNot: [http, entryPoints] },
      to: { path: '(^|/)node_modules/(fastify|@fastify/|fastify-)' },
    },
    {
      name: 'domain-imports-entry-point',
      comment: 'Only the entry points wire services; nothing below them imports app.ts, services.ts or the CLI.',
      severity: 'error',
      from: { path: '^src/', pathNot: [entryPoints, '^src/(site|admin-api|content-api|ghost-api)/', ...takesAllServices] },
      to: { path: entryPoints },
    },
    {
      name: 'migration-imports-app-code',
      comment: 'Migrations stay right as the app changes: they import kysely and each other, never app code.',
      severity: 'error',
      from: { path: '^src/db/migrations/' },
      to: { path: '^src/', pathNot: '^src/db/migrations/' },
    },
    {
      name: 'admin-app-imports-server',
      comment: 'The admin app takes the API types from the OpenAPI document (src/api/schema.d.ts), never from server source.',
      severity: 'error',
      from: { path: '^web/admin/' },
      to: { path: '^(src|test|bench|scripts)/' },
    },
    {
      name: 'server-imports-admin-app',
      comment: 'Server code serves the built admin app as files; it never imports its source.',
      severity: 'error',
      from: { path: '^(src|bench|scripts)/' },
      to: { path: '^web/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles: they make load order matter and hide which side owns what. Only the known ones above remain.',
      severity: 'error',
      from: {},
      to: { circular: true, via: { pathNot: knownCycles.join('|') } },
    },
    {
      name: 'no-runtime-circular',
      comment: 'Not even among the known ones may a cycle be made of imports that run.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves to a file or an installed package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/|^web/admin/src/api/schema[.]d[.]ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
