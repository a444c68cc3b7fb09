// bytes → text (SPEC §1): BOM first, else strict UTF-8, else GB18030 (a superset
// of GBK and GB2312). Scraped archives mix all three, so detection is per input.
import { createRequire } from 'node:module';
import { isUtf8 } from 'node:buffer';
import type { Encoding } from '../schema/nodes.js';
import { BaogaoError } from '../schema/errors.js';
import { utf8Text } from './utf8.js';

export interface Decoded {
  text: string;
  encoding: Encoding;
}


type Iconv = { decode(buffer: Buffer, encoding: string): string };
let iconvModule: Iconv | null = null;
/** iconv-lite, loaded on the first GBK or UTF-16 input (most archives are UTF-8). */
function iconv(): Iconv {
  iconvModule ??= createRequire(import.meta.url)('iconv-lite') as Iconv;
  return iconvModule;
}

/** Share of control bytes (other than tab, LF, CR, FF, ESC) above which input is binary, not text. */
const maxControlShare = 0.1;

export function decode(input: Uint8Array | string, forced?: Encoding, path: string | null = null): Decoded {
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    return checkText({ text, encoding: 'utf-8' }, path);
  }
  if (input.length === 0) throw new BaogaoError('empty', 'the input is empty (0 bytes)', path);
  if (forced) return checkText({ text: decodeAs(input, forced), encoding: forced }, path);

  const bom = sniffBom(input);
  if (bom) return checkText({ text: decodeAs(input.subarray(bom.length), bom.encoding), encoding: bom.encoding }, path);
  if (looksBinary(input)) throw new BaogaoError('binary', 'the input looks binary (NUL or control bytes), not text', path);
  // node:buffer's isUtf8 validates natively; utf8Text then decodes without checking.
  const buffer = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (isUtf8(buffer)) return checkText({ text: utf8Text(buffer), encoding: 'utf-8' }, path);
  {
    const text = iconv().decode(Buffer.from(input.buffer, input.byteOffset, input.byteLength), 'gb18030');
    // GB18030 maps almost every byte sequence; many U+FFFD means it was neither encoding.
    if (replacementShare(text) > 0.05) {
      throw new BaogaoError('undecodable', 'the bytes are neither UTF-8 nor GB18030; pass { encoding } if you know it', path);
    }
    return checkText({ text, encoding: 'gb18030' }, path);
  }
}

function sniffBom(b: Uint8Array): { encoding: Encoding; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function decodeAs(bytes: Uint8Array, encoding: Encoding): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'utf-8') {
    if (!isUtf8(buffer)) return new TextDecoder('utf-8', { ignoreBOM: false }).decode(buffer);
    // A leading BOM is dropped, as TextDecoder drops it.
    return utf8Text(sniffBom(buffer)?.encoding === 'utf-8' ? buffer.subarray(3) : buffer);
  }
  return iconv().decode(buffer, encoding);
}

function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) control++;
  }
  return control / n > maxControlShare;
}

function replacementShare(text: string): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return text.length ? bad / text.length : 0;
}

function checkText(decoded: Decoded, path: string | null): Decoded {
  if (!/\S/.test(decoded.text)) throw new BaogaoError('empty', 'the input holds no text (only white space)', path);
  if (decoded.text.includes('\u0000')) throw new BaogaoError('binary', 'the input holds NUL characters, not text', path);
  return decoded;
}
