import { toHex } from "./load";

/** An incremental sha256: chunks in, hex digest out, never the whole input at once. */
export interface Sha256Stream {
  update(chunk: Uint8Array): Promise<void>;
  hex(): Promise<string>;
}

// workerd's streaming digest (not in the DOM or Node type libraries, hence this declaration).
type DigestStreamConstructor = new (
  algorithm: string,
) => WritableStream<Uint8Array> & { readonly digest: Promise<ArrayBuffer> };

/** workerd's crypto.DigestStream behind Sha256Stream; null where the runtime has none (Node). */
export function streamingSha256(): Sha256Stream | null {
  const DigestStream = (crypto as unknown as { DigestStream?: DigestStreamConstructor }).DigestStream;
  if (!DigestStream) return null;
  const stream = new DigestStream("SHA-256");
  const writer = stream.getWriter();
  return {
    update: (chunk) => writer.write(chunk),
    async hex() {
      await writer.close();
      return toHex(await stream.digest);
    },
  };
}
