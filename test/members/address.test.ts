import { describe, expect, it } from 'vitest';
import { validateAddress } from '../../src/members/index.js';

const base = { name: 'Ada Obi', line1: '1 High Street', city: 'Town' };

function fieldsOf(input: object): string[] {
  try {
    validateAddress(input);
    return [];
  } catch (error) {
    return (error as { fields: { field: string }[] }).fields.map((f) => f.field);
  }
}

describe('shipping addresses', () => {
  it('normalises postcodes the way each country writes them', () => {
    expect(validateAddress({ ...base, postcode: 'sw1a1aa', country: 'gb' })).toMatchObject({ postcode: 'SW1A 1AA', country: 'GB' });
    expect(validateAddress({ ...base, postcode: ' ec1a  1bb ', country: 'GB' }).postcode).toBe('EC1A 1BB');
    expect(validateAddress({ ...base, postcode: 'k1a0b1', region: 'on', country: 'CA' })).toMatchObject({ postcode: 'K1A 0B1', region: 'ON' });
    expect(validateAddress({ ...base, postcode: '10001-1234', region: 'ny', country: 'US' })).toMatchObject({ postcode: '10001-1234', region: 'NY' });
    expect(validateAddress({ ...base, postcode: '10115', country: 'DE' }).postcode).toBe('10115');
    expect(validateAddress({ ...base, postcode: '75001', country: 'FR' }).postcode).toBe('75001');
    expect(validateAddress({ ...base, postcode: '2000', region: 'nsw', country: 'AU' })).toMatchObject({ postcode: '2000', region: 'NSW' });
  });

  it('rejects postcodes that do not fit the country, naming the field', () => {
    expect(fieldsOf({ ...base, postcode: '12345', country: 'GB' })).toEqual(['postcode']);
    expect(fieldsOf({ ...base, postcode: '1234', region: 'NY', country: 'US' })).toEqual(['postcode']);
    expect(fieldsOf({ ...base, postcode: 'D1A 0B1', region: 'ON', country: 'CA' })).toEqual(['postcode']);
    expect(fieldsOf({ ...base, postcode: '1011', country: 'DE' })).toEqual(['postcode']);
    expect(fieldsOf({ ...base, postcode: '7500A', country: 'FR' })).toEqual(['postcode']);
    expect(fieldsOf({ ...base, postcode: '20000', region: 'NSW', country: 'AU' })).toEqual(['postcode']);
  });

  it('requires the fields each country needs', () => {
    expect(fieldsOf({ ...base, postcode: '10001', country: 'US' })).toEqual(['region']);
    expect(fieldsOf({ ...base, postcode: '10001', region: 'XX', country: 'US' })).toEqual(['region']);
    expect(fieldsOf({ ...base, country: 'AU', region: 'NSW' })).toEqual(['postcode']);
    expect(fieldsOf({ name: '', line1: '', city: '', country: 'GB', postcode: 'SW1A 1AA' }).sort()).toEqual(['city', 'line1', 'name']);
  });

  it('accepts other real countries with free-form postcodes and refuses made-up country codes', () => {
    expect(validateAddress({ ...base, postcode: '100-0001', country: 'jp' })).toMatchObject({ country: 'JP', postcode: '100-0001' });
    expect(fieldsOf({ ...base, country: 'ZZ' })).toEqual(['country']);
    expect(fieldsOf({ ...base, country: 'England' })).toEqual(['country']);
  });

  it('refuses hostile input: control characters, line breaks, unknown fields, overlong values', () => {
    expect(fieldsOf({ ...base, name: 'Ada\u0000', postcode: 'SW1A 1AA', country: 'GB' })).toEqual(['name']);
    expect(fieldsOf({ ...base, line1: 'a\nb', postcode: 'SW1A 1AA', country: 'GB' })).toEqual(['line1']);
    expect(fieldsOf({ ...base, postcode: 'SW1A 1AA', country: 'GB', admin: true })).toEqual(['(input)']);
    expect(fieldsOf({ ...base, city: 'x'.repeat(500), postcode: 'SW1A 1AA', country: 'GB' })).toEqual(['city']);
    expect(fieldsOf({ ...base, postcode: { $ne: 1 }, country: 'GB' })).toEqual(['postcode']);
  });
});
