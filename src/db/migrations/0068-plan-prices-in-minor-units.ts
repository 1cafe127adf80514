import type { Kysely } from 'kysely';

// Plan prices were typed in the admin as "12.50", stored times 100 and shown divided by 100 for every
// currency, so a stored number meant hundredths of the main unit everywhere but at Stripe: a JPY plan
// typed and shown as ¥500 held 50000 and was charged ¥50,000; a BHD plan shown as 12.50 was charged
// 1.250. What editors typed and readers saw is taken as the price: each row moves to the currency's
// real minor unit (yen, fils), rounded to the nearest one. Two-decimal currencies are unchanged, and
// so are codes the platform does not know (checkout refuses those until an administrator fixes them).

const priceColumns = ['monthly_cents', 'yearly_cents', 'gift_cents'] as const;
type PriceColumn = (typeof priceColumns)[number];

function digitsOf(currency: string): number | null {
  if (!Intl.supportedValuesOf('currency').includes(currency.toUpperCase())) return null;
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

async function rescale(db: Kysely<any>, toMinor: boolean): Promise<void> {
  const plans = await db
    .selectFrom('plans')
    .select(['id', 'currency', ...priceColumns])
    .execute();
  for (const plan of plans) {
    const digits = digitsOf(String(plan.currency));
    if (digits === null || digits === 2) continue;
    const factor = 10 ** (toMinor ? digits - 2 : 2 - digits);
    const values: Partial<Record<PriceColumn, number | null>> = {};
    for (const column of priceColumns) {
      const value = plan[column] as number | null;
      values[column] = value === null ? null : Math.max(1, Math.round(Number(value) * factor));
    }
    await db.updateTable('plans').set(values).where('id', '=', plan.id).execute();
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await rescale(db, true);
}

export async function down(db: Kysely<any>): Promise<void> {
  await rescale(db, false);
}
