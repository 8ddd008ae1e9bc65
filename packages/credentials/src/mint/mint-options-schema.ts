import { z } from "zod";

const credentials = z.custom<unknown>(
  (value) => typeof value === "function" || (typeof value === "object" && value !== null),
  "expected AWS credentials or a provider of them",
);
const clock = z.custom<() => Date>(
  (value) => typeof value === "function",
  "expected a function returning a Date",
);

/** Strict shape of `mintShortTermKey` options (ranges are checked with their own messages). */
export const mintOptionsSchema = z.strictObject({
  credentials,
  region: z.string(),
  expiresInSeconds: z.number().optional(),
  now: z.date().optional(),
});

/** Strict shape of `fromAwsCredentials` options. */
export const fromAwsCredentialsOptionsSchema = z.strictObject({
  credentials: credentials.optional(),
  region: z.string(),
  expiresInSeconds: z.number().optional(),
  refreshBeforeSeconds: z.number().optional(),
  now: clock.optional(),
});
