import { answerDirectRequest } from "./answer-direct-request.js";
import { extractValues } from "./extract-values.js";
import type { Random } from "./hash.js";
import { BODY, CLOSERS, INSTRUCTIONS, NOISE, OPENERS } from "./reply-phrases.js";

/** The voice the system prompt asks for (CAMEL conventions for role-play). */
export type ReplyMode = "instructor" | "solver" | "assistant";

/**
 * Reads the system prompt for the role it assigns: an AI user / instructor (answers "Instruction: … Input: …"),
 * an AI assistant that solves instructions ("Solution: …"), or a plain assistant.
 *
 * @example
 * ```ts
 * detectReplyMode("You must instruct me... Instruction: <YOUR_INSTRUCTION>"); // => "instructor"
 * ```
 */
export function detectReplyMode(system: string): ReplyMode {
  if (system === "") return "assistant";
  if (/\bSolution:/.test(system)) return "solver";
  if (/\bInstruction:/.test(system) || /\bAI user\b/i.test(system) || /\binstructor\b/i.test(system)) {
    return "instructor";
  }
  if (/\b(?:you (?:must|will|should) (?:always )?(?:instruct|give me instructions))\b/i.test(system))
    return "instructor";
  return "assistant";
}

/**
 * The role named by "you are a …" in the system prompt, if any.
 *
 * @example
 * ```ts
 * detectRole("Never forget you are a Stock Trader and I am a Python Programmer."); // => "Stock Trader"
 * ```
 */
export function detectRole(system: string): string | undefined {
  const match =
    /\byou are (?:an? |the )?([A-Za-z][A-Za-z -]{1,40}?)(?=[.,;:!\n]| and | who | with | that |$)/i.exec(
      system,
    );
  const role = match?.[1]?.trim();
  if (role === undefined || /^(?:helpful|going|now|not|here)\b/i.test(role)) return undefined;
  return role;
}

/**
 * The task a role-play is about: "task: …" / "Here is the task: …" in the system prompt, else the given fallback.
 *
 * @example
 * ```ts
 * detectTask("Here is the task: Develop a trading bot for the stock market. Never forget our task!", "x");
 * // => "Develop a trading bot for the stock market"
 * ```
 */
export function detectTask(system: string, fallback: string): string {
  const match = /\b(?:task|goal|objective)(?: is)?\s*:\s*([^\n]+?)(?:\.\s|\.$|\n|$)/i.exec(system);
  return (match?.[1] ?? fallback).trim();
}

