const brandsKey = Symbol.for("@bedrock-keys/credentials.error-brands");

/** Options every error of this package accepts. */
export interface BedrockKeysErrorOptions {
  /** The underlying error, already stripped of key material. */
  cause?: unknown;
}

type BrandedClass = { readonly brand: string };

/**
 * The base of every error `@bedrock-keys/credentials` throws. Each has a stable string `code` to branch on, a
 * message that says what to do next, and never any key material.
 *
 * `isInstance()` works across duplicate copies of this package (where `instanceof` fails) because it checks a
 * `Symbol.for` brand instead of the prototype chain.
 *
 * @example
 * ```ts
 * try {
 *   parseBedrockApiKey(pasted);
 * } catch (error) {
 *   if (BedrockKeysError.isInstance(error)) console.error(error.code, error.message);
 * }
 * ```
 */
export class BedrockKeysError extends Error {
  /** The name this class is recognised by in `isInstance()`; each subclass sets its own. */
  static readonly brand: string = "BedrockKeysError";

  /** A stable, machine-readable reason. */
  readonly code: string;

  constructor(code: string, message: string, options: BedrockKeysErrorOptions = {}) {
    super(message, "cause" in options ? { cause: options.cause } : undefined);
    this.code = code;
    const brands: string[] = [];
    for (let type: unknown = new.target; typeof type === "function" && type !== Error; ) {
      if (Object.hasOwn(type, "brand")) brands.push((type as unknown as BrandedClass).brand);
      type = Object.getPrototypeOf(type);
    }
    this.name = brands[0] ?? "BedrockKeysError";
    Object.defineProperty(this, brandsKey, { value: brands, enumerable: false });
  }

  /**
   * Whether `value` is an error of this class (or a subclass), even when it comes from another copy of the
   * package.
   *
   * @example
   * ```ts
   * if (BedrockKeyFormatError.isInstance(error)) console.log(error.code);
   * ```
   */
  static isInstance<T extends abstract new (...args: never[]) => BedrockKeysError>(
    this: T & BrandedClass,
    value: unknown,
  ): value is InstanceType<T> {
    if (typeof value !== "object" || value === null) return false;
    const brands = (value as Record<symbol, unknown>)[brandsKey];
    // biome-ignore lint/complexity/noThisInStatic: each subclass is checked against its own brand.
    return Array.isArray(brands) && brands.includes(this.brand);
  }
}
