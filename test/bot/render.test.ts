import { describe, expect, it } from "vitest";
import { escapeHtml, MAX_MESSAGE_LENGTH, splitMessage } from "../../src/bot/html";
import { probabilityBar, renderAssessment } from "../../src/bot/render";
import { largestPhoto } from "../../src/bot/telegram-files";
import { assess, assessPhotoQuality } from "../../src/clinical";

/** A photo-quality report that passes: a mid-grey 224x224 crop with some texture. */
function okQuality() {
  const data = new Uint8Array(224 * 224 * 3).map((_, i) => 100 + ((i * 37) % 60));
  return assessPhotoQuality({ width: 224, height: 224, data }, { originalShortEdge: 1000 });
}

describe("rendering an assessment for Telegram", () => {
  it("escapes every dynamic string (a custom label with markup)", () => {
    const a = assess({
      imageProbabilities: { "<b>bold</b> & <i>co</i>": 0.9, other: 0.1 },
      gateProbabilities: { skin: 0.9, object: 0.1 },
      quality: okQuality(),
      text: "itchy",
      lang: "en",
    });
    const html = renderAssessment(a).join("\n");
    expect(html).toContain("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;co&lt;/i&gt;");
    expect(html).not.toContain("<b>bold</b>");
  });

  it("splits long messages under 4096 characters at line ends, never inside an entity", () => {
    const line = `${escapeHtml("a < b & c > d ").repeat(20)}`;
    const html = Array.from({ length: 60 }, (_, i) => `<b>${i}</b> ${line}`).join("\n");
    const parts = splitMessage(html);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(parts.join("\n")).toBe(html);
    const long = escapeHtml("&".repeat(5000));
    const cut = splitMessage(long);
    for (const p of cut) expect(p).toMatch(/^(&amp;)+$/);
    expect(cut.join("")).toBe(long);
  });

  it("echoes the body site the patient wrote, not the vocabulary's list of sites", () => {
    const a = assess({
      imageProbabilities: { eczema: 0.9, acne: 0.1 },
      gateProbabilities: { skin: 0.9, object: 0.1 },
      quality: okQuality(),
      text: "a burn on my hand",
      lang: "en",
    });
    const html = renderAssessment(a).join("\n");
    expect(html).toMatch(/<b>What you told me<\/b>\n[^\n]*\bhand\b/);
    expect(html).not.toMatch(/on the face, neck, hands/);
  });

  it("draws probability bars", () => {
    expect(probabilityBar(0.68)).toBe("███████░░░ 68%");
    expect(probabilityBar(0.001)).toBe("░░░░░░░░░░ <1%");
    expect(probabilityBar(1)).toBe("██████████ 100%");
  });

  it("takes the largest photo size within the byte and pixel limits", () => {
    const sizes = [
      { file_id: "s", file_unique_id: "s", width: 90, height: 60, file_size: 1_000 },
      { file_id: "l", file_unique_id: "l", width: 1280, height: 960, file_size: 200_000 },
      { file_id: "m", file_unique_id: "m", width: 320, height: 240, file_size: 20_000 },
    ];
    expect(largestPhoto(sizes, { maxBytes: 1e6 })?.file_id).toBe("l");
    expect(largestPhoto(sizes, { maxBytes: 100_000 })?.file_id).toBe("m");
    expect(largestPhoto(sizes, { maxBytes: 1e6, maxPixels: 100_000 })?.file_id).toBe("m");
    expect(largestPhoto(sizes, { maxBytes: 10 })).toBeNull();
  });
});
