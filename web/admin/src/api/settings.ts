import { request } from './client';
import type { SiteSettings } from './types';

export const getSettings = () => request<{ settings: SiteSettings }>('GET', '/settings').then((r) => r.settings);
export const updateSettings = (patch: Partial<SiteSettings>) =>
  request<{ settings: SiteSettings }>('PATCH', '/settings', patch).then((r) => r.settings);
