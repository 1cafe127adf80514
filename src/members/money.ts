import { AppError } from '../errors/app-error.js';

/**
 * Money: ISO 4217 currencies (lower-case codes, as Stripe takes them) and amounts in each currency's
 * minor unit as the platform's ICU data defines it: yen for JPY, cents for EUR, fils (1/1000) for BHD.
 * Stripe counts some currencies differently; `stripeAmount` converts at that boundary only.
 */

const currencies = new Set(Intl.supportedValuesOf('currency').map((code) => code.toLowerCase()));

/** Stripe's zero-decimal currencies (docs.stripe.com/currencies#zero-decimal). */
const stripeZeroDecimal = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);
/** Stripe's three-decimal currencies; their amounts must end in 0 (docs.stripe.com/currencies#three-decimal). */
const stripeThreeDecimal = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);
/** The largest unit_amount Stripe takes (eight digits). */
const stripeMaxAmount = 99_999_999;

export function isCurrency(code: string): boolean {
  return currencies.has(code.toLowerCase());
}

/** Digits after the decimal point: 0 for JPY, 2 for EUR, 3 for BHD. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

function stripeDigits(currency: string): number {
  const code = currency.toLowerCase();
  return stripeZeroDecimal.has(code) ? 0 : stripeThreeDecimal.has(code) ? 3 : 2;
}

/**
 * The amount Stripe expects for `minor` units. Stripe keeps ISK, HUF and IDR as two-decimal
 * currencies (an ISK amount of 100 is one króna), so whole-unit currencies are scaled up there.
 */
export function stripeAmount(minor: number, currency: string): number {
  const shift = stripeDigits(currency) - currencyDigits(currency);
  return shift >= 0 ? minor * 10 ** shift : minor / 10 ** -shift;
}

/** An amount Stripe reports (e.g. a session's amount_total) in the currency's minor units. */
export function fromStripeAmount(amount: number, currency: string): number {
  return Math.round(amount / stripeAmount(1, currency));
}

/** Why Stripe could not charge this amount, or null when it can. */
function unchargeable(minor: number, currency: string): string | null {
  const amount = stripeAmount(minor, currency);
  if (!Number.isInteger(amount)) return `${currency.toUpperCase()} is charged in whole units only`;
  if (stripeThreeDecimal.has(currency.toLowerCase()) && amount % 10 !== 0) return `${currency.toUpperCase()} is charged in steps of 0.010`;
  if (amount > stripeMaxAmount) return 'is more than a payment can be';
  return null;
}

/** The currency as stored (lower case); an unknown code is refused. */
export function currencyCode(input: string, field = 'currency'): string {
  const code = input.trim().toLowerCase();
  if (!isCurrency(code)) throw new AppError('CURRENCY_UNKNOWN', `${input} is not an ISO 4217 currency code`, [{ field, message: 'is not an ISO 4217 currency code' }]);
  return code;
}

/**
 * A price in minor units from what an editor typed: a whole number of minor units (a JSON number),
 * or a decimal in the main unit ("500", "12.50", "12,50"). More decimals than the currency has, or
 * an amount Stripe cannot charge, is refused with PRICE_TOO_PRECISE.
 */
export function priceIn(input: number | string, currency: string, field: string): number {
  const tooPrecise = (message: string) => new AppError('PRICE_TOO_PRECISE', `${field}: ${message}`, [{ field, message }]);
  let minor: number;
  if (typeof input === 'number') {
    minor = input;
  } else {
    const match = /^\s*(\d{1,12})(?:[.,](\d+))?\s*$/.exec(input);
    if (!match) throw AppError.validation([{ field, message: 'must be an amount such as 12.50' }]);
    const digits = currencyDigits(currency);
    const fraction = match[2] ?? '';
    if (fraction.replace(/0+$/, '').length > digits) {
      throw tooPrecise(digits === 0 ? `${currency.toUpperCase()} has no decimals` : `${currency.toUpperCase()} has ${digits} decimals at most`);
    }
    minor = Number(match[1]) * 10 ** digits + Number(fraction.slice(0, digits).padEnd(digits, '0') || '0');
  }
  if (minor < 1) throw AppError.validation([{ field, message: 'must be more than zero' }]);
  const problem = unchargeable(minor, currency);
  if (problem) throw tooPrecise(problem);
  return minor;
}

/** An amount for readers, in the site's locale: "¥500", "12,50 €", "BHD 1.250". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** currencyDigits(currency));
}
