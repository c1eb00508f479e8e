import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";

const b64 = (bytes: Uint8Array) => isoBase64URL.fromBuffer(bytes);

function uint32(value: number) {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
}

/**
 * A software passkey for integration tests: an ES256 key pair that answers
 * WebAuthn challenges the way a platform authenticator would (attestation
 * "none", user present and verified), so the real @simplewebauthn/server
 * checks run against it. `origin` and `rpID` can be set to play a look-alike site.
 */
export function virtualAuthenticator() {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const credentialId = randomBytes(16);
  let counter = 0;

  const clientData = (type: string, challenge: string, origin: string) => Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  const rpIdHash = (rpID: string) => createHash("sha256").update(rpID).digest();

  return {
    id: b64(credentialId),
    register(challenge: string, { origin = "http://localhost:3000", rpID = "localhost" } = {}) {
      const cose = isoCBOR.encode(
        new Map<number, number | Uint8Array>([
          [1, 2],
          [3, -7],
          [-1, 1],
          [-2, isoBase64URL.toBuffer(jwk.x!)],
          [-3, isoBase64URL.toBuffer(jwk.y!)],
        ]),
      );
      const length = Buffer.alloc(2);
      length.writeUInt16BE(credentialId.length);
      // Flags: user present (0x01), user verified (0x04), attested credential data (0x40).
      const authData = Buffer.concat([rpIdHash(rpID), Buffer.from([0x45]), uint32(counter), Buffer.alloc(16), length, credentialId, Buffer.from(cose)]);
      const attestationObject = isoCBOR.encode(new Map<string, unknown>([["fmt", "none"], ["attStmt", new Map()], ["authData", new Uint8Array(authData)]]) as never);
      return {
        id: b64(credentialId),
        rawId: b64(credentialId),
        type: "public-key" as const,
        response: { clientDataJSON: b64(clientData("webauthn.create", challenge, origin)), attestationObject: b64(attestationObject), transports: ["internal"] },
        clientExtensionResults: {},
      };
    },
    authenticate(challenge: string, { origin = "http://localhost:3000", rpID = "localhost" } = {}) {
      counter += 1;
      const authData = Buffer.concat([rpIdHash(rpID), Buffer.from([0x05]), uint32(counter)]);
      const data = clientData("webauthn.get", challenge, origin);
      const signature = sign("sha256", Buffer.concat([authData, createHash("sha256").update(data).digest()]), privateKey);
      return {
        id: b64(credentialId),
        rawId: b64(credentialId),
        type: "public-key" as const,
        response: { clientDataJSON: b64(data), authenticatorData: b64(authData), signature: b64(signature) },
        clientExtensionResults: {},
      };
    },
  };
}
