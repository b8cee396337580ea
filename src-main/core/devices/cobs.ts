// Consistent Overhead Byte Stuffing: removes every 0x00 from a frame so 0x00 can delimit frames on
// the serial line. A receiver that joins mid-stream (or after line noise) resynchronises at the
// next 0x00 instead of misreading lengths, which is why we prefer it to length-prefixed framing.

/** Encodes `data` so the result contains no 0x00 byte (the delimiter is not appended). */
export function cobsEncode(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + Math.ceil(data.length / 254) + 1);
  let codeIndex = 0;
  let code = 1;
  let o = 1;
  for (const byte of data) {
    if (byte === 0) {
      out[codeIndex] = code;
      codeIndex = o++;
      code = 1;
      continue;
    }
    out[o++] = byte;
    code += 1;
    if (code === 0xff) {
      out[codeIndex] = code;
      codeIndex = o++;
      code = 1;
    }
  }
  out[codeIndex] = code;
  return out.subarray(0, o);
}

/** Decodes a COBS block (without its delimiter); returns null when the block is not valid COBS. */
export function cobsDecode(block: Uint8Array): Uint8Array | null {
  const out = new Uint8Array(block.length);
  let i = 0;
  let o = 0;
  while (i < block.length) {
    const code = block[i] ?? 0;
    if (code === 0) return null;
    i += 1;
    const end = i + code - 1;
    if (end > block.length) return null;
    for (; i < end; i += 1) {
      const byte = block[i] ?? 0;
      if (byte === 0) return null;
      out[o++] = byte;
    }
    if (code !== 0xff && i < block.length) out[o++] = 0;
  }
  return out.subarray(0, o);
}
