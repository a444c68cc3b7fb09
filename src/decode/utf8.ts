// Valid UTF-8 bytes → a JS string, about 2.5× faster than Buffer#toString on
// report text under Node 20 (bench/decode.mjs prints the ratio): V8 decodes
// three-byte CJK characters one at a time, while this loop writes UTF-16 code
// units into a typed array that becomes a string with one copy (as UTF-16LE).
// Only for bytes already validated (node:buffer isUtf8): it does not check.
import { endianness } from 'node:os';

/** UTF-16LE decoding reads little-endian code units; a Uint16Array holds the machine's order. */
const littleEndian = endianness() === 'LE';
/** A scratch array reused across calls up to this many code units; larger inputs get their own. */
const keptUnits = 1 << 22;
let scratch = new Uint16Array(0);

/**
 * Past this many bytes node's own decoder is used: the typed array costs twice
 * the input's size on top of the string, which matters more than speed for a
 * single huge file.
 */
const largestOwnDecode = 1 << 26;

export function utf8Text(buffer: Buffer): string {
  if (!littleEndian || buffer.length > largestOwnDecode) return buffer.toString('utf8');
  const n = buffer.length;
  // A UTF-8 text never has more UTF-16 code units than bytes.
  const units = n <= keptUnits ? (scratch.length >= n ? scratch : (scratch = new Uint16Array(Math.max(n, 1 << 16)))) : new Uint16Array(n);
  let i = 0;
  let j = 0;
  let ascii = true;
  while (i < n) {
    const c = buffer[i]!;
    if (c < 0x80) {
      units[j++] = c;
      i += 1;
    } else if (c < 0xe0) {
      units[j++] = ((c & 0x1f) << 6) | (buffer[i + 1]! & 0x3f);
      i += 2;
      ascii = false;
    } else if (c < 0xf0) {
      units[j++] = ((c & 0x0f) << 12) | ((buffer[i + 1]! & 0x3f) << 6) | (buffer[i + 2]! & 0x3f);
      i += 3;
      ascii = false;
    } else {
      // Four bytes: a code point past U+FFFF, as a surrogate pair.
      const point = (((c & 0x07) << 18) | ((buffer[i + 1]! & 0x3f) << 12) | ((buffer[i + 2]! & 0x3f) << 6) | (buffer[i + 3]! & 0x3f)) - 0x10000;
      units[j++] = 0xd800 + (point >> 10);
      units[j++] = 0xdc00 + (point & 0x3ff);
      i += 4;
      ascii = false;
    }
  }
  // Pure ASCII: a one-byte string, as toString would make.
  if (ascii) return buffer.toString('latin1');
  return Buffer.from(units.buffer, units.byteOffset, j * 2).toString('utf16le');
}
