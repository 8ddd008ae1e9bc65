/**
 * Bedrock's own refusal messages for bearer keys (HTTP 403), as seen in the wild. See BEDROCK-FACTS.md, "Keys".
 */
export const AUTH_MESSAGES = {
  invalidFormat: "Invalid API Key format: Must start with pre-defined prefix",
  authenticationFailed: "Authentication failed: Please make sure your API Key is valid.",
  missingToken: "Missing Authentication Token",
  sigv4Unsupported: "The security token included in the request is invalid.",
} as const;

/**
 * The message for a principal that may not call `bedrock:CallWithBearerToken`.
 *
 * @example
 * ```ts
 * callWithBearerTokenDenied("arn:aws:iam::123456789012:user/alice", "scp");
 * ```
 */
export function callWithBearerTokenDenied(principalArn: string, reason: "scp" | "no-policy"): string {
  const suffix =
    reason === "scp"
      ? "with an explicit deny in a service control policy"
      : "because no identity-based policy allows the action";
  return `User: ${principalArn} is not authorized to perform: bedrock:CallWithBearerToken on resource: * ${suffix}`;
}

/**
 * The message for a principal whose policy does not cover the model it called.
 *
 * @example
 * ```ts
 * modelAccessDenied("arn:aws:iam::123456789012:user/alice", "bedrock:InvokeModel", "us-east-1", "amazon.nova-lite-v1:0");
 * ```
 */
export function modelAccessDenied(
  principalArn: string,
  action: string,
  region: string,
  modelId: string,
): string {
  return (
    `User: ${principalArn} is not authorized to perform: ${action} on resource: ` +
    `arn:aws:bedrock:${region}::foundation-model/${modelId} because no identity-based policy allows the ${action} action`
  );
}
