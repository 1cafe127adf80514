/**
 * Why an SVG cannot be accepted, or undefined when it is plain drawing. SVGs are served as they
 * are, so anything that could run code or fetch from elsewhere is refused rather than cleaned.
 */
export function svgProblem(text: string): string | undefined {
  if (/<script[\s>]/i.test(text)) return 'contains a <script> element';
  if (/\son[a-z]+\s*=/i.test(text)) return 'contains an event handler attribute (on…=)';
  if (/<foreignObject[\s>]/i.test(text)) return 'contains a <foreignObject> element';
  if (/<!ENTITY/i.test(text)) return 'declares XML entities';
  if (/javascript:/i.test(text)) return 'contains a javascript: link';
  if (/(?:xlink:)?href\s*=\s*["']\s*(?!#)/i.test(text)) return 'links to an external resource (only #fragment links are allowed)';
  if (/url\(\s*["']?\s*(?!#)/i.test(text)) return 'refers to an external resource in url(…)';
  if (/@import/i.test(text)) return 'imports an external style sheet';
  return undefined;
}
