import { BedrockKeysError, type BedrockKeysErrorOptions } from "./bedrock-keys-error.js";

/**
 * An explicit region contradicts the region a short-term key was minted for. Short-term keys only work in their
 * own region, so the client refuses to be built rather than fail on every call.
 *
 * @example
 * ```ts
 * if (RegionMismatchError.isInstance(error)) console.log(error.keyRegion, error.requestedRegion);
 * ```
 */
export class RegionMismatchError extends BedrockKeysError {
  static override readonly brand: string = "RegionMismatchError";

  declare readonly code: "REGION_MISMATCH";
  readonly keyRegion: string;
  readonly requestedRegion: string;

  constructor(keyRegion: string, requestedRegion: string, options: BedrockKeysErrorOptions = {}) {
    super(
      "REGION_MISMATCH",
      `This short-term key was minted for ${keyRegion} and only works there, but region ${requestedRegion} was requested. ` +
        `Drop the region option (the key's region is used) or mint a key in ${requestedRegion}.`,
      options,
    );
    this.keyRegion = keyRegion;
    this.requestedRegion = requestedRegion;
  }
}
