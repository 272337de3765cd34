import { describe, expect, it } from "vitest";
import { CATALOGUE_VERSION, catalogue, TRIAGE_LEVELS } from "../../src/clinical";
import { call } from "./support";

interface ConditionList {
  catalogueVersion: string;
  conditions: {
    id: string;
    name: { en: string; zh: string };
    urgency: string;
    needsInPersonReview: boolean;
  }[];
}

describe("GET /v1/conditions", () => {
  it("lists the catalogue: ids, localised names, urgency", async () => {
    const res = await call("/v1/conditions");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, max-age=3600");
    const body = (await res.json()) as ConditionList;
    expect(body.catalogueVersion).toBe(CATALOGUE_VERSION);
    expect(body.conditions.map((c) => c.id)).toEqual(catalogue.map((c) => c.id));
    for (const condition of body.conditions) {
      expect(condition.name.en.length).toBeGreaterThan(0);
      expect(condition.name.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(TRIAGE_LEVELS).toContain(condition.urgency);
      expect(Object.keys(condition).sort()).toEqual(["id", "name", "needsInPersonReview", "urgency"]);
    }
    const melanoma = body.conditions.find((c) => c.id === "melanoma");
    expect(melanoma?.needsInPersonReview).toBe(true);
  });
});
