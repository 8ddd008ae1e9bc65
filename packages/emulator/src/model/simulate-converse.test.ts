import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  assistantText,
  CALCULATOR_TOOL,
  CAMEL_ASSISTANT_SYSTEM,
  CAMEL_USER_SYSTEM,
  HAIKU,
  request,
  SEARCH_TOOL,
  SONNET_4,
  TIME_TOOL,
  tools,
  userText,
  WEATHER_TOOL,
} from "./__fixtures__/requests.js";
import { countRequestTokens, estimateTokens } from "./count-tokens.js";
import { simulateConverse } from "./simulate-converse.js";
import type { ContentBlock, Message, ModelOutput } from "./types.js";

const options = { seed: 42, model: HAIKU };

function textOf(output: ModelOutput): string {
  return output.content.map((block) => ("text" in block ? block.text : "")).join("");
}

function toolUses(output: ModelOutput) {
  return output.content.flatMap((block) => ("toolUse" in block ? [block.toolUse] : []));
}

describe("simulateConverse: text", () => {
  it("gives the same output for the same seed and request", () => {
    const input = request([userText("How do I cache prompts in Bedrock?")]);
    expect(simulateConverse(input, options)).toEqual(simulateConverse(structuredClone(input), options));
  });

  it("gives different answers to different questions and, across seeds, varies its phrasing", () => {
    const questions = ["How do rainbows form?", "What is a binary search tree?", "Why is the sky blue?"];
    const answers = questions.map((question) =>
      textOf(simulateConverse(request([userText(question)]), options)),
    );
    expect(new Set(answers).size).toBe(3);
    const bySeed = [1, 2, 3, 4, 5, 6].map((seed) =>
      textOf(simulateConverse(request([userText(questions[0]!)]), { seed, model: HAIKU })),
    );
    expect(new Set(bySeed).size).toBeGreaterThan(1);
  });

  it("answers a short question in 20-80 tokens about its topic, with usage from the produced text", () => {
    const input = request([userText("Explain how photosynthesis converts sunlight into energy")]);
    const output = simulateConverse(input, options);
    expect(output.stopReason).toBe("end_turn");
    const text = textOf(output);
    expect(text.toLowerCase()).toContain("photosynthesis");
    expect(output.usage.outputTokens).toBe(estimateTokens(text));
    expect(output.usage.outputTokens).toBeGreaterThanOrEqual(15);
    expect(output.usage.outputTokens).toBeLessThanOrEqual(100);
    expect(output.usage.inputTokens).toBe(countRequestTokens(input));
    expect(output.usage.totalTokens).toBe(output.usage.inputTokens + output.usage.outputTokens);
    expect(output.usage.cacheReadInputTokens).toBeUndefined();
  });

  it("writes a long answer when asked for one, capped by maxTokens", () => {
    const long = simulateConverse(request([userText("Write 500 tokens about the history of Rome")]), options);
    expect(long.usage.outputTokens).toBeGreaterThanOrEqual(450);
    expect(long.usage.outputTokens).toBeLessThanOrEqual(600);
    const essay = simulateConverse(request([userText("Write an essay on rivers")]), options);
    expect(essay.usage.outputTokens).toBeGreaterThan(200);
    const capped = simulateConverse(
      request([userText("Write 500 tokens about Rome")], { inferenceConfig: { maxTokens: 100 } }),
      options,
    );
    expect(capped.usage.outputTokens).toBe(100);
    expect(capped.stopReason).toBe("max_tokens");
  });

  it("truncates to maxTokens tokens with stopReason max_tokens", () => {
    const output = simulateConverse(
      request([userText("Tell me about volcanoes")], { inferenceConfig: { maxTokens: 5 } }),
      options,
    );
    expect(output.stopReason).toBe("max_tokens");
    expect(textOf(output)).toHaveLength(20);
    expect(output.usage.outputTokens).toBe(5);
  });

  it("cuts before the first stop sequence with stopReason stop_sequence", () => {
    const input = request([userText("Tell me about volcanoes")]);
    const full = textOf(simulateConverse(input, options));
    const output = simulateConverse(
      { ...input, inferenceConfig: { stopSequences: ["zzz-never", "."] } },
      options,
    );
    expect(output.stopReason).toBe("stop_sequence");
    expect(output.stopSequence).toBe(".");
    expect(textOf(output)).toBe(full.slice(0, full.indexOf(".")));
  });

  it("prefers whichever limit comes first: maxTokens before a late stop sequence", () => {
    const input = request([userText("Tell me about volcanoes")], {
      inferenceConfig: { maxTokens: 2, stopSequences: ["."] },
    });
    expect(simulateConverse(input, options).stopReason).toBe("max_tokens");
  });
});

