/**
 * Paragraphs for text written in WordPress's classic editor, which stores line breaks rather than
 * paragraphs and adds them when the page is shown: a blank line starts a new paragraph, a single
 * line break becomes <br>, and nothing changes around or inside block-level elements, nor inside
 * <pre>, <script> or <style>.
 */
const BLOCK =
  '(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)';
const OPEN_BLOCK = new RegExp(`(<${BLOCK}[\\s/>])`, 'gi');
const CLOSE_BLOCK = new RegExp(`(</${BLOCK}>)`, 'gi');
const P_BEFORE_BLOCK = new RegExp(`<p>\\s*(</?${BLOCK}[^>]*>)`, 'gi');
const P_AFTER_BLOCK = new RegExp(`(</?${BLOCK}[^>]*>)\\s*</p>`, 'gi');
const BR_AFTER_BLOCK = new RegExp(`(</?${BLOCK}[^>]*>)\\s*<br />`, 'gi');
const BR_BEFORE_CLOSE = /<br \/>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol|figure|figcaption|blockquote)[^>]*>)/gi;
/** Elements kept exactly as written (their line breaks mean what they say). */
const VERBATIM = /<(pre|script|style|textarea|svg)[\s>][\s\S]*?<\/\1>/gi;

export function autop(source: string): string {
  if (source.trim() === '') return '';
  const kept: string[] = [];
  let text = `${source.replace(/\r\n?/g, '\n')}\n`
    .replace(VERBATIM, (whole) => `\uE000${kept.push(whole) - 1}\uE001`)
    .replace(/<br\s*\/?>\s*<br\s*\/?>/gi, '\n\n')
    .replace(OPEN_BLOCK, '\n\n$1')
    .replace(CLOSE_BLOCK, '$1\n\n')
    .replace(/<hr\s*\/?>/gi, '<hr />\n\n');
  // A verbatim element stands as a block of its own.
  text = text.replace(/(\uE000\d+\uE001)/g, '\n\n$1\n\n').replace(/\n\s*\n/g, '\n\n');

  text = text
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => `<p>${chunk}</p>\n`)
    .join('');

  text = text
    .replace(/<p>\s*<\/p>/g, '')
    .replace(/<p>([^<]+)<\/(div|address|form)>/gi, '<p>$1</p></$2>')
    .replace(/<p>(<li[\s\S]+?)<\/p>/gi, '$1')
    .replace(/<p><blockquote([^>]*)>/gi, '<blockquote$1><p>')
    .replace(/<\/blockquote><\/p>/gi, '</p></blockquote>')
    .replace(P_BEFORE_BLOCK, '$1')
    .replace(P_AFTER_BLOCK, '$1')
    .replace(/<p>\s*(\uE000\d+\uE001)\s*<\/p>/g, '$1')
    .replace(/(?<!<br \/>)\s*\n(?!$)/g, '<br />\n')
    .replace(BR_AFTER_BLOCK, '$1')
    .replace(/(\uE000\d+\uE001)\s*<br \/>/g, '$1')
    .replace(BR_BEFORE_CLOSE, '$1')
    .replace(/\n<\/p>$/g, '</p>');

  return text.replace(/\uE000(\d+)\uE001/g, (_, n: string) => kept[Number(n)]!).trim();
}
