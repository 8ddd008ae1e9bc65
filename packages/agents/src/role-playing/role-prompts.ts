/** The roles and task a role-play prompt is written for. */
export interface RolePromptInput {
  userRole: string;
  assistantRole: string;
  task: string;
  terminationToken: string;
}

/**
 * CAMEL's AI-user (instructor) system prompt: one instruction at a time, never flip roles, say the termination
 * token when the task is done.
 *
 * @example
 * ```ts
 * userSystemPrompt({ userRole: "Stock Trader", assistantRole: "Python Programmer", task, terminationToken: "<TASK_DONE>" });
 * ```
 */
export function userSystemPrompt(input: RolePromptInput): string {
  return [
    `Never forget you are a ${input.userRole} and I am a ${input.assistantRole}. Never flip roles! You will always instruct me.`,
    `We share a common interest in collaborating to successfully complete a task.`,
    `Here is the task: ${input.task}. Never forget our task!`,
    `Instruct me one step at a time, in the form "Instruction: <instruction>" optionally followed by "Input: <input>".`,
    `Give exactly one instruction per message and never answer it yourself.`,
    `When the task is completed, you must only reply with a single word ${input.terminationToken}.`,
    `Never say ${input.terminationToken} unless my responses have solved the task.`,
  ].join("\n");
}

/**
 * CAMEL's AI-assistant system prompt: solve the current instruction, start with "Solution:", end with
 * "Next request.".
 *
 * @example
 * ```ts
 * assistantSystemPrompt({ userRole, assistantRole, task, terminationToken: "<TASK_DONE>" });
 * ```
 */
export function assistantSystemPrompt(input: RolePromptInput): string {
  return [
    `Never forget you are a ${input.assistantRole} and I am a ${input.userRole}. Never flip roles! Never instruct me!`,
    `We share a common interest in collaborating to successfully complete a task.`,
    `You must help me to complete the task. Here is the task: ${input.task}. Never forget our task!`,
    `I will instruct you one step at a time. Answer each instruction with a specific solution.`,
    `Always start your answer with "Solution:" and end it with "Next request.". Do not repeat my instruction back.`,
  ].join("\n");
}

/**
 * The prompt a task-specifier agent receives to sharpen a vague task.
 *
 * @example
 * ```ts
 * specifierPrompt({ userRole, assistantRole, task, terminationToken }, 50);
 * ```
 */
export function specifierPrompt(input: RolePromptInput, wordLimit: number): string {
  return [
    `Here is a task that ${input.assistantRole} will help ${input.userRole} to complete: ${input.task}.`,
    `Please make it more specific. Be creative and imaginative.`,
    `Please reply with the specified task in ${wordLimit} words or less. Do not add anything else.`,
  ].join("\n");
}

/**
 * The prompt a critic agent receives to choose among candidate messages.
 *
 * @example
 * ```ts
 * criticPrompt("Python Programmer", ["Solution: a", "Solution: b"]);
 * ```
 */
export function criticPrompt(speakerRole: string, candidates: readonly string[]): string {
  const options = candidates.map((candidate, index) => `Option ${index + 1}:\n${candidate}`).join("\n\n");
  return [
    `${speakerRole} proposes the following options. Choose the one that best advances the task.`,
    options,
    `Reply with "Option N" for the option you choose, then one sentence explaining why.`,
  ].join("\n\n");
}