describe("simulateConverse: role-play", () => {
  it("speaks as the AI user with Instruction/Input turns", () => {
    const output = simulateConverse(
      request([userText("Now start to give me instructions one by one.")], {
        system: [{ text: CAMEL_USER_SYSTEM }],
      }),
      options,
    );
    expect(textOf(output)).toMatch(/^Instruction: .+\nInput: .+$/);
    expect(textOf(output)).toContain("trading bot");
  });

  it("speaks as the AI assistant with Solution turns ending in Next request.", () => {
    const output = simulateConverse(
      request([userText("Instruction: Outline the requirements for the bot.\nInput: None")], {
        system: [{ text: CAMEL_ASSISTANT_SYSTEM }],
      }),
      options,
    );
    expect(textOf(output)).toMatch(/^Solution: To outline the requirements for the bot,/);
    expect(textOf(output)).toMatch(/Next request\.$/);
  });

  it("says the termination token once the conversation has had enough turns", () => {
    const turns: Message[] = [userText("Now start to give me instructions one by one.")];
    const system = [{ text: CAMEL_USER_SYSTEM }];
    const said: string[] = [];
    while (turns.length < 9) {
      const reply = textOf(simulateConverse(request(turns, { system }), options));
      said.push(reply);
      turns.push(assistantText(reply), userText(`Solution: done step ${turns.length}. Next request.`));
    }
    expect(said.slice(0, 3).every((reply) => reply.startsWith("Instruction:"))).toBe(true);
    expect(said[3]).toBe("<CAMEL_TASK_DONE>");
    expect(new Set(said.slice(0, 3)).size).toBe(3);
  });

  it("appends a 'say X when done' token to an assistant's answer after enough turns", () => {
    const system = [{ text: "You are a planner. Say FINISHED when the plan is complete." }];
    const short = request([userText("Plan a trip")], { system });
    expect(textOf(simulateConverse(short, options))).not.toContain("FINISHED");
    const long = request(
      [
        userText("Plan a trip"),
        assistantText("a"),
        userText("more"),
        assistantText("b"),
        userText("more"),
        assistantText("c"),
        userText("finish"),
      ],
      { system },
    );
    expect(textOf(simulateConverse(long, options))).toMatch(/FINISHED$/);
  });
});

