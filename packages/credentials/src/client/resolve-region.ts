import { MissingRegionError } from "../errors/missing-region-error.js";
import { RegionMismatchError } from "../errors/region-mismatch-error.js";

/** Inputs of {@link resolveRegion}. */
export interface ResolveRegionOptions {
  /** The region a short-term key (or a provider of them) is bound to. */
  keyRegion?: string | undefined;
  /** The region asked for explicitly. */
  region?: string | undefined;
  /** Where `AWS_REGION` / `AWS_DEFAULT_REGION` are read. Default: `process.env` (read only). */
  env?: Record<string, string | undefined>;
}

function present(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== "" ? value.trim() : undefined;
}

/**
 * The region a bearer-key client must use: the short-term key's own region, else the explicit `region`, else
 * `AWS_REGION`, else `AWS_DEFAULT_REGION`. An explicit region contradicting the key's is a `RegionMismatchError`
 * (the key works nowhere else); no region at all is a `MissingRegionError`.
 *
 * @example
 * ```ts
 * resolveRegion({ keyRegion: key.region, region: options.region }); // => "us-west-2"
 * ```
 */
export function resolveRegion(options: ResolveRegionOptions): string {
  const keyRegion = present(options.keyRegion);
  const explicit = present(options.region);
  if (keyRegion !== undefined) {
    if (explicit !== undefined && explicit !== keyRegion) throw new RegionMismatchError(keyRegion, explicit);
    return keyRegion;
  }
  const env = options.env ?? process.env;
  const region = explicit ?? present(env.AWS_REGION) ?? present(env.AWS_DEFAULT_REGION);
  if (region === undefined) throw new MissingRegionError();
  return region;
}
