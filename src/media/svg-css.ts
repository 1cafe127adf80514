/**
 * Checks the CSS of an uploaded SVG (its <style> sheets, style and presentation attributes) for
 * anything that could fetch from elsewhere or hide what it does. Names are compared by an allowlist,
 * so a new fetching feature of CSS is refused until it is added here on purpose.
 */

/** Colours, maths, transforms, timing, filters and selectors; url() only to a #fragment of the same file. */
const allowedFunctions = new Set([
  'url',
  'rgb',
  'rgba',
  'hsl',
  'hsla',
  'hwb',
  'lab',
  'lch',
  'oklab',
  'oklch',
  'color',
  'color-mix',
  'calc',
  'min',
  'max',
  'clamp',
  'var',
  'matrix',
  'matrix3d',
  'translate',
  'translatex',
  'translatey',
  'translatez',
  'translate3d',
  'scale',
  'scalex',
  'scaley',
  'scalez',
  'scale3d',
  'rotate',
  'rotatex',
  'rotatey',
  'rotatez',
  'rotate3d',
  'skew',
  'skewx',
  'skewy',
  'perspective',
  'cubic-bezier',
  'steps',
  'blur',
  'brightness',
  'contrast',
  'drop-shadow',
  'grayscale',
  'hue-rotate',
  'invert',
  'opacity',
  'saturate',
  'sepia',
  'not',
  'is',
  'where',
  'nth-child',
  'nth-last-child',
  'nth-of-type',
  'nth-last-of-type',
  'lang',
  'dir',
]);

const allowedAtRules = new Set(['media', 'keyframes', '-webkit-keyframes']);

/** Why the CSS cannot be kept, or undefined when it only styles. */
export function cssProblem(css: string): string | undefined {
  if (css.includes('\\')) return 'uses escapes (\\) in its styles';
  const text = withoutComments(css);
  for (const [, name = ''] of text.matchAll(/@([-\w]*)/g)) {
    const rule = name.toLowerCase();
    if (rule === 'import') return 'imports an external style sheet';
    if (!allowedAtRules.has(rule)) return `uses the style rule @${name}`;
  }
  const fragment = /\s*["']?#/y;
  for (const call of text.matchAll(/(?<![-\w])([-\w]+)\(/g)) {
    const name = call[1]!.toLowerCase();
    if (!allowedFunctions.has(name)) return `uses the style function ${name}()`;
    fragment.lastIndex = call.index + call[0].length;
    if (name === 'url' && !fragment.test(text)) return 'refers to something outside the file in url(…) (only url(#fragment) is allowed)';
  }
  return undefined;
}

/**
 * The CSS with each comment turned into a space, as a browser reads it: an unclosed comment runs
 * to the end, and quotes (which end at the same quote or a line break) may hold "/*" that opens none.
 */
function withoutComments(css: string): string {
  const parts: string[] = [];
  let start = 0;
  let at = 0;
  while (at < css.length) {
    const char = css[at]!;
    if (char === '/' && css[at + 1] === '*') {
      parts.push(css.slice(start, at), ' ');
      const close = css.indexOf('*/', at + 2);
      at = start = close < 0 ? css.length : close + 2;
    } else if (char === '"' || char === "'") {
      at += 1;
      while (at < css.length && css[at] !== char && !'\n\r\f'.includes(css[at]!)) at += 1;
      at += 1;
    } else {
      at += 1;
    }
  }
  parts.push(css.slice(start));
  return parts.join('');
}
