import { Readable } from 'node:stream';
import Parser, { type JsonToken } from 'stream-json/Parser.js';

/** A place in a JSON document: member names and array positions from the top. */
export type JsonPath = ReadonlyArray<string | number>;

/**
 * What the reader says as it goes: a container it walks into opens and closes; anything else
 * arrives whole, once read to its end.
 */
export type JsonEvent = { kind: 'open'; path: JsonPath; type: 'object' | 'array' } | { kind: 'close'; path: JsonPath } | { kind: 'value'; path: JsonPath; value: unknown };

export interface JsonReadLimits {
  /** The deepest nesting taken, counted from the top of the document. */
  maxDepth: number;
  /** The longest string, member name or number, in characters. */
  maxString: number;
  /** The largest value delivered whole, in characters of its strings, names and numbers. */
  maxValue: number;
}

/** The file is not JSON, ends early, or holds something over a limit; `path` says where. */
export class JsonReadError extends Error {
  constructor(
    readonly reason: string,
    readonly path: JsonPath,
  ) {
    super(path.length > 0 ? `${path.join('.')}: ${reason}` : reason);
  }
}

type Container = Record<string, unknown> | unknown[];

/** A container being built inside a value read whole. */
interface Building {
  container: Container;
  key: string | null;
}

/** A container walked into: its members are told one by one. */
interface Walking {
  type: 'object' | 'array';
  path: JsonPath;
  key: string | null;
  index: number;
}

/**
 * Reads one JSON document from bytes as they come, with memory bounded by the largest value
 * delivered whole: `walk(path)` names the objects and arrays to walk into (the document itself,
 * the long lists); everything else is built and handed over whole. Objects are built as
 * JSON.parse builds them (a member named `__proto__` is a plain member).
 */
export async function* readJson(input: Readable, walk: (path: JsonPath) => boolean, limits: JsonReadLimits): AsyncGenerator<JsonEvent> {
  const parser = new Parser({ packKeys: false, packStrings: false, packNumbers: false });
  const source = Readable.from(withoutByteOrderMark(input));
  source.once('error', (error) => parser.destroy(error));
  source.pipe(parser);

  const walking: Walking[] = [];
  const building: Building[] = [];
  let buildingPath: JsonPath = [];
  let buildingSize = 0;
  let text: string[] = [];
  let textLength = 0;
  let finished = false;

  const here = (): JsonPath => {
    const top = walking.at(-1);
    if (!top) return [];
    return [...top.path, top.type === 'array' ? top.index : (top.key ?? '')];
  };
  const depth = () => walking.length + building.length;

  /** A complete value at the current place: into the value being built, or told. */
  const place = (value: unknown): JsonEvent | undefined => {
    const parent = building.at(-1);
    if (parent) {
      if (Array.isArray(parent.container)) parent.container.push(value);
      else Object.defineProperty(parent.container, parent.key!, { value, enumerable: true, writable: true, configurable: true });
      return undefined;
    }
    const event: JsonEvent = { kind: 'value', path: walking.length > 0 ? here() : [], value };
    advance();
    return event;
  };
  /** The walked container moves on to its next member. */
  const advance = () => {
    const top = walking.at(-1);
    if (!top) finished = true;
    else if (top.type === 'array') top.index += 1;
    else top.key = null;
  };
  const open = (type: 'object' | 'array'): JsonEvent | undefined => {
    if (depth() >= limits.maxDepth) throw new JsonReadError(`is nested deeper than ${limits.maxDepth} levels`, building.length > 0 ? buildingPath : here());
    if (building.length === 0) {
      const path = here();
      if (walk(path)) {
        walking.push({ type, path, key: null, index: 0 });
        return { kind: 'open', path, type };
      }
      buildingPath = path;
      buildingSize = 0;
    }
    building.push({ container: type === 'array' ? [] : {}, key: null });
    return undefined;
  };
  const close = (): JsonEvent | undefined => {
    const done = building.pop();
    if (done) return place(done.container);
    const top = walking.pop()!;
    advance();
    return { kind: 'close', path: top.path };
  };
  const grow = (length: number) => {
    textLength += length;
    if (textLength > limits.maxString) {
      throw new JsonReadError(`holds a string longer than ${limits.maxString.toLocaleString('en')} characters`, building.length > 0 ? buildingPath : here());
    }
    if (building.length > 0 && (buildingSize += length) > limits.maxValue) {
      throw new JsonReadError(`is larger than ${limits.maxValue.toLocaleString('en')} characters`, buildingPath);
    }
  };
  const takeText = (): string => {
    // One piece is a slice of the text the parser read, which would keep that whole chunk of the
    // file in memory for as long as the value is kept: it is copied. Joined pieces are a new string.
    const value = text.length === 1 ? copyOf(text[0]!) : text.join('');
    text = [];
    textLength = 0;
    return value;
  };

  try {
    for await (const token of parser as AsyncIterable<JsonToken>) {
      let event: JsonEvent | undefined;
      switch (token.name) {
        case 'startObject':
          event = open('object');
          break;
        case 'startArray':
          event = open('array');
          break;
        case 'endObject':
        case 'endArray':
          event = close();
          break;
        case 'stringChunk':
        case 'numberChunk':
          grow(token.value!.length);
          text.push(token.value!);
          break;
        case 'endKey': {
          const key = takeText();
          const parent = building.at(-1);
          if (parent) parent.key = key;
          else walking.at(-1)!.key = key;
          break;
        }
        case 'endString':
          event = place(takeText());
          break;
        case 'endNumber':
          event = place(Number(takeText()));
          break;
        case 'nullValue':
          event = place(null);
          break;
        case 'trueValue':
          event = place(true);
          break;
        case 'falseValue':
          event = place(false);
          break;
      }
      if (event) yield event;
    }
  } catch (error) {
    if (error instanceof JsonReadError) throw error;
    const reason = (error as Error).message.replace(/^Parser (cannot parse input|has expected)/i, (m) => (m.startsWith('Parser has') ? 'expected' : 'cannot read'));
    throw new JsonReadError(`is not valid JSON (${reason.slice(0, 160)})`, building.length > 0 ? buildingPath : here());
  } finally {
    // Read to the end or given up: nothing more is read from the file.
    source.unpipe(parser);
    parser.destroy();
    source.destroy();
    input.destroy();
  }
  if (!finished) throw new JsonReadError('is not valid JSON (it ends before the document does)', []);
}

/** A string of its own with the same characters: V8 makes a flat copy to slice a joined string. */
function copyOf(slice: string): string {
  return ` ${slice}`.slice(1);
}

/** The bytes without the byte order mark some editors put first. */
async function* withoutByteOrderMark(input: Readable): AsyncGenerator<Buffer> {
  let first = true;
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    if (first && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) yield bytes.subarray(3);
    else yield bytes;
    first = false;
  }
}
