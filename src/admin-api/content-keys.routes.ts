import { z } from 'zod';
import { authorize, contentKeyInput, type ContentKeyService } from '../staff/index.js';
import type { EndpointRegistry } from './endpoint.js';
import { idParams } from './schemas.js';

const contentKeyOut = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  createdBy: z.number(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** Content API keys: read-only keys for front ends and integrations, managed by administrators. */
export function contentKeyRoutes(api: EndpointRegistry, contentKeys: ContentKeyService): void {
  api.add({
    method: 'GET',
    url: '/content-keys',
    summary: 'List Content API keys (never their secrets)',
    tag: 'integrations',
    access: 'staff',
    response: z.object({ contentKeys: z.array(contentKeyOut) }),
    handler: async ({ staff }) => {
      authorize(staff, { do: 'apiKeys.manage' });
      return { contentKeys: await contentKeys.list() };
    },
  });

  api.add({
    method: 'POST',
    url: '/content-keys',
    summary: 'Create a Content API key; the secret is in this answer only',
    tag: 'integrations',
    access: 'staff',
    body: contentKeyInput,
    response: z.object({ contentKey: contentKeyOut, secret: z.string() }),
    status: 201,
    handler: async ({ staff, body }) => {
      authorize(staff, { do: 'apiKeys.manage' });
      const { key, secret } = await contentKeys.create(body, staff.id);
      return { contentKey: key, secret };
    },
  });

  api.add({
    method: 'DELETE',
    url: '/content-keys/:id',
    summary: 'Revoke a Content API key; it stops working at once',
    tag: 'integrations',
    access: 'staff',
    params: idParams,
    response: z.object({ contentKey: contentKeyOut }),
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'apiKeys.manage' });
      return { contentKey: await contentKeys.revoke(params.id) };
    },
  });
}
