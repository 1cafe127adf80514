/**
 * The messages of an mbox file (each starts with a `From ` line at the start of the file or
 * after a blank line; `>From ` lines inside are unescaped, as mboxrd writes them). Anything
 * else is one message. Works on bytes (latin1 round-trips them), so encodings are untouched.
 */
export function splitMessages(content: Buffer): Buffer[] {
  const text = content.toString('latin1');
  if (!text.startsWith('From ')) return [content];
  const messages: string[] = [];
  let current: string[] | undefined;
  let previousBlank = true;
  for (const line of text.split(/(?<=\n)/)) {
    if (line.startsWith('From ') && previousBlank) {
      if (current) messages.push(current.join(''));
      current = [];
    } else {
      current!.push(line.replace(/^>(>*From )/, '$1'));
    }
    previousBlank = line === '\n' || line === '\r\n';
  }
  if (current) messages.push(current.join(''));
  return messages.filter((m) => m.trim() !== '').map((m) => Buffer.from(m, 'latin1'));
}
