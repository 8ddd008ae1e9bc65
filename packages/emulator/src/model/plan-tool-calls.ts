import { chooseTools } from "./choose-tools.js";
import { estimateTokens } from "./count-tokens.js";
import { extractValues } from "./extract-values.js";
import { createRandom, hashNumber, randomBase62 } from "./hash.js";
import { synthesizeFromSchema } from "./synthesize-from-schema.js";
import type { ContentBlock, ModelRequest, ToolSpec } from "./types.js";

/** The toolUse blocks the model emits and the output tokens they cost. */
export interface PlannedToolCalls {
  blocks: ContentBlock[];
  tokens: number;
}

/**
 * The tool specs offered by a request (cache points in `tools` skipped).
 *
 * @example
 * ```ts
 * toolSpecs(request).map((spec) => spec.name);
 * ```
 */
export function toolSpecs(request: ModelRequest): ToolSpec[] {
  const specs: ToolSpec[] = [];
  for (const tool of request.toolConfig?.tools ?? []) if ("toolSpec" in tool) specs.push(tool.toolSpec);
  return specs;
}

/**
 * The toolUse blocks answering the user's last text: the chosen tools, each with an input synthesized from its
 * schema and the text, and a deterministic `tooluse_<22 base62>` id derived from the conversation hash.
 *
 * @example
 * ```ts
 * planToolCalls(request, "Weather in Paris?", conversationHash(request, 42)).blocks;
 * // => [{ toolUse: { toolUseId: "tooluse_…", name: "get_weather", input: { city: "Paris" } } }]
 * ```
 */
export function planToolCalls(request: ModelRequest, userText: string, hash: number): PlannedToolCalls {
  const blocks: ContentBlock[] = [];
  let tokens = 0;
  const entities = extractValues(userText).properNouns;
  const picks = chooseTools(toolSpecs(request), userText, request.toolConfig?.toolChoice, entities);
  picks.forEach((pick, index) => {
    const random = createRandom(hashNumber(index + 2, hash));
    const values = extractValues(pick.clause);
    if (pick.focus !== undefined) values.properNouns = [pick.focus];
    const synthesized = synthesizeFromSchema(pick.spec.inputSchema?.json, { values, random });
    // Bedrock's toolUse input is always a JSON object, whatever the schema allows.
    const input =
      typeof synthesized === "object" && synthesized !== null && !Array.isArray(synthesized)
        ? synthesized
        : {};
    blocks.push({
      toolUse: { toolUseId: `tooluse_${randomBase62(random, 22)}`, name: pick.spec.name, input },
    });
    tokens += estimateTokens(pick.spec.name + JSON.stringify(input));
  });
  return { blocks, tokens };
}
