import { queryOptions } from '@tanstack/react-query';
import { answer, api, request } from './client';
import type { SiteSettings } from './types';

/** The site's settings (every staff member may read them: the editor needs the time zone). */
export const siteSettings = queryOptions({
  queryKey: ['settings'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/settings', { signal })).then((r) => r.settings),
});
/** The site's IANA time zone: scheduled times are entered and shown on its clock. */
export const siteZone = queryOptions({ ...siteSettings, select: (settings: SiteSettings) => settings.timezone });
export const updateSettings = (patch: Partial<SiteSettings>) =>
  request<{ settings: SiteSettings }>('PATCH', '/settings', patch).then((r) => r.settings);
