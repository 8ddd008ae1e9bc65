/**
 * Fake key material for the bench: nothing here is a real credential, and nothing leaves loopback.
 */
export const benchRegion = "us-east-1";

/** Static fake IAM credentials (the format of AWS's documentation examples). */
export const fakeCredentials = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};

/** A console-style long-term key for a made-up user and account. */
export const fakeLongTermKey = `ABSK${Buffer.from(
  `BedrockAPIKey-b3nc-at-123456789012:${"Zm9vYmFyYmF6cXV4".repeat(4)}+benchOnly=`,
).toString("base64")}`;

/** The model every chat benchmark talks to; the emulator's default catalog has it. */
export const benchModel = "anthropic.claude-3-5-haiku-20241022-v1:0";
