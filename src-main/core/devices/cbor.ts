// The one CBOR configuration used on the wire and in tokens: byte strings stay plain bstr (cbor-x
// would otherwise tag typed arrays), no cbor-x "records" extension, and decoding refuses
// trailing bytes (cbor-x throws when the buffer is not fully consumed).
import { Decoder, Encoder } from 'cbor-x';

const encoder = new Encoder({ useRecords: false, tagUint8Array: false, variableMapSize: true, pack: false });
const objectDecoder = new Decoder({ useRecords: false, mapsAsObjects: true });
const mapDecoder = new Decoder({ useRecords: false, mapsAsObjects: false });

export class CborError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CborError';
  }
}

export function cborEncode(value: unknown): Uint8Array {
  return encoder.encode(value);
}

/** Decodes text-keyed maps to plain objects (protocol bodies). */
export function cborDecodeObject(bytes: Uint8Array): unknown {
  return decodeWith(objectDecoder, bytes);
}

/** Decodes every map to a Map (integer-keyed structures such as COSE and PSA claims). */
export function cborDecodeMaps(bytes: Uint8Array): unknown {
  return decodeWith(mapDecoder, bytes);
}

function decodeWith(decoder: Decoder, bytes: Uint8Array): unknown {
  if (bytes.length === 0) throw new CborError('empty CBOR item');
  try {
    return decoder.decode(bytes);
  } catch (error) {
    throw new CborError(`invalid CBOR: ${error instanceof Error ? error.message : String(error)}`);
  }
}
