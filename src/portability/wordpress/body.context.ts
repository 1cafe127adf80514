import type { BodyContext } from './body.types.js';
import type { ExportIndex } from './scan.js';
import type { WxrItem } from './wxr.types.js';

/** What converting one item's body needs; where images and links now lead is given by the caller. */
export function bodyContext(item: WxrItem, index: ExportIndex, where: Pick<BodyContext, 'image' | 'link'>): BodyContext {
  return {
    postId: item.id,
    ...where,
    attachment: (id) => index.attachments.get(id),
    attachmentsOf: (postId) => index.attachmentsByParent.get(postId) ?? [],
    reusable: (id) => index.reusable.get(id),
    footnotes: footnotesOf(item),
  };
}

function footnotesOf(item: WxrItem): BodyContext['footnotes'] {
  const raw = item.meta.find((m) => m.key === 'footnotes')?.value;
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((n): n is { id: string; content: string } => typeof n?.id === 'string' && typeof n?.content === 'string') : [];
  } catch {
    return [];
  }
}
