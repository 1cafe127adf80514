/** An object written member by member: each member's value is made only when its turn comes. */
export class StreamedObject {
  constructor(readonly members: ReadonlyArray<readonly [string, () => JsonPart | Promise<JsonPart>]>) {}
}

/** What the writer takes: a streamed object, an async list (written item by item, each a plain value or a streamed object), or a plain JSON value. */
export type JsonPart = StreamedObject | AsyncIterable<unknown> | unknown;

/** Text is handed on in pieces of about this many characters, so a write is never tiny nor huge. */
const PIECE = 64 * 1024;

/**
 * Writes a JSON document as text, piece by piece, holding only one item of a list at a time. The
 * text is exactly what `JSON.stringify(value, null, 2)` gives for the same document, plus a newline.
 */
export async function* jsonText(part: JsonPart): AsyncGenerator<string> {
  let pending = '';
  for await (const text of pieces(part, '')) {
    pending += text;
    if (pending.length >= PIECE) {
      yield pending;
      pending = '';
    }
  }
  yield `${pending}\n`;
}

async function* pieces(part: JsonPart, indent: string): AsyncGenerator<string> {
  const inner = `${indent}  `;
  if (part instanceof StreamedObject) {
    let first = true;
    yield '{';
    for (const [key, make] of part.members) {
      yield `${first ? '' : ','}\n${inner}${JSON.stringify(key)}: `;
      yield* pieces(await make(), inner);
      first = false;
    }
    yield first ? '}' : `\n${indent}}`;
  } else if (isAsyncIterable(part)) {
    let first = true;
    yield '[';
    for await (const item of part) {
      yield `${first ? '' : ','}\n${inner}`;
      if (item instanceof StreamedObject) yield* pieces(item, inner);
      else yield pretty(item, inner);
      first = false;
    }
    yield first ? ']' : `\n${indent}]`;
  } else {
    yield pretty(part, indent);
  }
}

/** A value as JSON.stringify lays it out with two spaces, moved right to sit at `indent`. */
function pretty(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  return indent ? text.replaceAll('\n', `\n${indent}`) : text;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
