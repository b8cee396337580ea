// Test helper for cose-sign1.interop.test.ts: runs @auth0/cose (an independent COSE implementation)
// in its own worker thread. WHY a worker: importing @auth0/cose calls cbor-x's global addExtension for
// tag 18, after which every cbor-x Decoder in the same module graph returns the library's Sign1
// objects instead of Tag — our own decodeSign1 would then fail in the same thread. A worker has its
// own module instances, so each side reads the bytes with its own, untouched decoder.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { Sign1 } from '@auth0/cose';

const ES256 = -7;

/** Decodes and verifies a COSE_Sign1 with the library, restricted to ES256. */
async function verify({ token, publicKeyJwk }) {
  const sign1 = Sign1.decode(token);
  const base = { alg: sign1.alg ?? null, kid: sign1.kid ?? null, payload: sign1.payload };
  try {
    await sign1.verify(createPublicKey({ key: publicKeyJwk, format: 'jwk' }), { algorithms: [ES256] });
    return { ...base, verified: true, error: null };
  } catch (error) {
    return { ...base, verified: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Signs a tagged COSE_Sign1 with the library: protected alg ES256, kid unprotected when given. */
async function sign({ payload, privateKeyJwk, kid }) {
  const unprotected = kid ? new Map([[4, kid]]) : new Map();
  const sign1 = await Sign1.sign(new Map([[1, ES256]]), unprotected, payload, createPrivateKey({ key: privateKeyJwk, format: 'jwk' }));
  return { token: new Uint8Array(sign1.encode()) };
}

// One request at a time: { id, op: 'sign' | 'verify', ...arguments } -> { id, ok, result | error }.
parentPort.on('message', (request) => {
  const run = request.op === 'sign' ? sign : verify;
  run(request).then(
    (result) => parentPort.postMessage({ id: request.id, ok: true, result }),
    (error) => parentPort.postMessage({ id: request.id, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
  );
});
