import type { ModelInfo } from "./types.js";

/** Cross-region and global inference-profile prefixes Bedrock puts in front of a foundation model id. */
const PROFILE_PREFIX = /^(?:us|eu|apac|global|us-gov|ca|jp|au)\./;
/** `arn:<partition>:bedrock:<region>:<account?>:<resource-type>/<resource>`. */
const BEDROCK_ARN = /^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\d*:(foundation-model|inference-profile)\/(.+)$/;

const indexes = new WeakMap<readonly ModelInfo[], Map<string, ModelInfo>>();

function indexOf(models: readonly ModelInfo[]): Map<string, ModelInfo> {
  let index = indexes.get(models);
  if (index === undefined || index.size !== models.length) {
    index = new Map(models.map((model) => [model.modelId, model]));
    indexes.set(models, index);
  }
  return index;
}

/**
 * Resolves the (already percent-decoded) `modelId` of a request path to a catalog model: a plain id, an
 * inference-profile id (`us.`, `eu.`, `apac.`, `global.` + id), a foundation-model ARN or an inference-profile ARN.
 * Returns `undefined` for anything else; the caller answers "The provided model identifier is invalid."
 *
 * @example
 * ```ts
 * resolveModelId("us.anthropic.claude-3-5-haiku-20241022-v1:0", DEFAULT_MODELS)?.modelId;
 * // => "anthropic.claude-3-5-haiku-20241022-v1:0"
 * ```
 */
export function resolveModelId(rawDecodedId: string, models: readonly ModelInfo[]): ModelInfo | undefined {
  const index = indexOf(models);
  const direct = index.get(rawDecodedId);
  if (direct !== undefined) return direct;
  let id = rawDecodedId;
  let fromProfileArn = false;
  const arn = BEDROCK_ARN.exec(id);
  if (arn !== null) {
    id = arn[2] as string;
    fromProfileArn = arn[1] === "inference-profile";
    const viaArn = index.get(id);
    // A foundation-model ARN names the model itself; an inference-profile ARN must carry a profile prefix.
    if (viaArn !== undefined && !fromProfileArn) return viaArn;
  }
  const prefix = PROFILE_PREFIX.exec(id);
  if (prefix === null) return undefined;
  return index.get(id.slice(prefix[0].length));
}
