import { z } from "zod";

const base64 = z.string();
const toolResultPart = z.looseObject({
  text: z.string().optional(),
  json: z.unknown().optional(),
  image: z.unknown().optional(),
  document: z.unknown().optional(),
});

const contentBlock = z.union([
  z.looseObject({ text: z.string() }),
  z.looseObject({
    toolUse: z.looseObject({
      toolUseId: z
        .string()
        .min(1)
        .max(64)
        .regex(/^[a-zA-Z0-9_-]+$/),
      name: z.string().min(1).max(64),
      input: z.unknown(),
    }),
  }),
  z.looseObject({
    toolResult: z.looseObject({
      toolUseId: z
        .string()
        .min(1)
        .max(64)
        .regex(/^[a-zA-Z0-9_-]+$/),
      content: z.array(toolResultPart),
      status: z.enum(["success", "error"]).optional(),
    }),
  }),
  z.looseObject({
    image: z.looseObject({
      format: z.enum(["png", "jpeg", "gif", "webp"]),
      source: z.looseObject({ bytes: base64.optional(), s3Location: z.unknown().optional() }),
    }),
  }),
  z.looseObject({
    document: z.looseObject({
      format: z.enum(["pdf", "csv", "doc", "docx", "xls", "xlsx", "html", "txt", "md"]),
      name: z.string().min(1).max(200),
      source: z.looseObject({ bytes: base64.optional(), text: z.string().optional() }),
    }),
  }),
  z.looseObject({ video: z.looseObject({ format: z.string(), source: z.unknown() }) }),
  z.looseObject({
    reasoningContent: z.looseObject({
      reasoningText: z.looseObject({ text: z.string(), signature: z.string().optional() }).optional(),
      redactedContent: base64.optional(),
    }),
  }),
  z.looseObject({ cachePoint: z.looseObject({ type: z.literal("default") }) }),
  z.looseObject({ guardContent: z.unknown() }),
  z.looseObject({ citationsContent: z.unknown() }),
]);

const systemBlock = z.union([
  z.looseObject({ text: z.string().min(1) }),
  z.looseObject({ cachePoint: z.looseObject({ type: z.literal("default") }) }),
  z.looseObject({ guardContent: z.unknown() }),
]);

const toolSpec = z.looseObject({
  name: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-zA-Z0-9_-]+$/),
  description: z.string().min(1).optional(),
  inputSchema: z.looseObject({ json: z.record(z.string(), z.unknown()) }),
});

/**
 * The Converse / ConverseStream request body, with the constraints of the Converse API reference
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html). Unknown members are kept,
 * as the service ignores them.
 */
export const converseRequestSchema = z.looseObject({
  messages: z
    .array(
      z.looseObject({
        role: z.enum(["user", "assistant"]),
        content: z.array(contentBlock),
      }),
    )
    .optional(),
  system: z.array(systemBlock).optional(),
  inferenceConfig: z
    .looseObject({
      maxTokens: z.number().int().min(1).optional(),
      temperature: z.number().min(0).max(1).optional(),
      topP: z.number().min(0).max(1).optional(),
      stopSequences: z.array(z.string().min(1)).max(2500).optional(),
    })
    .optional(),
  toolConfig: z
    .looseObject({
      tools: z
        .array(z.union([z.looseObject({ toolSpec }), z.looseObject({ cachePoint: z.unknown() })]))
        .min(1),
      toolChoice: z
        .union([
          z.looseObject({ auto: z.looseObject({}) }),
          z.looseObject({ any: z.looseObject({}) }),
          z.looseObject({ tool: z.looseObject({ name: z.string().min(1).max(64) }) }),
        ])
        .optional(),
    })
    .optional(),
  additionalModelRequestFields: z.record(z.string(), z.unknown()).optional(),
  outputConfig: z.unknown().optional(),
});

/** A body that passed the schema (before the cross-field checks). */
export type ConverseRequestBody = z.infer<typeof converseRequestSchema>;