const LEADING_ASK =
  /^(?:(?:please|hey|hi|ok|so|now|and|then)[,\s]+)*(?:(?:can|could|would|will) you\s+)?(?:please\s+)?(?:what(?:'s| is| are| was| were)|how (?:do|does|did|can|could|should|would|to|is|are)(?: i| we| you)?|why (?:is|are|do|does|did)|when (?:is|was|did|do)|where (?:is|are|do)|who (?:is|was|are)|which (?:is|are)|explain|describe|tell me about|tell me|write(?: me)?(?: an?| the)?|give me|summari[sz]e|list|show me|help me(?: with)?|i (?:want|need|would like) to know(?: about)?)\s+/i;

/** A short phrase naming the question's subject: "What is the capital of France?" -> "the capital of France". */
function topicPhrase(text: string): string | undefined {
  const first = (text.trim().split(/[?!.\n;]|,\s|\s+and\s+/)[0] ?? "").trim();
  const howWhy =
    /^(how|why) (?:do|does|did|can|could|should|would|is|are)\s+(?:i\s+|we\s+|you\s+)?(.+)$/i.exec(first);
  const stripped =
    howWhy !== null
      ? `${(howWhy[1] as string).toLowerCase()} ${howWhy[2]}`
      : first.replace(LEADING_ASK, "").trim();
  const words = stripped.split(/\s+/).filter((word) => word !== "");
  // Unchanged text is only a subject when it is short ("quantum computing"), not a command ("Translate …").
  if (words.length === 0 || (stripped === first && words.length > 3)) return undefined;
  return words.length > 8 ? `${words.slice(0, 8).join(" ")}…` : stripped;
}

function topicOf(words: readonly string[]): string[] {
  return words.filter((word) => !NOISE.has(word) && !/^\d+$/.test(word)).slice(0, 6);
}

function fill(template: string, topic: string, a: string, b: string): string {
  return template.replace("{topic}", topic).replace("{a}", a).replace("{b}", b);
}

function sentences(random: Random, topicWords: string[], targetTokens: number): string {
  const words = topicWords.length > 0 ? topicWords : ["the request", "the details"];
  let out = "";
  let paragraphLength = 0;
  while (out.length / 4 < targetTokens) {
    const a = random.pick(words);
    const b = words.length > 1 ? random.pick(words) : "the details";
    const sentence = fill(random.pick(BODY), "", a, b === a ? "the context" : b);
    out += out === "" ? sentence : paragraphLength >= 5 ? `\n\n${sentence}` : ` ${sentence}`;
    paragraphLength = paragraphLength >= 5 ? 1 : paragraphLength + 1;
  }
  return out;
}

/** What compose needs to know about the conversation. */
export interface ReplyInput {
  mode: ReplyMode;
  system: string;
  lastUserText: string;
  firstUserText: string;
  /** Earlier user turns, for follow-ups ("tell me more") whose own words carry no topic. */
  earlierUserText?: string;
  /** Assistant turns so far (this speaker's own previous turns). */
  ownTurns: number;
  targetTokens: number;
  random: Random;
}

/**
 * Writes the reply text in the requested voice: "Instruction: … / Input: …" for an instructor, "Solution: … Next
 * request." for a solver, a short topical answer otherwise; about `targetTokens` long.
 *
 * @example
 * ```ts
 * composeReply({ mode: "assistant", system: "", lastUserText: "Explain caching", firstUserText: "Explain caching",
 *   ownTurns: 0, targetTokens: 40, random: createRandom(1) });
 * ```
 */
export function composeReply(input: ReplyInput): string {
  const { mode, random } = input;
  const last = extractValues(input.lastUserText);
  let topicWords = topicOf(last.words);
  if (topicWords.length < 2 && input.earlierUserText !== undefined && input.mode === "assistant") {
    topicWords = [...new Set([...topicWords, ...topicOf(extractValues(input.earlierUserText).words)])].slice(
      0,
      6,
    );
  }
  if (mode === "instructor") {
    const task = detectTask(input.system, input.firstUserText || input.lastUserText);
    // One step per turn, in order, so consecutive instructions never repeat (loop guards watch for that).
    const template = INSTRUCTIONS[input.ownTurns % INSTRUCTIONS.length] as string;
    const subject = task.replace(/[.!?]+$/, "");
    const detail =
      input.ownTurns > 0 && topicWords.length > 0
        ? `Build on your previous answer about ${topicWords.slice(0, 3).join(", ")}.`
        : "None";
    return `Instruction: ${template.replace("{task}", subject.charAt(0).toLowerCase() + subject.slice(1))}\nInput: ${detail}`;
  }
  if (mode === "solver") {
    const instruction = (
      /Instruction:\s*([^\n]+)/.exec(input.lastUserText)?.[1] ?? input.lastUserText
    ).trim();
    const lowered = instruction.replace(/[.!?]+$/, "");
    const body = sentences(random, topicWords, Math.max(10, input.targetTokens - 20));
    return `Solution: To ${lowered.charAt(0).toLowerCase()}${lowered.slice(1)}, I propose the following. ${body}\nNext request.`;
  }
  const direct = answerDirectRequest(last);
  if (direct !== undefined) return direct;
  if (/^\s*(?:hi|hello|hey|good (?:morning|afternoon|evening))\b[\s!.,]*$/i.test(input.lastUserText)) {
    return random.pick([
      "Hello! How can I help you today?",
      "Hi there! What can I do for you?",
      "Hello! What would you like to talk about?",
    ]);
  }
  const topic = topicPhrase(input.lastUserText) ?? (topicWords.slice(0, 3).join(" ") || "your request");
  const role = detectRole(input.system);
  const opener = fill(random.pick(OPENERS), topic, "", "");
  const prefix =
    role === undefined ? opener : `As a ${role}, ${opener.charAt(0).toLowerCase()}${opener.slice(1)}`;
  const body = sentences(random, topicWords, Math.max(4, input.targetTokens - (prefix.length + 30) / 4));
  return `${prefix} ${body} ${random.pick(CLOSERS)}`;
}
