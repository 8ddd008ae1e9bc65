import { describe, expect, it } from "vitest";
import { DEFAULT_MODELS, resolveModelId, toFoundationModelSummary } from "./catalog.js";

const HAIKU = "anthropic.claude-3-5-haiku-20241022-v1:0";

describe("DEFAULT_MODELS", () => {
  it("lists the models the team's contract names, with their capabilities", () => {
    const byId = new Map(DEFAULT_MODELS.map((model) => [model.modelId, model]));
    for (const id of [
      HAIKU,
      "anthropic.claude-3-7-sonnet-20250219-v1:0",
      "anthropic.claude-sonnet-4-20250514-v1:0",
      "amazon.nova-lite-v1:0",
      "amazon.nova-pro-v1:0",
      "meta.llama3-1-8b-instruct-v1:0",
      "mistral.mistral-large-2407-v1:0",
      "amazon.titan-embed-text-v2:0",
      "cohere.embed-english-v3",
    ]) {
      expect(byId.has(id), id).toBe(true);
    }
    expect(byId.get("anthropic.claude-sonnet-4-20250514-v1:0")?.supportsReasoning).toBe(true);
    expect(byId.get(HAIKU)?.supportsReasoning).toBe(false);
    expect(byId.get("meta.llama3-1-8b-instruct-v1:0")?.supportsToolChoice).toBe(false);
    expect(byId.get("amazon.titan-embed-text-v2:0")).toMatchObject({ kind: "embedding", dimensions: 1024 });
    expect(byId.get("cohere.embed-english-v3")).toMatchObject({ kind: "embedding", dimensions: 1024 });
    expect(new Set(DEFAULT_MODELS.map((model) => model.modelId)).size).toBe(DEFAULT_MODELS.length);
  });
});

describe("resolveModelId", () => {
  it("resolves a plain foundation model id", () => {
    expect(resolveModelId(HAIKU, DEFAULT_MODELS)?.modelId).toBe(HAIKU);
  });

  it.each(["us.", "eu.", "apac.", "global."])("resolves the %s inference profile", (prefix) => {
    expect(resolveModelId(`${prefix}${HAIKU}`, DEFAULT_MODELS)?.modelId).toBe(HAIKU);
  });

  it("resolves foundation-model and inference-profile ARNs", () => {
    expect(
      resolveModelId(`arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`, DEFAULT_MODELS)?.modelId,
    ).toBe(HAIKU);
    expect(
      resolveModelId(`arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.${HAIKU}`, DEFAULT_MODELS)
        ?.modelId,
    ).toBe(HAIKU);
    expect(
      resolveModelId(
        `arn:aws:bedrock:eu-west-1:123456789012:inference-profile/global.${HAIKU}`,
        DEFAULT_MODELS,
      )?.modelId,
    ).toBe(HAIKU);
  });

  it("returns undefined for unknown ids, unknown prefixes and malformed ARNs", () => {
    expect(resolveModelId("anthropic.claude-unknown-v1:0", DEFAULT_MODELS)).toBeUndefined();
    expect(resolveModelId(`xx.${HAIKU}`, DEFAULT_MODELS)).toBeUndefined();
    expect(resolveModelId(`us.us.${HAIKU}`, DEFAULT_MODELS)).toBeUndefined();
    expect(resolveModelId(`arn:aws:s3:::bucket/${HAIKU}`, DEFAULT_MODELS)).toBeUndefined();
    expect(
      resolveModelId(`arn:aws:bedrock:us-east-1:123456789012:inference-profile/${HAIKU}`, DEFAULT_MODELS),
    ).toBeUndefined();
    expect(resolveModelId("", DEFAULT_MODELS)).toBeUndefined();
  });

  it("resolves against a custom catalog", () => {
    const custom = [{ ...DEFAULT_MODELS[0]!, modelId: "acme.tiny-v1:0" }];
    expect(resolveModelId("us.acme.tiny-v1:0", custom)?.modelId).toBe("acme.tiny-v1:0");
    expect(resolveModelId(HAIKU, custom)).toBeUndefined();
  });
});

describe("toFoundationModelSummary", () => {
  it("shapes a model like ListFoundationModels' modelSummaries entries", () => {
    const haiku = DEFAULT_MODELS.find((model) => model.modelId === HAIKU)!;
    expect(toFoundationModelSummary(haiku, "eu-west-1")).toEqual({
      modelArn: `arn:aws:bedrock:eu-west-1::foundation-model/${HAIKU}`,
      modelId: HAIKU,
      modelName: "Claude 3.5 Haiku",
      providerName: "Anthropic",
      inputModalities: ["TEXT"],
      outputModalities: ["TEXT"],
      responseStreamingSupported: true,
      customizationsSupported: [],
      inferenceTypesSupported: ["ON_DEMAND"],
      modelLifecycle: { status: "ACTIVE" },
    });
    const titan = DEFAULT_MODELS.find((model) => model.modelId === "amazon.titan-embed-text-v2:0")!;
    expect(toFoundationModelSummary(titan, "us-east-1")).toMatchObject({
      outputModalities: ["EMBEDDING"],
      responseStreamingSupported: false,
    });
  });
});