describe("simulateConverse: tools", () => {
  const schemaOf = (name: string) =>
    z.fromJSONSchema(
      [WEATHER_TOOL, TIME_TOOL, CALCULATOR_TOOL, SEARCH_TOOL].find((tool) => tool.name === name)!.inputSchema
        .json as never,
    );

  it("calls the best-matching tool with input lifted from the text and valid against its schema", () => {
    const output = simulateConverse(
      request([userText("What's the weather like in Paris today?")], {
        toolConfig: tools(CALCULATOR_TOOL, WEATHER_TOOL, SEARCH_TOOL),
      }),
      options,
    );
    expect(output.stopReason).toBe("tool_use");
    const [call, ...rest] = toolUses(output);
    expect(rest).toHaveLength(0);
    expect(call?.name).toBe("get_weather");
    expect(call?.input).toMatchObject({ city: "Paris" });
    expect(schemaOf("get_weather").safeParse(call?.input).success).toBe(true);
    expect(call?.toolUseId).toMatch(/^tooluse_[0-9A-Za-z]{22}$/);
    expect(output.usage.outputTokens).toBeGreaterThan(0);
  });

  it("lifts an arithmetic expression and a query from the text", () => {
    const calc = simulateConverse(
      request([userText("Please calculate 12 * (3 + 4)")], {
        toolConfig: tools(WEATHER_TOOL, CALCULATOR_TOOL),
      }),
      options,
    );
    expect(toolUses(calc)[0]).toMatchObject({ name: "calculator", input: { expression: "12 * (3 + 4)" } });
    const search = simulateConverse(
      request([userText("Search the web for 3 documents about penguins")], {
        toolConfig: tools(WEATHER_TOOL, SEARCH_TOOL),
      }),
      options,
    );
    const input = toolUses(search)[0]?.input as { query: string; max_results: number };
    expect(input.query).toContain("penguins");
    expect(input.max_results).toBe(3);
    expect(schemaOf("search_web").safeParse(input).success).toBe(true);
  });

  it("makes parallel calls with distinct ids when several tools are asked for", () => {
    const output = simulateConverse(
      request([userText("What's the weather in Paris and the time in Tokyo?")], {
        toolConfig: tools(WEATHER_TOOL, TIME_TOOL, CALCULATOR_TOOL),
      }),
      options,
    );
    const calls = toolUses(output);
    expect(calls.map((call) => call.name)).toEqual(["get_weather", "get_time"]);
    expect(calls[0]?.input).toMatchObject({ city: "Paris" });
    expect(calls[1]?.input).toEqual({ city: "Tokyo" });
    expect(new Set(calls.map((call) => call.toolUseId)).size).toBe(2);
  });

  it("still calls a tool under auto when nothing overlaps, and honours toolChoice any and tool", () => {
    const vague = request([userText("Hmm.")], { toolConfig: tools(CALCULATOR_TOOL, WEATHER_TOOL) });
    expect(toolUses(simulateConverse(vague, options))[0]?.name).toBe("calculator");
    const any = request([userText("Is it raining in Oslo?")], {
      toolConfig: { ...tools(CALCULATOR_TOOL, WEATHER_TOOL), toolChoice: { any: {} } },
    });
    expect(toolUses(simulateConverse(any, options))[0]?.name).toBe("get_weather");
    const forced = request([userText("Is it raining in Oslo?")], {
      toolConfig: { ...tools(CALCULATOR_TOOL, WEATHER_TOOL), toolChoice: { tool: { name: "calculator" } } },
    });
    const calls = toolUses(simulateConverse(forced, options));
    expect(calls.map((call) => call.name)).toEqual(["calculator"]);
    expect(schemaOf("calculator").safeParse(calls[0]?.input).success).toBe(true);
  });

  it("answers in text using the tool results", () => {
    const toolUse: ContentBlock = {
      toolUse: { toolUseId: "tooluse_a", name: "get_weather", input: { city: "Paris" } },
    };
    const output = simulateConverse(
      request(
        [
          userText("What's the weather in Paris?"),
          { role: "assistant", content: [toolUse] },
          {
            role: "user",
            content: [
              {
                toolResult: {
                  toolUseId: "tooluse_a",
                  content: [{ text: "18 degrees and sunny" }, { json: { humidity: 40 } }],
                },
              },
            ],
          },
        ],
        { toolConfig: tools(WEATHER_TOOL) },
      ),
      options,
    );
    expect(output.stopReason).toBe("end_turn");
    expect(toolUses(output)).toHaveLength(0);
    expect(textOf(output)).toContain("18 degrees and sunny");
    expect(textOf(output)).toContain('{"humidity":40}');
    expect(textOf(output)).toContain("get_weather");
  });
});

