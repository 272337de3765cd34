import { describe, expect, it } from "vitest";
import { clientNetwork, networkId } from "../../../src/routes/middleware/client-address";

describe("clientNetwork", () => {
  it.each([
    ["7.7.7.7", "7.7.7.7"],
    [" 7.7.7.7 ", "7.7.7.7"],
    ["::ffff:7.7.7.7", "7.7.7.7"],
    ["::ffff:0707:0707", "7.7.7.7"],
    ["2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"],
    ["2001:0DB8:0001:0002::1", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8::/64"],
    ["", "unknown"],
    ["not an address", "unknown"],
    ["999.1.1.1", "unknown"],
  ])("%j is counted as %j", (header, network) => {
    expect(clientNetwork(header)).toBe(network);
  });

  it("an absent header is unknown", () => {
    expect(clientNetwork(undefined)).toBe("unknown");
  });
});

describe("networkId", () => {
  it("is an HMAC under the secret: the same for the same secret, different under another, never a plain hash", async () => {
    const a = await networkId("7.7.7.7", "secret-one");
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(await networkId("7.7.7.7", "secret-one")).toBe(a);
    expect(await networkId("7.7.7.8", "secret-one")).not.toBe(a);
    expect(await networkId("7.7.7.7", "secret-two")).not.toBe(a);
    const plain = new Uint8Array(
      await crypto.subtle.digest("SHA-256", new TextEncoder().encode("ip:7.7.7.7")),
    );
    const plainHex = Array.from(plain, (b) => b.toString(16).padStart(2, "0")).join("");
    expect(plainHex.startsWith(a)).toBe(false);
  });

  it("without a secret, a random key for the isolate: stable within it", async () => {
    expect(await networkId("7.7.7.7", undefined)).toBe(await networkId("7.7.7.7", undefined));
    expect(await networkId("7.7.7.7", undefined)).not.toBe(await networkId("7.7.7.7", "secret-one"));
  });
});
