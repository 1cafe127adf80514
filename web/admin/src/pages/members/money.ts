import type { Plan } from '../../api/members';

/**
 * Prices travel in the currency's minor units (yen, cents, fils); the server says how many digits the
 * currency has, and reads typed amounts ("500", "12.50") itself, so parsing follows one rule.
 */
export function formatMoney(minor: number | null, plan: Pick<Plan, 'currency' | 'currencyDigits'>): string {
  if (minor === null) return '—';
  const digits = plan.currencyDigits;
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: plan.currency.toUpperCase(), minimumFractionDigits: digits, maximumFractionDigits: digits }).format(minor / 10 ** digits);
  } catch {
    return `${priceText(minor, digits)} ${plan.currency.toUpperCase()}`;
  }
}

/** The amount as an editor types it: 50000 yen → "50000", 1250 cents → "12.50". */
export function priceText(minor: number | null, digits: number): string {
  return minor === null ? '' : (minor / 10 ** digits).toFixed(digits);
}
