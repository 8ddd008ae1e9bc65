import picocolors from "picocolors";
import type { CliIo, CliOutput } from "../io/cli-io.js";

/**
 * The colour functions the CLI uses; plain identity functions when colour is off.
 *
 * @example
 * ```ts
 * const style: Style = createStyle(io, io.stdout);
 * ```
 */
export type Style = ReturnType<typeof picocolors.createColors>;

/**
 * Colours for one output stream: on for a terminal, off for pipes and files, `NO_COLOR` wins, `FORCE_COLOR`
 * forces them on.
 *
 * @example
 * ```ts
 * const style = createStyle(io, io.stdout);
 * io.stdout.write(style.green("ok\n"));
 * ```
 */
export function createStyle(io: Pick<CliIo, "env">, stream: CliOutput): Style {
  const env = io.env;
  const enabled =
    env.NO_COLOR === undefined &&
    (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" ? true : stream.isTTY === true);
  return picocolors.createColors(enabled);
}
