import { z } from "zod";
import { HttpError } from "./http-error.js";

const schema = z.strictObject({
  tenantId: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
      "letters, digits, '.', '_' or '-', at most 64, starting alphanumeric",
    ),
  key: z.string().max(8192),
});

/**
 * The body of `POST /api/onboard`.
 *
 * @example
 * ```ts
 * const body: OnboardRequest = { tenantId: "acme", key: pasted };
 * ```
 */
export type OnboardRequest = z.infer<typeof schema>;

/**
 * Validates the JSON body of `POST /api/onboard`: `{ tenantId, key }` and nothing else. A schema failure names the
 * offending field but never echoes its value.
 *
 * @example
 * ```ts
 * const { tenantId, key } = parseOnboardRequest(await readJsonBody(request, limit));
 * ```
 */
export function parseOnboardRequest(body: unknown): OnboardRequest {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const fields = [...new Set(result.error.issues.map((issue) => issue.path.join(".") || "body"))];
  throw new HttpError(400, "INVALID_REQUEST", `Invalid request: check ${fields.join(", ")}.`);
}
