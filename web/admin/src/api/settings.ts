import { queryOptions } from '@tanstack/react-query';
import { answer, api, request } from './client';
import { knownZone } from '../zoned-time';
import type { SiteSettings } from './types';

/** The site's settings (every staff member may read them: the editor needs the time zone). */
export const siteSettings = queryOptions({
  queryKey: ['settings'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/settings', { signal })).then((r) => r.settings),
});
/**
 * The site's IANA time zone: scheduled times are entered and shown on its clock, labelled with its
 * name. A zone this browser does not know is taken as UTC, and so labelled.
 */
export const siteZone = queryOptions({ ...siteSettings, select: (settings: SiteSettings) => (knownZone(settings.timezone) ? settings.timezone : 'UTC') });
export const updateSettings = (patch: Partial<SiteSettings>) => request<{ settings: SiteSettings }>('PATCH', '/settings', patch).then((r) => r.settings);
