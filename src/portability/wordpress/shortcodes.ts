/** A WordPress shortcode as written in a post: `[name a="1" b]content[/name]`. */
export interface Shortcode {
  name: string;
  /** Named attributes, names lower-cased. */
  attrs: Record<string, string>;
  /** Values given without a name (`[audio https://…]`). */
  values: string[];
  /** What stands between the opening and closing tags; null for a shortcode without one. */
  content: string | null;
}

const ATTRIBUTE = /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|'([^']*)'|(\S+)/g;
// Attributes stop at the next bracket and are bounded, so reading any body takes linear time.
const OPENING = /\[(\[?)([a-zA-Z][\w-]*)(?=[\s\]/=])((?:=[^\]\[\s]{1,2000})?(?:\s[^\]\[]{0,4000}?)?)(\/)?\](\]?)/g;
const CLOSER = /\[\/([a-zA-Z][\w-]*)\]/g;

/** Positions of a name's openings or closers, in order; the first at or after a place is found by halving. */
class Positions {
  private readonly byName = new Map<string, number[]>();

  add(name: string, at: number): void {
    const list = this.byName.get(name);
    if (list) list.push(at);
    else this.byName.set(name, [at]);
  }

  firstFrom(name: string, from: number): number | undefined {
    const list = this.byName.get(name);
    if (!list) return undefined;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (list[mid]! < from) low = mid + 1;
      else high = mid;
    }
    return list[low];
  }
}

/**
 * Replaces shortcodes through a handler; the handler answers the replacement text, or undefined
 * to leave the shortcode as written. A shortcode encloses content when its closer comes before
 * the next opening of the same name. `[[name]]` is WordPress's way of writing a shortcode as
 * text and becomes `[name]`.
 */
export function replaceShortcodes(text: string, handler: (shortcode: Shortcode) => string | undefined): string {
  if (!text.includes('[')) return text;
  const openings = [...text.matchAll(OPENING)];
  const openingsAt = new Positions();
  const closersAt = new Positions();
  for (const m of openings) openingsAt.add(m[2]!.toLowerCase(), m.index);
  for (const m of text.matchAll(CLOSER)) closersAt.add(m[1]!.toLowerCase(), m.index);
  let out = '';
  let at = 0;
  for (const match of openings) {
    if (match.index < at) continue;
    const [whole, escapeOpen, rawName, rawAttrs = '', selfClosing, escapeClose] = match;
    const name = rawName!.toLowerCase();
    const start = match.index;
    // A second closing bracket belongs to the shortcode only when it was opened with two.
    let end = start + whole.length - (escapeClose && !escapeOpen ? 1 : 0);
    let content: string | null = null;
    if (!selfClosing) {
      const closer = closersAt.firstFrom(name, end);
      const nextOpening = openingsAt.firstFrom(name, end);
      if (closer !== undefined && (nextOpening === undefined || closer < nextOpening)) {
        content = text.slice(end, closer);
        end = closer + name.length + 3;
        if (escapeOpen && text[end] === ']') end += 1;
      }
    }
    out += text.slice(at, start);
    at = end;
    if (escapeOpen && (escapeClose || text[end - 1] === ']')) {
      out += text.slice(start + 1, end - 1);
      continue;
    }
    const replacement = handler({ name, ...parseAttributes(rawAttrs), content });
    out += replacement ?? text.slice(start, end);
  }
  return out + text.slice(at);
}

function parseAttributes(raw: string): { attrs: Record<string, string>; values: string[] } {
  const attrs: Record<string, string> = {};
  const values: string[] = [];
  // Jetpack's `[youtube=https://…]` form: the value follows the name directly.
  const direct = /^=(\S+)/.exec(raw);
  if (direct) values.push(direct[1]!);
  const rest = direct ? raw.slice(direct[0].length) : raw;
  for (const m of rest.replace(/\s*\/$/, '').matchAll(ATTRIBUTE)) {
    const name = m[1] ?? m[3] ?? m[5];
    if (name !== undefined) attrs[name.toLowerCase()] = m[2] ?? m[4] ?? m[6] ?? '';
    else values.push(m[7] ?? m[8] ?? m[9] ?? '');
  }
  return { attrs, values };
}
