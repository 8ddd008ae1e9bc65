import { inspect } from "node:util";
import { AccessDeniedException, ThrottlingException } from "@aws-sdk/client-bedrock-runtime";
import { describe, expect, it } from "vitest";
import { makeLongTermKey } from "../__fixtures__/keys.js";
import { BedrockKeyRejectedError } from "../errors/bedrock-key-rejected-error.js";
import { BedrockKeysError } from "../errors/bedrock-keys-error.js";
import { explainBedrockError } from "./explain-bedrock-error.js";

const key = makeLongTermKey({ secret: "Q0FOQVJZLXNlY3JldC1kby1ub3QtbGVhay0xMjM0NTY3ODkw" });

function accessDenied(message: string): AccessDeniedException {
  const error = new AccessDeniedException({
    message,
    $metadata: { httpStatusCode: 403, requestId: "req-123", attempts: 1 },
  });
  // What a careless layer might leave on an SDK error: the raw request and response.
  Object.assign(error, {
    $response: { statusCode: 403, headers: { authorization: `Bearer ${key}` } },
    request: { headers: { authorization: `Bearer ${key}` } },
  });
  return error;
}

describe("explainBedrockError", () => {
  const cases: Array<[string, string]> = [
    ["Invalid API Key format: Must start with pre-defined prefix", "INVALID_KEY"],
    ["Authentication failed: Please make sure your API Key is valid.", "EXPIRED_OR_WRONG_REGION"],
    [
      "User: arn:aws:iam::123456789012:user/BedrockAPIKey-a1b2 is not authorized to perform: bedrock:CallWithBearerToken on resource: * because no identity-based policy allows the bedrock:CallWithBearerToken action",
      "MISSING_PERMISSION",
    ],
    [
      "User: arn:aws:iam::123456789012:user/BedrockAPIKey-a1b2 is not authorized to perform: bedrock:CallWithBearerToken on resource: * with an explicit deny in a service control policy",
      "DENIED_BY_POLICY",
    ],
    ["You don't have access to the model with the specified model ID.", "MODEL_ACCESS_DENIED"],
  ];

  it.each(cases)("maps %j to %s", (message, reason) => {
    const explained = explainBedrockError(accessDenied(message));
    expect(BedrockKeyRejectedError.isInstance(explained)).toBe(true);
    expect(BedrockKeysError.isInstance(explained)).toBe(true);
    const rejected = explained as BedrockKeyRejectedError;
    expect(rejected.reason).toBe(reason);
    expect(rejected.code).toBe("KEY_REJECTED");
    expect(rejected.remediation.length).toBeGreaterThan(20);
    expect(rejected.message).toContain(rejected.remediation);
    expect(rejected.statusCode).toBe(403);
    expect(rejected.requestId).toBe("req-123");
  });

  it("keeps a cause that carries no Authorization header nor key", () => {
    const explained = explainBedrockError(
      accessDenied(`Authentication failed: Please make sure your API Key is valid. (${key})`),
    ) as BedrockKeyRejectedError;
    const cause = explained.cause as Error & { $metadata?: unknown; $response?: unknown };
    expect(cause).toBeInstanceOf(Error);
    expect(cause.name).toBe("AccessDeniedException");
    expect(cause.$response).toBeUndefined();
    expect(cause.$metadata).toEqual({ httpStatusCode: 403, requestId: "req-123", attempts: 1 });
    const everything = [
      inspect(explained, { depth: 10, showHidden: true }),
      JSON.stringify(explained),
      JSON.stringify(cause),
      String(explained.stack),
    ].join("\n");
    expect(everything).not.toContain(key.slice(4, 40));
    expect(everything.toLowerCase()).not.toContain("authorization");
  });

  it("returns anything else unchanged", () => {
    const throttled = new ThrottlingException({
      message: "Too many requests",
      $metadata: { httpStatusCode: 429 },
    });
    expect(explainBedrockError(throttled)).toBe(throttled);
    const otherDenied = accessDenied("Something else entirely");
    expect(explainBedrockError(otherDenied)).toBe(otherDenied);
    expect(explainBedrockError("oops")).toBe("oops");
    expect(explainBedrockError(undefined)).toBeUndefined();
  });

  it("finds the refusal inside a wrapper's cause", () => {
    const wrapped = new Error("chain failed", {
      cause: new Error("model call failed", {
        cause: accessDenied("Authentication failed: Please make sure your API Key is valid."),
      }),
    });
    const explained = explainBedrockError(wrapped);
    expect(BedrockKeyRejectedError.isInstance(explained)).toBe(true);
    expect((explained as BedrockKeyRejectedError).reason).toBe("EXPIRED_OR_WRONG_REGION");
    const unrelated = new Error("outer", { cause: new Error("inner") });
    expect(explainBedrockError(unrelated)).toBe(unrelated);
  });

  it("returns an already explained error as is", () => {
    const explained = explainBedrockError(
      accessDenied("Invalid API Key format: Must start with pre-defined prefix"),
    );
    expect(explainBedrockError(explained)).toBe(explained);
  });
});
