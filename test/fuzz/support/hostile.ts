import fc from 'fast-check';

/**
 * Values an attacker (or a broken client) sends where a well-behaved one sends a slug, a number
 * or a short text: each one has broken some parser, database driver or template somewhere.
 */
const oddStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uD83D',
  '\uD83D\uDE00',
  '\u202Egnp.exe',
  '\uFEFF',
  '\u200B\u200D',
  'e\u0301\u0301\u0301',
  'İstanbul',
  'ß',
  'ǅ',
  '𝕏',
  '👩‍👩‍👧‍👦',
  '\r\nSet-Cookie: injected=1',
  '\t\n\v\f\r',
  '../../../../etc/passwd',
  '..\\..\\windows',
  '%',
  '%00',
  '%zz',
  '%C0%AF',
  '%ED%A0%80',
  '\\',
  '"',
  "'",
  "' OR '1'='1' --",
  '"; drop table posts; --',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}',
  '<%= 7*7 %>',
  '${7*7}',
  'javascript:alert(1)',
  '//evil.example/',
  'http://evil.example/',
  'data:text/html,<script>alert(1)</script>',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '-0',
  '0x1F',
  '0b101',
  '1_000',
  '9007199254740993',
  '99999999999999999999999',
  '-1',
  '2147483648',
  'true',
  'null',
  'undefined',
  '[object Object]',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '2026-02-30T25:61:61Z',
  '0000-00-00',
  '+275760-09-13T00:00:00.000Z',
  'Etc/GMT+99',
  'a@b',
  'a@b.c',
  '@example.com',
  'x@[127.0.0.1]',
  '"quoted"@example.com',
  `${'a'.repeat(64)}@${'b'.repeat(250)}.example`,
];

/** Long strings are made once; fast-check only picks among them. */
const longStrings = ['a'.repeat(201), 'x'.repeat(5_000), 'é'.repeat(70_000), '\u0000'.repeat(2_000), '🙂'.repeat(40_000), '%'.repeat(3_000), 'a-'.repeat(300), '<b>'.repeat(20_000)];

/** Text with any code point, lone surrogates and NUL included. */
export const oddText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\uD800', '\uDC00', '\u202E', '\u0301', 'a', '-', '/', '%', '.', ' '), maxLength: 24 }),
);

export const hostileString: fc.Arbitrary<string> = fc.oneof({ arbitrary: fc.constantFrom(...oddStrings), weight: 6 }, { arbitrary: oddText, weight: 3 }, { arbitrary: fc.constantFrom(...longStrings), weight: 1 });

/** An array nested `depth` deep around a value: stack-hungry parsers and validators fall over. */
function nested(depth: number, inner: unknown = 1): unknown {
  let value = inner;
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}

/** An object with an own property whose name is special to JavaScript (JSON.parse makes such keys). */
export function ownKey(key: string, value: unknown): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

const prototypeKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

export const prototypeKey: fc.Arbitrary<string> = fc.constantFrom(...prototypeKeys);

/** A JSON value of the wrong kind for almost any field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 6 },
  {
    arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, -0.0001, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, [], {}, [[]], [null], { '': '' }),
    weight: 4,
  },
  { arbitrary: fc.constantFrom(200, 3_000).map((depth) => nested(depth)), weight: 1 },
  { arbitrary: fc.tuple(prototypeKey, hostileString).map(([key, value]) => ownKey(key, { polluted: value })), weight: 1 },
  { arbitrary: fc.constant(ownKey('constructor', { prototype: { polluted: true } })), weight: 1 },
  { arbitrary: fc.array(hostileString, { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.array(fc.constant('x'), { minLength: 5_000, maxLength: 5_000 }), weight: 1 },
);

/** A small IPv4 address, different for (almost) every request, so per-address limits rarely stop the fuzzing. */
export const clientAddress: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 1, max: 250 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 })).map(([a, b, c]) => `10.${a}.${b}.${c}`);
