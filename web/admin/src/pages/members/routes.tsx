import type { ReactNode } from 'react';
import './members.css';
import { match } from '../../router';
import { MemberDetailPage } from './member-detail';
import { MembersPage } from './members';
import { OfferReportPage, OffersPage } from './offers';
import { TipsPage } from './tips';
import { PlansPage } from './plans';
import { PrintIssuePage } from './print-issue';
import { PrintIssuesPage } from './print-issues';

/** Navigation entries of memberships and print (editors and up, as the server's policy says). */
export const memberNavItems = [
  { to: '/members', label: 'Members', min: 'editor' },
  { to: '/plans', label: 'Plans', min: 'editor' },
  { to: '/offers', label: 'Offers', min: 'editor' },
  { to: '/tips', label: 'Tips', min: 'editor' },
  { to: '/print', label: 'Print issues', min: 'editor' },
] as const;

/** The memberships screen at this path, or null when the path is not one of them. */
export function memberScreen(path: string): ReactNode {
  let params: Record<string, string> | null;
  if (path === '/members') return <MembersPage />;
  if ((params = match('/members/:id', path)) && /^\d+$/.test(params.id ?? '')) return <MemberDetailPage key={path} id={Number(params.id)} />;
  if (path === '/plans') return <PlansPage />;
  if (path === '/offers') return <OffersPage />;
  if ((params = match('/offers/:id', path)) && /^\d+$/.test(params.id ?? '')) return <OfferReportPage key={path} id={Number(params.id)} />;
  if (path === '/tips') return <TipsPage />;
  if (path === '/print') return <PrintIssuesPage />;
  if ((params = match('/print/:id', path))) return <PrintIssuePage key={path} id={params.id ?? 'new'} />;
  return null;
}
