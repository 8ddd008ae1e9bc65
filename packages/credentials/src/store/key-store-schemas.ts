import { z } from "zod";
import { KeyStoreInputError } from "./errors/key-store-input-error.js";

/** Tenant ids: 1..128 characters, letters, digits and `._:@-`, starting with a letter or digit. */
export const tenantIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/,
    "must be 1-128 letters, digits or ._:@- starting alphanumeric",
  );

/** Fingerprints: the first 8 hex characters of the key's SHA-256. */
export const fingerprintSchema = z.string().regex(/^[0-9a-f]{8}$/, "must be 8 lowercase hex characters");

const optionalDate = z
  .date()
  .refine((date) => !Number.isNaN(date.getTime()), "must be a valid date")
  .optional();

/** Metadata a caller may set on `put` (the key itself is checked separately). */
export const keyMetadataSchema = z
  .object({
    tenantId: tenantIdSchema,
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, "must be an AWS region like us-east-1")
      .optional(),
    expiresAt: optionalDate,
    accountId: z
      .string()
      .regex(/^\d{12}$/, "must be a 12-digit AWS account id")
      .optional(),
    verifiedAt: optionalDate,
  })
  .strict();

/**
 * Parses `value` with `schema`, turning zod's issues into a `KeyStoreInputError` that names each field and the
 * rule it broke but never echoes the value.
 */
export function validate<T>(schema: z.ZodType<T>, value: unknown, label: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new KeyStoreInputError(
    result.error.issues.map((issue) => `${[label, ...issue.path.map(String)].join(".")} ${issue.message}`),
  );
}
