import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { catalogue, type levelRank } from "../../src/clinical";
import { encodeEmbedding } from "../../src/model/label-embeddings";
import { sha256Hex } from "../../src/model/package/load";
import type { ModelManifest } from "../../src/model/package/manifest";
import { requireHostFile } from "../support/host-files";
import { putPackageInR2 } from "../support/model-package";
import { callWith, expectProblem, multipart } from "./support";

interface Answer {
  scores: { id: string; probability: number }[];
  model: {
    head?: { classes: string[]; photos: number; heldOutAccuracy: number; combine: { headShare: number } };
  };
  assessment: { triage: { level: Parameters<typeof levelRank>[0]; reasons: { rule: string }[] } };
}

const EVAL_PHOTO = (cls: string) => requireHostFile("cache", `photos/adapt-eval/${cls}/01000.png`);

async function assessAt(prefix: string, cls: string, fields: Record<string, string> = {}) {
  const body = multipart(await EVAL_PHOTO(cls), fields, "photo.png");
  return callWith({ MODEL_PREFIX: prefix }, "/v1/assessments", { method: "POST", body });
}

/** tiny-head under `prefix` with head.json changed by `edit`, its manifest entry updated to match. */
async function putEditedHead(prefix: string, edit: (head: Record<string, unknown>) => void) {
  const manifest = await putPackageInR2(env.MODELS, "tiny-head", prefix);
  const head = JSON.parse(
    new TextDecoder().decode(await requireHostFile("cache", "models/tiny-head/head.json")),
  );
  edit(head);
  const bytes = new TextEncoder().encode(JSON.stringify(head));
  await env.MODELS.put(`${prefix}/head.json`, bytes);
  const files = manifest.files.map((f) =>
    f.path === "head.json" ? { ...f, size: bytes.length, sha256: "" } : f,
  );
  const entry = files.find((f) => f.path === "head.json")!;
  entry.sha256 = await sha256Hex(bytes);
  await env.MODELS.put(
    `${prefix}/manifest.json`,
    JSON.stringify({ ...manifest, files } satisfies ModelManifest),
  );
}

describe("a package with a clinic's head", () => {
  it("answers with the head's calibrated classes and says so; the same package without it is zero-shot", async () => {
    await putPackageInR2(env.MODELS, "tiny-labelled", "models/no-head");
    await putPackageInR2(env.MODELS, "tiny-head", "models/head");
    for (const cls of ["acne", "eczema", "psoriasis"]) {
      const plain = (await (await assessAt("models/no-head", cls)).json()) as Answer;
      expect(plain.model.head).toBeUndefined();
      expect(plain.scores.map((s) => s.id).sort()).toEqual(catalogue.map((e) => e.id).sort());

      const res = await assessAt("models/head", cls);
      expect(res.status).toBe(200);
      const adapted = (await res.json()) as Answer;
      expect(adapted.model.head).toMatchObject({ classes: ["acne", "eczema", "psoriasis"], photos: 36 });
      expect(adapted.model.head?.combine).toEqual({ headShare: 1 });
      expect(adapted.scores.map((s) => s.id)).toEqual(["acne", "eczema", "psoriasis"]);
      expect(adapted.scores.reduce((a, s) => a + s.probability, 0)).toBeCloseTo(1, 6);
      const top = adapted.scores.reduce((a, b) => (b.probability > a.probability ? b : a));
      expect(top.id).toBe(cls); // a photo the head never saw, of the class it was generated as
    }
  });

  it("never lowers the level the patient's words call for", async () => {
    const words = { text: "my lips and tongue are swelling and I can't breathe", lang: "en" };
    const plain = (await (await assessAt("models/no-head", "acne", words)).json()) as Answer;
    const adapted = (await (await assessAt("models/head", "acne", words)).json()) as Answer;
    expect(plain.assessment.triage.level).toBe("emergency");
    expect(adapted.assessment.triage.level).toBe("emergency");
    const redFlags = (a: Answer) =>
      a.assessment.triage.reasons.map((r) => r.rule).filter((r) => r !== "finding");
    expect(redFlags(adapted)).toEqual(
      expect.arrayContaining(redFlags(plain).filter((r) => r !== "custom_label")),
    );
  });

  it("refuses a damaged head.json (sha256) with 503 model_integrity", async () => {
    await putPackageInR2(env.MODELS, "tiny-head", "models/head-damaged");
    const good = await requireHostFile("cache", "models/tiny-head/head.json");
    const damaged = good.slice();
    damaged[damaged.length >> 1] ^= 0x01;
    await env.MODELS.put("models/head-damaged/head.json", damaged);
    const problem = await expectProblem(
      await assessAt("models/head-damaged", "acne"),
      503,
      "model-unavailable",
    );
    expect(problem.reason).toBe("model_integrity");
  });

  // The answer's detail is generic; the CLI test (test/node/adapt.test.ts) checks the messages themselves.
  it("refuses a head made for another embedding width", async () => {
    await putEditedHead("models/head-width", (head) => {
      head.embeddingWidth = 32;
      head.weights = (head.classes as string[]).map(() => encodeEmbedding(new Float32Array(32).fill(0.1)));
    });
    const problem = await expectProblem(
      await assessAt("models/head-width", "acne"),
      503,
      "model-unavailable",
    );
    expect(problem.reason).toBe("model_invalid");
  });

  it("refuses a head with a class that is neither in the catalogue nor described", async () => {
    await putEditedHead("models/head-unknown", (head) => {
      head.classes = ["acne", "eczema", "lupus_like"];
    });
    const problem = await expectProblem(
      await assessAt("models/head-unknown", "acne"),
      503,
      "model-unavailable",
    );
    expect(problem.reason).toBe("model_invalid");
  });

  it("scores a class the catalogue does not know when the head describes it", async () => {
    await putEditedHead("models/head-new", (head) => {
      head.classes = ["acne", "eczema", "clinic_rash"];
      head.newClasses = {
        clinic_rash: {
          name: { en: "Clinic rash", zh: "诊所皮疹" },
          urgency: "doctor",
          advice: { en: "See the clinic.", zh: "请到诊所就诊。" },
        },
      };
    });
    const res = await assessAt("models/head-new", "psoriasis");
    expect(res.status).toBe(200);
    const answer = (await res.json()) as Answer;
    expect(answer.scores.map((s) => s.id)).toEqual(["acne", "eczema", "clinic_rash"]);
  });
});
