import { z } from 'zod';
import { isoDate, line, slugify, slugSchema, webUrl } from '../content/text.js';
import { creditRoles, pieceRoles, workTypes, type CreditRole, type PieceRole, type WorkType } from './work.types.js';

const workTypeSchema = z.enum(Object.keys(workTypes) as [WorkType, ...WorkType[]], {
  message: `must be one of ${Object.keys(workTypes).join(', ')}`,
});
const roleSchema = z.enum(Object.keys(creditRoles) as [CreditRole, ...CreditRole[]], {
  message: `must be one of ${Object.keys(creditRoles).join(', ')}`,
});

const pieceRoleSchema = z.enum(Object.keys(pieceRoles) as [PieceRole, ...PieceRole[]], {
  message: `must be one of ${Object.keys(pieceRoles).join(', ')}`,
});

/** A person a piece names (by slug when given, else by the slug of the name), and as what. */
export const namedPersonInput = z
  .object({
    name: line(200, 1),
    slug: slugSchema.optional(),
    role: pieceRoleSchema,
  })
  .strict();

/** The people a piece names: each person at most once in each role. */
export const namedPeopleInput = z
  .array(namedPersonInput)
  .max(20, 'at most 20 people')
  .superRefine((people, ctx) => {
    const seen = new Set<string>();
    people.forEach((p, i) => {
      const key = `${p.slug ?? slugify(p.name)} ${p.role}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: 'names this person in this role twice' });
      seen.add(key);
    });
  });

export const creditInput = z
  .object({
    name: line(200, 1),
    slug: slugSchema.optional(),
    role: roleSchema,
    character: line(200).optional(),
  })
  .strict();

export const workInput = z
  .object({
    type: workTypeSchema,
    title: line(300, 1),
    slug: slugSchema.optional(),
    year: z.number().int().min(1800).max(2200).optional(),
    organization: line(200).optional(),
    releaseDate: isoDate.optional(),
    runtimeMinutes: z.number().int().min(1).max(2000).optional(),
    availability: z
      .array(z.object({ label: line(100, 1), url: webUrl.optional() }).strict())
      .max(20)
      .default([]),
    credits: z.array(creditInput).max(200).default([]),
  })
  .strict();

/** A review points at an existing work by slug, or describes one (created or updated by slug). */
export const workReference = z.union([z.object({ slug: slugSchema }).strict(), workInput]);

export const reviewInput = z
  .object({
    work: workReference,
    rating: z
      .object({
        value: z.number().min(0).max(100),
        scale: z.number().int().min(1).max(100),
      })
      .strict()
      .refine((r) => r.value <= r.scale, { message: 'must not exceed the scale', path: ['value'] })
      .optional(),
    verdict: line(280).optional(),
  })
  .strict();

export type WorkInput = z.infer<typeof workInput>;
export type WorkReference = z.infer<typeof workReference>;
export type ReviewInput = z.infer<typeof reviewInput>;
export type CreditInput = z.infer<typeof creditInput>;
export type NamedPersonInput = z.infer<typeof namedPersonInput>;
