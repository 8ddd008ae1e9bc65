import { parseBedrockApiKey } from "@bedrock-keys/credentials";
import { ChatBedrockKey } from "@bedrock-keys/langchain";
import { StringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { z } from "zod";

/** Where the example runs: real Bedrock (key from the environment) or the local emulator. */
export interface ChainTarget {
  model: string;
  region: string;
  endpoint?: string;
  /** Keys of two tenants served by one model instance (per-call keys). */
  tenantKeys: { acme: string; globex: string };
  env: Record<string, string | undefined>;
}

/**
 * Runs the example: an LCEL chain `prompt | model | parser` streamed for one tenant, the same chain for two
 * tenants at once (each call on its own key), and structured output. Writes what happens to `write`.
 *
 * @example
 * ```ts
 * await runChain(target, (line) => console.log(line));
 * ```
 */
export async function runChain(target: ChainTarget, write: (line: string) => void): Promise<void> {
  const model = new ChatBedrockKey({
    model: target.model,
    region: target.region,
    maxTokens: 300,
    env: target.env,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
  });
  const prompt = ChatPromptTemplate.fromMessages([
    ["system", "You are a concise assistant for {company}. Answer in two sentences."],
    ["human", "{question}"],
  ]);
  const chain = prompt.pipe(model).pipe(new StringOutputParser());
  // Parsed keys print redacted everywhere; LangChain copies *string* configurable values into LangSmith metadata.
  const acmeKey = parseBedrockApiKey(target.tenantKeys.acme);
  const globexKey = parseBedrockApiKey(target.tenantKeys.globex);

  write("== 1. streaming a chain (acme's key)");
  let streamed = "";
  const stream = await chain.stream(
    { company: "Acme", question: "Why use Bedrock API keys instead of IAM users?" },
    { configurable: { apiKey: acmeKey } },
  );
  for await (const piece of stream) streamed += piece;
  write(streamed);

  write("== 2. two tenants, one model, concurrent calls");
  write(`keys: ${acmeKey} and ${globexKey}`);
  const [acme, globex] = await Promise.all([
    chain.invoke({ company: "Acme", question: "Greet our customer." }, { configurable: { apiKey: acmeKey } }),
    chain.invoke(
      { company: "Globex", question: "Greet our customer." },
      { configurable: { apiKey: globexKey } },
    ),
  ]);
  write(`acme:   ${acme}`);
  write(`globex: ${globex}`);

  write("== 3. structured output");
  const ticket = z.object({
    title: z.string().describe("Short title"),
    priority: z.enum(["low", "normal", "high"]),
  });
  const extractor = model.withStructuredOutput(ticket, { name: "ticket", includeRaw: true });
  const { parsed, raw } = await extractor.invoke("The login page is down for every customer!", {
    configurable: { apiKey: acmeKey },
  });
  write(JSON.stringify(parsed));
  const usage = (raw as { usage_metadata?: { input_tokens: number; output_tokens: number } }).usage_metadata;
  write(
    `request ${String(raw.response_metadata.requestId)}: ${usage?.input_tokens} in / ${usage?.output_tokens} out tokens`,
  );
  model.close();
}
