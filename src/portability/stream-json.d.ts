// The part of stream-json's tokenizer the import reads with (the package ships no types).
declare module 'stream-json/Parser.js' {
  import type { Transform, TransformOptions } from 'node:stream';

  export interface JsonToken {
    name: string;
    value?: string;
  }

  export interface ParserOptions extends TransformOptions {
    packKeys?: boolean;
    packStrings?: boolean;
    packNumbers?: boolean;
    streamKeys?: boolean;
    streamStrings?: boolean;
    streamNumbers?: boolean;
  }

  export default class Parser extends Transform {
    constructor(options?: ParserOptions);
  }
}
