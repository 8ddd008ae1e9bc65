import {
  BedrockKeyRejectedError,
  type BedrockKeyRejectionReason,
} from "../errors/bedrock-key-rejected-error.js";
import { scrubKeyMaterial } from "../key/scrub-key-material.js";

interface Rule {
  reason: BedrockKeyRejectionReason;
  test: RegExp;
  summary: string;
  remediation: string;
}

// Order matters: a model-level refusal and an explicit deny both say "is not authorized to perform".
const RULES: Rule[] = [
  {
    reason: "INVALID_KEY",
    test: /Invalid API Key format|Must start with pre-defined prefix/i,
    summary: "Bedrock did not recognise the key's format",
    remediation:
      "Send the key exactly as issued (it starts with ABSK or bedrock-api-key-); run it through parseBedrockApiKey to see what is wrong.",
  },
  {
    reason: "EXPIRED_OR_WRONG_REGION",
    test: /Authentication failed|make sure your API Key is valid/i,
    summary:
      "Bedrock says the key is not valid: it is expired, revoked or inactive, or used outside its region",
    remediation:
      "Check in the IAM console that the key is Active and not expired; a short-term key works only in the region it was minted for, so mint a new one there.",
  },
  {
    reason: "MODEL_ACCESS_DENIED",
    test: /access to the model|model access|not authorized to perform:?\s*bedrock:(?!CallWithBearerToken)\w+/i,
    summary: "the key works but may not call this model",
    remediation:
      "Enable the model under 'Model access' in the Bedrock console for this account and region, and allow bedrock:InvokeModel on it for the key's identity.",
  },
  {
    reason: "DENIED_BY_POLICY",
    test: /explicit deny/i,
    summary:
      "an explicit Deny in an IAM policy, permissions boundary or service control policy blocks the key",
    remediation:
      "Ask your AWS administrator to lift the Deny on bedrock:CallWithBearerToken (it may target bedrock:BearerTokenType) for this identity.",
  },
  {
    reason: "MISSING_PERMISSION",
    test: /not authorized to perform:?\s*bedrock:CallWithBearerToken/i,
    summary: "the key's IAM identity may not use API keys (bedrock:CallWithBearerToken)",
    remediation:
      "Attach a policy allowing bedrock:CallWithBearerToken (for example AmazonBedrockLimitedAccess) to the key's IAM user or role.",
  },
];

interface ServiceErrorShape {
  name?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown; requestId?: unknown; attempts?: unknown };
}

/** A copy of the SDK error with only its name, scrubbed message and metadata — no request, no response. */
function safeCause(error: ServiceErrorShape, message: string): Error {
  const cause = new Error(message);
  cause.name = typeof error.name === "string" ? error.name : "Error";
  const metadata = error.$metadata;
  if (metadata !== undefined) {
    Object.defineProperty(cause, "$metadata", {
      value: {
        httpStatusCode: metadata.httpStatusCode,
        requestId: metadata.requestId,
        attempts: metadata.attempts,
      },
      enumerable: true,
    });
  }
  return cause;
}

/**
 * Turns Bedrock's 403 refusals of a key into a {@link BedrockKeyRejectedError} whose `reason` says why and
 * whose `remediation` says what to do — also when a wrapper keeps the SDK error as its `cause`. Anything else is
 * returned unchanged, so it can wrap every catch.
 * The result's `cause` is a clean copy of the SDK error (name, message, `$metadata`) without the raw request or
 * response, so no `Authorization` header can travel with it.
 *
 * @example
 * ```ts
 * try {
 *   await client.send(new ConverseCommand(input));
 * } catch (error) {
 *   throw explainBedrockError(error); // BedrockKeyRejectedError { reason: "EXPIRED_OR_WRONG_REGION", … }
 * }
 * ```
 */
export function explainBedrockError(error: unknown): unknown {
  // Wrappers (LangChain, retry helpers) often keep the SDK error as `cause`: look a few levels down.
  let candidate: unknown = error;
  for (let depth = 0; depth < 4 && typeof candidate === "object" && candidate !== null; depth += 1) {
    if (BedrockKeyRejectedError.isInstance(candidate)) return candidate;
    const explained = explainServiceError(candidate as ServiceErrorShape);
    if (explained !== undefined) return explained;
    candidate = (candidate as { cause?: unknown }).cause;
  }
  return error;
}

function explainServiceError(shape: ServiceErrorShape): BedrockKeyRejectedError | undefined {
  const status = shape.$metadata?.httpStatusCode;
  const isAccessDenied = shape.name === "AccessDeniedException" || status === 403;
  if (!isAccessDenied || typeof shape.message !== "string") return undefined;
  const message = scrubKeyMaterial(shape.message);
  const rule = RULES.find((candidate) => candidate.test.test(message));
  if (rule === undefined) return undefined;
  const requestId = typeof shape.$metadata?.requestId === "string" ? shape.$metadata.requestId : undefined;
  return new BedrockKeyRejectedError(
    `Bedrock refused the API key (${rule.reason}): ${rule.summary}. ${rule.remediation}` +
      (requestId !== undefined ? ` (request id ${requestId})` : ""),
    {
      reason: rule.reason,
      remediation: rule.remediation,
      cause: safeCause(shape, message),
      ...(typeof status === "number" ? { statusCode: status } : {}),
      ...(requestId !== undefined ? { requestId } : {}),
    },
  );
}
