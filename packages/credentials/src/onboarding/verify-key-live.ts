import {
  type BedrockRuntimeClient,
  ConverseCommand,
  CountTokensCommand,
  type Message,
} from "@aws-sdk/client-bedrock-runtime";
import { explainBedrockError } from "../client/explain-bedrock-error.js";
import { BedrockKeyRejectedError } from "../errors/bedrock-key-rejected-error.js";
import { scrubKeyMaterial } from "../key/scrub-key-material.js";
import { OnboardingVerificationError } from "./errors/onboarding-verification-error.js";

/** Models tried, in order, when no `probeModel` is given: cheap, widely enabled, on demand. */
export const DEFAULT_PROBE_MODELS = [
  "amazon.nova-lite-v1:0",
  "anthropic.claude-3-5-haiku-20241022-v1:0",
  "meta.llama3-1-8b-instruct-v1:0",
] as const;

/** What proved the key, and which probe models refused it. */
export interface LiveVerification {
  verifiedWith: { operation: "CountTokens" | "Converse"; modelId: string };
  deniedModels: string[];
}

const PROBE_MESSAGES: Message[] = [{ role: "user", content: [{ text: "ping" }] }];

/**
 * Proves a key with the cheapest call Bedrock accepts: CountTokens (free), else Converse with `maxTokens: 1`
 * (when the model or the identity does not support CountTokens). A key-level refusal (invalid, expired or wrong
 * region, missing `bedrock:CallWithBearerToken`, denied by policy) fails at once; a model-level refusal moves on
 * to the next candidate model. Failures are `OnboardingVerificationError`s carrying `explainBedrockError`'s
 * reason and remediation.
 *
 * @example
 * ```ts
 * const { verifiedWith } = await verifyKeyLive(client, { tenantId: "acme", fingerprint: key.fingerprint });
 * ```
 */
export async function verifyKeyLive(
  client: BedrockRuntimeClient,
  options: {
    tenantId: string;
    fingerprint: string;
    probeModels?: readonly string[];
    /** Ends every probe; once it fires, verification stops as `UNVERIFIED`. */
    abortSignal?: AbortSignal;
  },
): Promise<LiveVerification> {
  const { abortSignal, probeModels = DEFAULT_PROBE_MODELS } = options;
  const context = { tenantId: options.tenantId, fingerprint: options.fingerprint };
  const sendOptions = abortSignal === undefined ? {} : { abortSignal };
  const deniedModels: string[] = [];
  let lastError: unknown;
  let lastRejection: BedrockKeyRejectedError | undefined;
  for (const modelId of probeModels) {
    try {
      await client.send(
        new CountTokensCommand({ modelId, input: { converse: { messages: PROBE_MESSAGES } } }),
        sendOptions,
      );
      return { verifiedWith: { operation: "CountTokens", modelId }, deniedModels };
    } catch (error) {
      failOnKeyRejection(error, context, modelId);
      if (abortSignal?.aborted) throw unverified(context, error);
    }
    try {
      await client.send(
        new ConverseCommand({ modelId, messages: PROBE_MESSAGES, inferenceConfig: { maxTokens: 1 } }),
        sendOptions,
      );
      return { verifiedWith: { operation: "Converse", modelId }, deniedModels };
    } catch (error) {
      failOnKeyRejection(error, context, modelId);
      const explained = explainBedrockError(error);
      if (BedrockKeyRejectedError.isInstance(explained)) {
        deniedModels.push(modelId);
        lastRejection = explained;
      }
      lastError = explained;
      if (abortSignal?.aborted) throw unverified(context, error);
    }
  }
  if (lastRejection !== undefined) {
    throw new OnboardingVerificationError(
      `The key is valid but may not call ${deniedModels.join(", ")}. ${lastRejection.remediation}`,
      {
        ...context,
        reason: "MODEL_ACCESS_DENIED",
        remediation: lastRejection.remediation,
        cause: lastRejection,
      },
    );
  }
  throw unverified(context, lastError);
}

/** Throws at once when Bedrock refused the key itself (rather than one model). */
function failOnKeyRejection(
  error: unknown,
  context: { tenantId: string; fingerprint: string },
  modelId: string,
) {
  const explained = explainBedrockError(error);
  if (!BedrockKeyRejectedError.isInstance(explained) || explained.reason === "MODEL_ACCESS_DENIED") return;
  throw new OnboardingVerificationError(
    `Bedrock refused the key ${context.fingerprint} (${explained.reason}). ${explained.remediation}`,
    { ...context, modelId, reason: explained.reason, remediation: explained.remediation, cause: explained },
  );
}

function unverified(
  context: { tenantId: string; fingerprint: string },
  error: unknown,
): OnboardingVerificationError {
  const shape = (typeof error === "object" && error !== null ? error : {}) as {
    name?: unknown;
    message?: unknown;
  };
  const cause = new Error(
    scrubKeyMaterial(typeof shape.message === "string" ? shape.message : String(error)),
  );
  cause.name = typeof shape.name === "string" ? shape.name : "Error";
  const remediation =
    "Bedrock gave no usable answer for any probe model; check the endpoint and region, pass a probeModel that is " +
    "available in the key's region, or try again later.";
  return new OnboardingVerificationError(
    `The key ${context.fingerprint} could not be verified (${cause.name}). ${remediation}`,
    {
      ...context,
      reason: "UNVERIFIED",
      remediation,
      cause,
    },
  );
}