describe("simulateConverse: structured output, reasoning, cache points", () => {
  it("answers JSON valid against outputConfig's JSON schema", () => {
    const schema = {
      type: "object",
      properties: {
        title: { type: "string", minLength: 3 },
        rating: { type: "integer", minimum: 1, maximum: 5 },
        tags: { type: "array", items: { type: "string" }, minItems: 1 },
      },
      required: ["title", "rating", "tags"],
      additionalProperties: false,
    };
    const output = simulateConverse(
      request([userText("Review the movie Inception and rate it 4")], {
        outputConfig: {
          textFormat: {
            type: "json_schema",
            structure: { jsonSchema: { schema: JSON.stringify(schema), name: "review" } },
          },
        },
      }),
      options,
    );
    const parsed = JSON.parse(textOf(output)) as unknown;
    expect(z.fromJSONSchema(schema as never).safeParse(parsed).success).toBe(true);
    expect(parsed).toMatchObject({ rating: 4 });
  });

  it("puts a signed reasoning block first when thinking is enabled on a reasoning model", () => {
    const thinking = { thinking: { type: "enabled", budget_tokens: 1024 } };
    const input = request([userText("Why do cats purr?")], {
      modelId: SONNET_4.modelId,
      additionalModelRequestFields: thinking,
    });
    const output = simulateConverse(input, { seed: 42, model: SONNET_4 });
    const first = output.content[0];
    expect(first !== undefined && "reasoningContent" in first).toBe(true);
    const reasoning = (first as { reasoningContent: { reasoningText: { text: string; signature: string } } })
      .reasoningContent.reasoningText;
    expect(reasoning.text.length).toBeGreaterThan(10);
    expect(reasoning.signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(simulateConverse(input, { seed: 42, model: SONNET_4 })).toEqual(output);
    expect(output.content[1]).toHaveProperty("text");
    expect(output.usage.outputTokens).toBe(estimateTokens(reasoning.text) + estimateTokens(textOf(output)));
    // Nova-style reasoning_config too, and nothing on a model that cannot think.
    const nova = request([userText("Why?")], {
      modelId: SONNET_4.modelId,
      additionalModelRequestFields: { reasoning_config: { type: "enabled" } },
    });
    expect(simulateConverse(nova, { seed: 1, model: SONNET_4 }).content[0]).toHaveProperty(
      "reasoningContent",
    );
    const haiku = simulateConverse(
      request([userText("Why do cats purr?")], { additionalModelRequestFields: thinking }),
      options,
    );
    expect(haiku.content.some((block) => "reasoningContent" in block)).toBe(false);
  });

  it("writes the prefix before the last cache point once, then reads it", () => {
    const cache = new Set<string>();
    const longSystem = "You are a meticulous assistant. ".repeat(50);
    const build = (question: string) =>
      request([userText(question)], { system: [{ text: longSystem }, { cachePoint: { type: "default" } }] });
    const prefixTokens = estimateTokens(longSystem);
    const first = simulateConverse(build("What is a monad?"), { ...options, promptCache: cache });
    expect(first.usage.cacheWriteInputTokens).toBe(prefixTokens);
    expect(first.usage.cacheReadInputTokens).toBe(0);
    expect(first.usage.inputTokens).toBe(countRequestTokens(build("What is a monad?")) - prefixTokens);
    const second = simulateConverse(build("What is a functor?"), { ...options, promptCache: cache });
    expect(second.usage.cacheReadInputTokens).toBe(prefixTokens);
    expect(second.usage.cacheWriteInputTokens).toBe(0);
    expect(second.usage.totalTokens).toBe(
      second.usage.inputTokens + second.usage.outputTokens + prefixTokens,
    );
    // Another prefix is another cache entry.
    const other = request([userText("Hi")], {
      system: [{ text: "Different." }, { cachePoint: { type: "default" } }],
    });
    expect(simulateConverse(other, { ...options, promptCache: cache }).usage.cacheWriteInputTokens).toBe(3);
  });
});

describe("simulateConverse: more conversation shapes", () => {
  it("calls one tool once per place when several are asked for", () => {
    const output = simulateConverse(
      request([userText("Compare the weather in Paris and Oslo")], {
        toolConfig: tools(WEATHER_TOOL, CALCULATOR_TOOL),
      }),
      options,
    );
    expect(toolUses(output).map((call) => call.input)).toEqual([
      expect.objectContaining({ city: "Paris" }),
      expect.objectContaining({ city: "Oslo" }),
    ]);
  });

  it("continues an assistant prefill about the user's topic", () => {
    const output = simulateConverse(
      request([userText("Describe glaciers"), assistantText("Glaciers are")]),
      options,
    );
    expect(textOf(output).toLowerCase()).toContain("glaciers");
  });

  it("answers JSON when the prompt asks for JSON, following a schema shown in the prompt", () => {
    const plain = simulateConverse(
      request([userText("List two fruits")], { system: [{ text: "Respond only with valid JSON." }] }),
      options,
    );
    expect(JSON.parse(textOf(plain))).toHaveProperty("answer");
    const schema = {
      type: "object",
      properties: { name: { type: "string" }, age: { type: "integer", minimum: 0 } },
      required: ["name", "age"],
    };
    const instructions =
      "The output should be formatted as a JSON instance that conforms to the JSON schema below.\n```json\n" +
      JSON.stringify(schema) +
      "\n```";
    const shaped = simulateConverse(
      request([userText(`Extract the person: Maria is 34.\n${instructions}`)]),
      options,
    );
    const parsed = JSON.parse(textOf(shaped)) as unknown;
    expect(z.fromJSONSchema(schema as never).safeParse(parsed).success).toBe(true);
    expect(parsed).toEqual({ name: "Maria", age: 34 });
  });

  it("reports invalid structured-output schemas as model input errors", () => {
    const input = request([userText("x")], {
      outputConfig: {
        textFormat: { type: "json_schema", structure: { jsonSchema: { schema: "{not json" } } },
      },
    });
    expect(() => simulateConverse(input, options)).toThrowError(/JSON schema/);
  });

  it("keeps tool calls whole: a call that does not fit maxTokens stops with max_tokens and no toolUse", () => {
    const output = simulateConverse(
      request([userText("Weather in Paris?")], {
        toolConfig: tools(WEATHER_TOOL),
        inferenceConfig: { maxTokens: 2 },
      }),
      options,
    );
    expect(output.stopReason).toBe("max_tokens");
    expect(toolUses(output)).toHaveLength(0);
    expect(output.usage.outputTokens).toBe(2);
  });
});

describe("simulateConverse: follow-ups", () => {
  it("keeps the earlier topic when the follow-up names none", () => {
    const output = simulateConverse(
      request([
        userText("Explain how volcanoes erupt"),
        assistantText("Magma rises."),
        userText("Tell me more"),
      ]),
      options,
    );
    expect(textOf(output).toLowerCase()).toContain("volcanoes");
  });
});

describe("simulateConverse: agent prompts", () => {
  it("answers a JSON-only prompt in the shape of the example it shows, naming listed workers", () => {
    const prompt = [
      "Task: Write a market report on coffee prices",
      "Workers:\n- researcher: finds facts\n- writer: writes reports",
      "Decompose the task into 1-8 self-contained subtasks.",
      'Reply with JSON only: {"subtasks":[{"id":"short-id","description":"...","dependsOn":["other-id"],"worker":"worker name"}]}',
    ].join("\n\n");
    const output = simulateConverse(
      request([userText(prompt)], { system: [{ text: "You are a coordinator." }] }),
      options,
    );
    const plan = JSON.parse(textOf(output)) as { subtasks: Array<Record<string, unknown>> };
    expect(plan.subtasks).toEqual([
      { id: "1", description: expect.any(String), dependsOn: [], worker: "researcher" },
      { id: "2", description: expect.any(String), dependsOn: [], worker: "writer" },
    ]);
    expect(plan.subtasks[0]?.description).not.toBe(plan.subtasks[1]?.description);
  });
});

describe("simulateConverse: CAMEL meta-prompts", () => {
  it("sharpens a task for a task specifier", () => {
    const prompt =
      "Here is a task that Python Programmer will help Stock Trader to complete: Develop a trading bot.\n" +
      "Please make it more specific. Be creative and imaginative.\nPlease reply with the specified task in 50 words or less.";
    const text = textOf(simulateConverse(request([userText(prompt)]), options));
    expect(text).toMatch(/^Develop a trading bot, /);
  });

  it("picks an option for a critic", () => {
    const prompt =
      "Python Programmer proposes the following options. Choose the one that best advances the task.\n\n" +
      'Option 1:\nSolution: a\n\nOption 2:\nSolution: b\n\nReply with "Option N" for the option you choose.';
    expect(textOf(simulateConverse(request([userText(prompt)]), options))).toMatch(/^Option [12]\. /);
  });
});
