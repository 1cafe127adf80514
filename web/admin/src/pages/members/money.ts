/** Prices travel in minor units (pence, cents); people type and read them in major units. */
export function formatMoney(cents: number | null, currency: string): string {
  if (cents === null) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}

/** "12.50" → 1250; empty → null. Anything unreadable is sent as NaN for the server to name. */
export function toCents(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^\d+(\.\d{1,2})?$/.test(trimmed) ? Math.round(Number(trimmed) * 100) : Number.NaN;
}

export function fromCents(cents: number | null): string {
  return cents === null ? '' : (cents / 100).toFixed(2);
}
