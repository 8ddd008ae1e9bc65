import { z } from "zod";

const usage = z
  .strictObject({
    inputTokens: z.number().int().min(0).optional(),
    outputTokens: z.number().int().min(0).optional(),
    totalTokens: z.number().int().min(0).optional(),
    cacheReadInputTokens: z.number().int().min(0).optional(),
    cacheWriteInputTokens: z.number().int().min(0).optional(),
  })
  .optional();

/** Strict schema of one {@link ScriptedResponse}, so a typo in a test fails at `script()` rather than later. */
export const scriptedResponseSchema = z.union([
  z.strictObject({
    text: z.string(),
    stopReason: z
      .enum([
        "end_turn",
        "tool_use",
        "max_tokens",
        "stop_sequence",
        "guardrail_intervened",
        "content_filtered",
        "malformed_model_output",
        "malformed_tool_use",
        "model_context_window_exceeded",
      ])
      .optional(),
    usage,
  }),
  z.strictObject({
    toolCalls: z
      .array(
        z.strictObject({
          name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/),
          input: z.unknown(),
          toolUseId: z
            .string()
            .regex(/^[a-zA-Z0-9_-]{1,64}$/)
            .optional(),
        }),
      )
      .min(1),
    text: z.string().optional(),
    usage,
  }),
  z.strictObject({
    error: z.enum([
      "throttling",
      "serviceUnavailable",
      "internalServer",
      "modelNotReady",
      "modelTimeout",
      "validation",
      "accessDenied",
      "midStreamError",
      "connectionReset",
    ]),
    message: z.string().optional(),
    midStream: z.boolean().optional(),
  }),
]);

/** Strict schema of the `responses` argument of `emulator.script()`. */
export const scriptedResponsesSchema = z.array(scriptedResponseSchema);
