/** An angle-bracket token that says "finished": `<TASK_DONE>`, `<CAMEL_TASK_DONE>`, `<END_OF_TASK>`, `<GOODBYE>`. */
const ANGLE_TOKEN = /<[A-Z0-9_]*(?:DONE|END|TERMINATE|FINISH|COMPLETE|STOP|EXIT|QUIT|BYE)[A-Z0-9_]*>/;
/** What a "say X when done" token looks like: `FINISHED`, `ALL_DONE`, `<OVER>` — not an ordinary word. */
const TOKEN_SHAPE = /^(?:<[^>]+>|[A-Z][A-Z0-9_]{2,})$/;
const SAY_WHEN =
  /\b(?:say|reply with|respond with|answer with|output|write|end with|print|return)\s+(?:the\s+(?:word|token)\s+)?["'`]?([A-Za-z_<>][\w<>-]*)["'`]?\s+(?:when|once|if|after)\b/i;

/**
 * The termination token a system prompt asks the model to say when the task is done: an angle-bracket token
 * (`<TASK_DONE>`, `<CAMEL_TASK_DONE>`), a "say X when done" instruction, or AutoGen's `TERMINATE`.
 *
 * @example
 * ```ts
 * findTerminationToken("When the task is completed, reply only with <CAMEL_TASK_DONE>."); // => "<CAMEL_TASK_DONE>"
 * findTerminationToken("Say FINISHED when you are done."); // => "FINISHED"
 * ```
 */
export function findTerminationToken(system: string): string | undefined {
  if (system === "") return undefined;
  const named = ANGLE_TOKEN.exec(system);
  if (named !== null) return named[0];
  const sayWhen = SAY_WHEN.exec(system);
  if (sayWhen !== null && TOKEN_SHAPE.test(sayWhen[1] as string)) return sayWhen[1];
  if (/\bTERMINATE\b/.test(system)) return "TERMINATE";
  return undefined;
}

/**
 * How many messages a conversation must have before the model ends a role-play with its token.
 *
 * @example
 * ```ts
 * request.messages.length >= TERMINATION_MIN_MESSAGES; // the role-play may end now
 * ```
 */
export const TERMINATION_MIN_MESSAGES = 6;
