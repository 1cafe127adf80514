import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { embedHosts } from '../content/index.js';
import { lazySchemaCompilers } from './schema-compilers.js';

/** Stripe's hosted pages, where member checkout and billing forms lead. */
const paymentPages = ['https://checkout.stripe.com', 'https://billing.stripe.com'];

/** Powerful browser features the site never uses, refused for it and anything it frames. */
const permissionsPolicy = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The answer may be shown in the site's own frames (the admin's email previews). */
    framedBySite?: boolean;
  }
}

export interface SecurityHeaderOptions {
  /** PUBLIC_URL is https: browsers are told to keep to https (HSTS) and to upgrade http links. */
  https: boolean;
  /** CSP sources of the inline scripts pages may run (hashes of the theme's scripts). */
  inlineScripts: string[];
}

/**
 * Security headers on every answer, as @fastify/helmet makes them: a Content-Security-Policy that
 * runs only the site's own scripts (and the theme's inline ones, by hash), frames only the video
 * players the body sanitizer allows, sends forms only to the site and Stripe, and lets no other
 * site frame a page (routes with `config.framedBySite`: only the site itself); HSTS over https;
 * Referrer-Policy; and Permissions-Policy, which helmet does not set.
 */
export function installSecurityHeaders(app: FastifyInstance, headers: SecurityHeaders): void {
  installed.set(app, headers);
  app.addHook('onRequest', (request, reply, done) => {
    // Set on the raw answer as helmet does, so a route's own value for a header still wins.
    for (const [name, value] of request.routeOptions.config.framedBySite ? headers.framedBySite : headers.everywhere) reply.raw.setHeader(name, value);
    done();
  });
}

const installed = new WeakMap<FastifyInstance, SecurityHeaders>();

/**
 * The security headers for an answer made before any route or hook ran (a request Fastify refused
 * while reading its address): the strictest set, as for any page.
 */
export function setSecurityHeadersBeforeRouting(request: FastifyRequest, reply: FastifyReply): void {
  const headers = installed.get(request.server);
  if (!headers) return;
  for (const [name, value] of headers.everywhere) reply.raw.setHeader(name, value);
}

export interface SecurityHeaders {
  everywhere: ReadonlyArray<readonly [string, string]>;
  /** For routes with `config.framedBySite`. */
  framedBySite: ReadonlyArray<readonly [string, string]>;
}

/** The security headers of answers, made once at start. */
export async function securityHeaders(options: SecurityHeaderOptions): Promise<SecurityHeaders> {
  return {
    everywhere: await helmetHeaders(helmetOptions(options, "'none'")),
    framedBySite: await helmetHeaders(helmetOptions(options, "'self'")),
  };
}

function helmetOptions({ https, inlineScripts }: SecurityHeaderOptions, frameAncestors: string): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", ...inlineScripts],
        'script-src-attr': ["'none'"],
        // Themes inline their style sheet and colours; styles cannot run code.
        'style-src': ["'self'", "'unsafe-inline'"],
        // Bodies and feature images may show pictures from anywhere; the admin previews uploads as blobs.
        'img-src': ["'self'", 'data:', 'blob:', 'https:', ...(https ? [] : ['http:'])],
        'connect-src': ["'self'"],
        'frame-src': ["'self'", ...embedHosts.map((host) => `https://${host}`)],
        'form-action': ["'self'", ...paymentPages],
        'frame-ancestors': [frameAncestors],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    frameguard: { action: frameAncestors === "'none'" ? 'deny' : 'sameorigin' },
    hsts: https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: false } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Feeds, newsletters and other sites show the magazine's images.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  };
}

/**
 * The headers @fastify/helmet sets with these options, plus Permissions-Policy. The plugin builds
 * them anew on every request (17 µs each here, which halved the requests per second of cached
 * pages), so they are made once, by the plugin on a throwaway instance, and copied onto answers.
 */
async function helmetHeaders(options: FastifyHelmetOptions): Promise<Array<[string, string]>> {
  const probe = Fastify({ schemaController: { compilersFactory: lazySchemaCompilers() } });
  await probe.register(helmet, options);
  probe.get('/', async (_request, reply) => reply.raw.getHeaders());
  const headers = (await probe.inject('/')).json<Record<string, string>>();
  await probe.close();
  return [...Object.entries(headers), ['permissions-policy', permissionsPolicy]];
}
