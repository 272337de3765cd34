/** Problems speak the request's language: `lang` (query or body), else Accept-Language; en and zh. */
import { beforeAll, describe, expect, it } from "vitest";
import { call, callWith, expectProblem, fixture, installModel, multipart } from "./support";

const HAN = /\p{Script=Han}/u;
// Two Latin words in a row: an English sentence, where format names (HEIC, JPEG、PNG 或 WebP) are not.
const ENGLISH_WORDS = /\p{Script=Latin}+ +\p{Script=Latin}+/u;

const upload = (body: FormData, headers: Record<string, string> = {}, query = "") =>
  call(`/v1/assessments${query}`, { method: "POST", body, headers });

describe("problems in the request's language", () => {
  let heic: Uint8Array;
  beforeAll(async () => {
    await installModel();
    heic = await fixture("heic");
  });

  it("a HEIC upload with Accept-Language zh-CN: Chinese title and detail, the same type, status and format", async () => {
    const res = await upload(multipart(heic), { "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8" });
    const problem = await expectProblem(res, 415, "unsupported-image-format");
    expect(problem.format).toBe("heic");
    expect(problem.title).toBe("不支持的图片格式");
    expect(problem.detail).toMatch(HAN);
    expect(problem.detail).toContain("HEIC");
    expect(problem.detail).not.toMatch(ENGLISH_WORDS);
  });

  it("the same upload in English (or with no Accept-Language): English title and detail", async () => {
    const languages: Record<string, string>[] = [
      { "Accept-Language": "en-GB" },
      { "Accept-Language": "fr-FR" },
      {},
    ];
    for (const headers of languages) {
      const problem = await expectProblem(
        await upload(multipart(heic), headers),
        415,
        "unsupported-image-format",
      );
      expect(problem.title).toBe("Unsupported image format");
      expect(problem.detail).toBe("HEIC images are not supported: send a JPEG, PNG or WebP photo.");
      expect(problem.format).toBe("heic");
    }
  });

  it("the body's lang wins over Accept-Language, and so does the query's", async () => {
    const zhBody = await upload(multipart(heic, { lang: "zh" }), { "Accept-Language": "en-US" });
    expect((await expectProblem(zhBody, 415, "unsupported-image-format")).title).toBe("不支持的图片格式");
    const enBody = await upload(multipart(heic, { lang: "en" }), { "Accept-Language": "zh-CN" });
    expect((await expectProblem(enBody, 415, "unsupported-image-format")).title).toBe(
      "Unsupported image format",
    );
    const zhQuery = await upload(multipart(heic), { "Accept-Language": "en-US" }, "?lang=zh");
    expect((await expectProblem(zhQuery, 415, "unsupported-image-format")).detail).not.toMatch(ENGLISH_WORDS);
  });

  it("a damaged JPEG in Chinese", async () => {
    const res = await upload(multipart(await fixture("truncated")), { "Accept-Language": "zh-TW" });
    const problem = await expectProblem(res, 422, "image-not-decodable");
    expect(problem.title).toBe("无法读取这张图片");
    expect(problem.detail).not.toMatch(ENGLISH_WORDS);
  });
});

describe("problems raised before the body is read follow Accept-Language", () => {
  it("a wrong API key, in Chinese and in English", async () => {
    const keys = { API_KEYS: "right-key" };
    const init = (lang: string) => ({
      method: "POST",
      headers: { Authorization: "Bearer wrong-key", "Accept-Language": lang },
      body: multipart(new Uint8Array([1])),
    });
    const zh = await expectProblem(await callWith(keys, "/v1/assessments", init("zh")), 401, "unauthorized");
    expect(zh).toMatchObject({ title: "API 密钥缺失或错误", detail: "API 密钥无效。" });
    const en = await expectProblem(await callWith(keys, "/v1/assessments", init("en")), 401, "unauthorized");
    expect(en).toMatchObject({ title: "Missing or wrong API key", detail: "The API key is not valid." });
  });

  it("no such resource", async () => {
    const res = await call("/nowhere", { headers: { "Accept-Language": "zh-CN" } });
    const problem = await expectProblem(res, 404, "not-found");
    expect(problem.title).toBe("未找到");
    expect(problem.detail).toMatch(HAN);
  });
});
