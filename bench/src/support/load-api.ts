import { NotYetAvailableError } from "../harness/not-yet-available.js";

/**
 * Imports a workspace package (its built `dist/`, since the bench runs without the source condition) and checks
 * that the named exports exist. The shape is the team's contract, typed loosely here on purpose: the bench must
 * typecheck and run while the packages are still being written, and report "not yet available" rather than
 * break when an export is missing.
 */
export async function loadApi<T extends object>(
  packageName: string,
  names: readonly (keyof T & string)[],
): Promise<T> {
  let module: Record<string, unknown>;
  try {
    module = (await import(packageName)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      const detail = (error as Error).message.split("\n")[0]?.replace(/ imported from .*/, "");
      throw new NotYetAvailableError(`${packageName} is not built (${detail})`, { cause: error });
    }
    throw error;
  }
  const missing = names.filter((name) => module[name] === undefined);
  if (missing.length > 0) throw new NotYetAvailableError(`${packageName} has no ${missing.join(", ")}`);
  return module as T;
}

/** Imports an optional subpath of a package, returning undefined when it does not exist. */
export async function tryImport(specifier: string): Promise<Record<string, unknown> | undefined> {
  try {
    return (await import(specifier)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
