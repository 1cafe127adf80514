import { useQuery } from '@tanstack/react-query';
import { siteZone } from '../api/settings';
import { formatInZone } from '../zoned-time';

/** An instant on the site's clock, with the zone named; empty until the site's zone is known. */
export function SiteTime({ at }: { at: string }) {
  const zone = useQuery(siteZone).data;
  return <time dateTime={at}>{zone ? formatInZone(at, zone) : ''}</time>;
}
