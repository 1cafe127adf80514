import { z } from 'zod';
import { offerBillings, offerDurations, offerInput, offerStates, type OfferService } from '../members/index.js';
import { authorize } from '../staff/index.js';
import type { EndpointRegistry } from './endpoint.js';
import { idOf, numericId, planOut } from './members.schemas.js';

const offerOut = z.object({
  id: z.number(),
  code: z.string().describe('Its landing page is /members/offers/:code/'),
  name: z.string(),
  plan: planOut,
  billing: z.enum(offerBillings),
  percentOff: z.number().nullable(),
  amountOff: z.number().nullable().describe("In the plan currency's minor units"),
  duration: z.enum(offerDurations),
  durationMonths: z.number().nullable(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  maxRedemptions: z.number().nullable(),
  promotionCode: z.string().nullable().describe('A code readers may type on the plans page (in capitals); a promotion code on the coupon in Stripe'),
  stripeCouponId: z.string().nullable(),
  stripePromotionCodeId: z.string().nullable(),
  endedAt: z.string().nullable(),
  createdAt: z.string(),
  state: z.enum(offerStates),
  redemptions: z.number().describe('Checkouts completed through the offer'),
  revenue: z.number().describe("Charged at those checkouts, in the plan currency's minor units"),
  regularPrice: z.number(),
  discountedPrice: z.number().describe('The first period with the discount'),
});

const reportOut = z.object({
  offer: offerOut,
  members: z.array(z.object({ memberId: z.number(), email: z.string(), name: z.string(), amountPaid: z.number().nullable(), redeemedAt: z.string() })),
});

/** Offers on paid plans: editors and administrators list, create, end and report on them. */
export function adminOfferRoutes(api: EndpointRegistry, offers: OfferService): void {
  api.add({
    method: 'GET',
    url: '/members/offers',
    summary: 'List offers, newest first, with their state, redemptions and revenue',
    tag: 'members',
    access: 'staff',
    response: z.object({ offers: z.array(offerOut) }),
    handler: async ({ staff }) => {
      authorize(staff, { do: 'offers.manage' });
      return { offers: await offers.list() };
    },
  });

  api.add({
    method: 'POST',
    url: '/members/offers',
    summary: 'Create an offer on a paid plan (percent or amount off, once, repeating or forever) and its Stripe coupon',
    tag: 'members',
    access: 'staff',
    bodyDoc: offerInput,
    response: offerOut,
    status: 201,
    handler: async ({ staff, request }) => {
      authorize(staff, { do: 'offers.manage' });
      return offers.create(request.body ?? {});
    },
  });

  api.add({
    method: 'GET',
    url: '/members/offers/:id',
    summary: 'One offer with the members who came through it and what each paid at checkout',
    tag: 'members',
    access: 'staff',
    params: numericId,
    response: reportOut,
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'offers.manage' });
      return offers.report(idOf(params, 'OFFER_NOT_FOUND'));
    },
  });

  api.add({
    method: 'POST',
    url: '/members/offers/:id/end',
    summary: 'End an offer at once: its page says it has ended and no checkout can use it (its Stripe promotion code is deactivated and its coupon deleted)',
    tag: 'members',
    access: 'staff',
    params: numericId,
    response: offerOut,
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'offers.manage' });
      return offers.end(idOf(params, 'OFFER_NOT_FOUND'));
    },
  });
}
