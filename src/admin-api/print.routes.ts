import { Readable } from 'node:stream';
import { z } from 'zod';
import { printIssueInput, type PrintService } from '../print/index.js';
import { authorize } from '../staff/index.js';
import type { EndpointRegistry } from './endpoint.js';
import { addressOut, countryCountsOut, idOf, numericId, printIssueOut } from './members.schemas.js';

const fulfilmentItemOut = addressOut.extend({ memberId: z.number(), quantity: z.number() });
const freezeReportOut = z.object({ copies: z.number(), subscribers: z.number(), withoutAddress: z.number() });

/** Print issues (editors and up): define them, freeze their fulfilment lists, export them. */
export function printRoutes(api: EndpointRegistry, print: PrintService): void {
  const issueId = (params: { id: string }) => idOf(params, 'PRINT_ISSUE_NOT_FOUND');

  api.add({
    method: 'GET',
    url: '/members/print-issues',
    summary: 'List print issues, latest on-sale date first',
    tag: 'print',
    access: 'staff',
    response: z.object({ issues: z.array(printIssueOut) }),
    handler: async ({ staff }) => {
      authorize(staff, { do: 'print.manage' });
      return { issues: await print.list() };
    },
  });

  api.add({
    method: 'POST',
    url: '/members/print-issues',
    summary: 'Define a print issue; its fulfilment list freezes by itself at the address cutoff',
    tag: 'print',
    access: 'staff',
    bodyDoc: printIssueInput,
    response: printIssueOut,
    status: 201,
    handler: async ({ staff, request }) => {
      authorize(staff, { do: 'print.manage' });
      return print.create(request.body ?? {});
    },
  });

  api.add({
    method: 'GET',
    url: '/members/print-issues/:id',
    summary: 'One print issue',
    tag: 'print',
    access: 'staff',
    params: numericId,
    response: printIssueOut,
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'print.manage' });
      return print.get(issueId(params));
    },
  });

  api.add({
    method: 'PUT',
    url: '/members/print-issues/:id',
    summary: "Replace a print issue's fields; once frozen, its cutoff cannot change",
    tag: 'print',
    access: 'staff',
    params: numericId,
    bodyDoc: printIssueInput,
    response: printIssueOut,
    handler: async ({ staff, params, request }) => {
      authorize(staff, { do: 'print.manage' });
      return print.update(issueId(params), request.body ?? {});
    },
  });

  api.add({
    method: 'DELETE',
    url: '/members/print-issues/:id',
    summary: 'Delete a print issue that is not frozen',
    tag: 'print',
    access: 'staff',
    params: numericId,
    response: null,
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'print.manage' });
      await print.remove(issueId(params));
    },
  });

  api.add({
    method: 'POST',
    url: '/members/print-issues/:id/freeze',
    summary: 'Freeze the fulfilment list now: the cutoff moves to this moment (409 PRINT_ISSUE_FROZEN when already frozen)',
    tag: 'print',
    access: 'staff',
    params: numericId,
    response: z.object({ issue: printIssueOut, report: freezeReportOut }),
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'print.manage' });
      return print.freezeNow(issueId(params));
    },
  });

  api.add({
    method: 'GET',
    url: '/members/print-issues/:id/fulfilment',
    summary: 'The frozen fulfilment list and copies per country (freezes it first when the cutoff has passed)',
    tag: 'print',
    access: 'staff',
    params: numericId,
    response: z.object({ issue: printIssueOut, items: z.array(fulfilmentItemOut), countries: countryCountsOut }),
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'print.manage' });
      return print.fulfilment(issueId(params));
    },
  });

  api.add({
    method: 'GET',
    url: '/members/print-issues/:id/countries',
    summary: 'Subscribers and copies per country of the frozen list',
    tag: 'print',
    access: 'staff',
    params: numericId,
    response: z.object({ issue: z.string(), countries: countryCountsOut }),
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'print.manage' });
      const { issue, countries } = await print.fulfilment(issueId(params));
      return { issue: issue.slug, countries };
    },
  });

  api.add({
    method: 'GET',
    url: '/members/print-issues/:id/fulfilment.csv',
    summary: 'The frozen fulfilment list as CSV in the layout mailing houses take',
    tag: 'print',
    access: 'staff',
    params: numericId,
    response: 'csv',
    handler: async ({ staff, params, reply }) => {
      authorize(staff, { do: 'print.manage' });
      const { issue, lines } = await print.csv(issueId(params));
      reply.header('content-disposition', `attachment; filename="fulfilment-${issue.slug}.csv"`);
      return Readable.from(lines);
    },
  });
}
