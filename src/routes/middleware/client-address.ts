import {
  convertIPv4BinaryToString,
  convertIPv4MappedIPv6ToIPv4,
  convertIPv4ToBinary,
  convertIPv6BinaryToString,
  convertIPv6ToBinary,
  distinctRemoteAddr,
  isIPv4MappedIPv6,
} from "hono/utils/ipaddr";

/**
 * The network a caller is counted under, from CF-Connecting-IP: an IPv4 address as it is, an IPv4-mapped
 * IPv6 address as its IPv4 one, and IPv6 by its /64 (what one subscriber is given: counting single
 * addresses would hand each client 2^64 buckets). Whitespace and spelling do not make a new bucket;
 * anything unparsable is "unknown".
 */
export function clientNetwork(header: string | undefined): string {
  const raw = (header ?? "").trim();
  try {
    const kind = distinctRemoteAddr(raw);
    if (kind === "IPv4") return convertIPv4BinaryToString(convertIPv4ToBinary(raw));
    if (kind === "IPv6") {
      const address = convertIPv6ToBinary(raw);
      if (isIPv4MappedIPv6(address)) return convertIPv4BinaryToString(convertIPv4MappedIPv6ToIPv4(address));
      return `${convertIPv6BinaryToString((address >> 64n) << 64n)}/64`;
    }
  } catch {
    // Not an address: counted with the rest of the unknown.
  }
  return "unknown";
}

let isolateKey: Promise<CryptoKey> | undefined;

/**
 * An HMAC-SHA-256 key from the CLIENT_KEY_SECRET secret, or, without it, a random one for this isolate's
 * life (a plain hash of an address is reversed by trying every address: a /16 in well under a second).
 */
function hmacKey(secret: string | undefined): Promise<CryptoKey> {
  const algorithm = { name: "HMAC", hash: "SHA-256" };
  if (secret)
    return crypto.subtle.importKey("raw", new TextEncoder().encode(secret), algorithm, false, ["sign"]);
  isolateKey ??= crypto.subtle.generateKey(algorithm, false, ["sign"]) as Promise<CryptoKey>;
  return isolateKey;
}

/**
 * The name a keyless caller's network goes by in rate limits, logs and its own KV cache entries: an HMAC
 * under the deployment's secret, so nothing we store or log can be turned back into an address.
 */
export async function networkId(network: string, secret: string | undefined): Promise<string> {
  const key = await hmacKey(secret);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(network)));
  return Array.from(mac.subarray(0, 16), (b) => b.toString(16).padStart(2, "0")).join("");
}
