import { createHash } from "node:crypto";
import type { ContentBlock, ModelOutput, ModelRequest } from "../model/types.js";
import { countRequestTokens, estimateTokens } from "../operations/model-api.js";
import type { ScriptedResponse } from "./scripted-response.js";

/**
 * Turns a scripted text or tool-call reply into a model output with plausible usage (overridable).
 *
 * @example
 * ```ts
 * scriptedOutput({ text: "Hi" }, request).stopReason // => "end_turn"
 * ```
 */
export function scriptedOutput(
  response: Exclude<ScriptedResponse, { error: unknown }>,
  request: ModelRequest,
): ModelOutput {
  const content: ContentBlock[] = [];
  let stopReason: ModelOutput["stopReason"];
  if ("toolCalls" in response) {
    if (response.text !== undefined) content.push({ text: response.text });
    response.toolCalls.forEach((call, index) => {
      const toolUseId =
        call.toolUseId ??
        `tooluse_${createHash("sha256")
          .update(`${JSON.stringify(request.messages.length)}:${index}:${call.name}`)
          .digest("base64url")
          .slice(0, 22)}`;
      content.push({ toolUse: { toolUseId, name: call.name, input: call.input } });
    });
    stopReason = "tool_use";
  } else {
    content.push({ text: response.text });
    stopReason = response.stopReason ?? "end_turn";
  }
  let outputTokens = 0;
  for (const block of content) {
    if ("text" in block) outputTokens += estimateTokens(block.text);
    if ("toolUse" in block) outputTokens += estimateTokens(JSON.stringify(block.toolUse.input ?? {})) + 4;
  }
  const inputTokens = response.usage?.inputTokens ?? countRequestTokens(request);
  outputTokens = response.usage?.outputTokens ?? outputTokens;
  return {
    content,
    stopReason,
    usage: {
      inputTokens,
      outputTokens,
      totalTokens: response.usage?.totalTokens ?? inputTokens + outputTokens,
      ...(response.usage?.cacheReadInputTokens === undefined
        ? {}
        : { cacheReadInputTokens: response.usage.cacheReadInputTokens }),
      ...(response.usage?.cacheWriteInputTokens === undefined
        ? {}
        : { cacheWriteInputTokens: response.usage.cacheWriteInputTokens }),
    },
  };
}
