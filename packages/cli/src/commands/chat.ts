import { createInterface } from "node:readline";
import { AIMessageChunk, type BaseMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";
import { exitCodeForError } from "../errors/exit-code-for-error.js";
import { reportError } from "../errors/report-error.js";
import { ExitCode } from "../exit-codes.js";
import { createStyle } from "../format/create-style.js";
import type { CliIo } from "../io/cli-io.js";
import { type ModelTargetOptions, resolveModelTarget } from "../runs/resolve-model-target.js";

/**
 * Options of `bedrock-keys chat`.
 *
 * @example
 * ```ts
 * const options: ChatOptions = { tenant: "acme", system: "Answer in one sentence." };
 * ```
 */
export interface ChatOptions extends ModelTargetOptions {
  tenant: string;
  system?: string;
}

/**
 * `bedrock-keys chat --tenant T`: an interactive chat through `ChatBedrockKey` on the tenant's stored key
 * (`fromKeyStore`), streaming each answer as it arrives (ConverseStream). One message per line; `/exit` or
 * end of input quits. Piped stdin works too: each line is one turn, answers go to stdout.
 *
 * @example
 * ```ts
 * await runChat({ tenant: "acme" }, io);
 * ```
 */
export async function runChat(options: ChatOptions, io: CliIo): Promise<void> {
  // No orchestrator retries for us here, so the model itself retries throttled and transient calls.
  const target = await resolveModelTarget(
    { ...options, maxTokens: options.maxTokens ?? 1024, maxRetries: options.maxRetries ?? 2 },
    io,
  );
  const style = createStyle(io, io.stderr);
  const interactive = io.stdin.isTTY === true;
  const lines = createInterface({
    input: io.stdin,
    ...(interactive && { output: io.stderr, terminal: true }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const history: BaseMessage[] = [
    new SystemMessage(options.system ?? "You are a helpful, concise assistant."),
  ];
  try {
    io.stderr.write(style.dim(`chat on ${target.modelId} as ${target.description}; /exit to quit\n`));
    lines.setPrompt(style.cyan("you › "));
    if (interactive) lines.prompt();
    for await (const line of lines) {
      const text = line.trim();
      if (text === "/exit" || text === "/quit") break;
      if (text !== "") {
        history.push(new HumanMessage(text));
        let answer: AIMessageChunk;
        try {
          answer = await streamAnswer(target.model, history, io);
        } catch (error) {
          // At a terminal, a call that failed for a passing reason (throttled, a dropped connection) costs one
          // message, not the session; a rejected key, a store problem or Ctrl-C still ends it.
          if (
            !interactive ||
            exitCodeForError(error) !== ExitCode.Unexpected ||
            io.signal?.aborted === true
          ) {
            throw error;
          }
          history.pop();
          reportError(error, io.stderr, { debug: false });
          lines.prompt();
          continue;
        }
        history.push(answer);
        const usage = answer.usage_metadata as { input_tokens: number; output_tokens: number } | undefined;
        if (interactive && usage !== undefined) {
          io.stderr.write(style.dim(`  [${usage.input_tokens} in / ${usage.output_tokens} out tokens]\n`));
        }
      }
      if (io.signal?.aborted === true) break;
      if (interactive) lines.prompt();
    }
  } finally {
    lines.close();
    await target.close();
  }
}

async function streamAnswer(
  model: Awaited<ReturnType<typeof resolveModelTarget>>["model"],
  history: BaseMessage[],
  io: CliIo,
): Promise<AIMessageChunk> {
  let answer = new AIMessageChunk({ content: "" });
  const stream = await model.stream(history, io.signal === undefined ? {} : { signal: io.signal });
  for await (const chunk of stream) {
    answer = answer.concat(chunk);
    if (typeof chunk.content === "string") io.stdout.write(chunk.content);
    else
      for (const part of chunk.content)
        if (part.type === "text" && typeof part.text === "string") io.stdout.write(part.text);
  }
  io.stdout.write("\n");
  return answer;
}
