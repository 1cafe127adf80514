import { z } from 'zod';
import { line } from '../content/text.js';
import { AppError, type FieldError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';

/** A shipping address as mailing houses need it, normalised for its country. */
export interface Address {
  name: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postcode: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
}

interface CountryRule {
  /** Accepted regions (states, provinces) when the country requires one; upper-case codes. */
  regions?: readonly string[];
  regionLabel?: string;
  postcode: RegExp;
  postcodeExample: string;
  normalisePostcode(value: string): string;
}

const upperCompact = (value: string) => value.toUpperCase().replace(/\s+/g, '');

const rules: Record<string, CountryRule> = {
  US: {
    regions: [
      'AL',
      'AK',
      'AZ',
      'AR',
      'CA',
      'CO',
      'CT',
      'DE',
      'DC',
      'FL',
      'GA',
      'HI',
      'ID',
      'IL',
      'IN',
      'IA',
      'KS',
      'KY',
      'LA',
      'ME',
      'MD',
      'MA',
      'MI',
      'MN',
      'MS',
      'MO',
      'MT',
      'NE',
      'NV',
      'NH',
      'NJ',
      'NM',
      'NY',
      'NC',
      'ND',
      'OH',
      'OK',
      'OR',
      'PA',
      'RI',
      'SC',
      'SD',
      'TN',
      'TX',
      'UT',
      'VT',
      'VA',
      'WA',
      'WV',
      'WI',
      'WY',
      'AS',
      'GU',
      'MP',
      'PR',
      'VI',
      'AA',
      'AE',
      'AP',
    ],
    regionLabel: 'a two-letter state code such as NY',
    postcode: /^\d{5}(-\d{4})?$/,
    postcodeExample: '10001 or 10001-1234',
    normalisePostcode: (v) => v.replace(/\s+/g, ''),
  },
  GB: {
    postcode: /^(GIR 0AA|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})$/,
    postcodeExample: 'SW1A 1AA',
    normalisePostcode: (v) => {
      const compact = upperCompact(v);
      return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
    },
  },
  CA: {
    regions: ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'],
    regionLabel: 'a two-letter province code such as ON',
    postcode: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d$/,
    postcodeExample: 'K1A 0B1',
    normalisePostcode: (v) => {
      const compact = upperCompact(v);
      return compact.length === 6 ? `${compact.slice(0, 3)} ${compact.slice(3)}` : compact;
    },
  },
  DE: { postcode: /^\d{5}$/, postcodeExample: '10115', normalisePostcode: (v) => v.replace(/\s+/g, '') },
  FR: { postcode: /^\d{5}$/, postcodeExample: '75001', normalisePostcode: (v) => v.replace(/\s+/g, '') },
  AU: {
    regions: ['ACT', 'NSW', 'NT', 'QLD', 'SA', 'TAS', 'VIC', 'WA'],
    regionLabel: 'a state or territory code such as NSW',
    postcode: /^\d{4}$/,
    postcodeExample: '2000',
    normalisePostcode: (v) => v.replace(/\s+/g, ''),
  },
};

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** Codes Intl names that are not countries one can post to. */
const notCountries = new Set(['ZZ', 'EU', 'EZ', 'UN', 'QO', 'XA', 'XB']);

function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || notCountries.has(code)) return false;
  try {
    return regionNames.of(code) !== code;
  } catch {
    return false;
  }
}

/** An address as stored, already normalised: the shape answers and export documents carry. */
export const storedAddress = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string(),
  city: z.string(),
  region: z.string(),
  postcode: z.string(),
  country: z.string(),
});

export const addressInput = z
  .object({
    name: line(120, 1),
    line1: line(120, 1),
    line2: line(120).default(''),
    city: line(80, 1),
    region: line(80).default(''),
    postcode: line(20).default(''),
    country: z.string().trim().toUpperCase().refine(isCountryCode, 'must be a two-letter country code such as GB'),
  })
  .strict();

/** Checks an address against its country's rules and returns it normalised; field-level errors otherwise. */
export function validateAddress(input: unknown): Address {
  const parsed = parseInput(addressInput, input);
  const rule = rules[parsed.country];
  if (!rule) return { ...parsed, region: parsed.region, postcode: parsed.postcode.toUpperCase() };
  const errors: FieldError[] = [];
  const postcode = rule.normalisePostcode(parsed.postcode);
  if (postcode === '') errors.push({ field: 'postcode', message: 'is required' });
  else if (!rule.postcode.test(postcode)) errors.push({ field: 'postcode', message: `is not a valid postcode for ${parsed.country} (like ${rule.postcodeExample})` });
  let region = parsed.region;
  if (rule.regions) {
    region = region.toUpperCase();
    if (region === '') errors.push({ field: 'region', message: 'is required' });
    else if (!rule.regions.includes(region)) errors.push({ field: 'region', message: `must be ${rule.regionLabel}` });
  }
  if (errors.length) throw AppError.validation(errors);
  return { ...parsed, region, postcode };
}

/** Whether a stored address has everything a mailing house needs (rules can tighten over time). */
export function isCompleteAddress(address: unknown): address is Address {
  try {
    validateAddress(address);
    return true;
  } catch {
    return false;
  }
}
