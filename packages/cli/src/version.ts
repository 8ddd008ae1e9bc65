/**
 * The version of `@bedrock-keys/cli`, printed by `bedrock-keys --version`.
 *
 * @example
 * ```ts
 * console.log(CLI_VERSION); // "0.1.0"
 * ```
 */
export const CLI_VERSION = "0.1.0";
