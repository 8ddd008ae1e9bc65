// biome-ignore-all lint/suspicious/noExplicitAny: the signatures must match AsyncCaller's
import { AsyncCaller, type AsyncCallerCallOptions } from "@langchain/core/utils/async_caller";
import { classifyBedrockError } from "./classify-bedrock-error.js";

/** Backoff of {@link BedrockRetryCaller}, in milliseconds. */
export interface RetryBackoff {
  /** First delay for transient errors (5xx, dropped connections). Default 250. */
  baseDelayMs?: number;
  /** First delay for throttling; longer, because Bedrock quotas refill per minute. Default 2000. */
  throttlingBaseDelayMs?: number;
  /** Upper bound of any single delay. Default 30000. */
  maxDelayMs?: number;
}

/**
 * LangChain's `AsyncCaller` with Bedrock-aware retries: the one retry layer of `ChatBedrockKey` (the SDK clients
 * it builds make a single attempt). Throttling waits long with jitter (half fixed, half random, doubling per
 * attempt); transient errors wait shorter with full jitter; everything else, including key rejections and aborts,
 * fails at once. Waiting stops as soon as the call's signal aborts. `maxConcurrency` still applies.
 *
 * @example
 * ```ts
 * const caller = new BedrockRetryCaller({ maxRetries: 4 });
 * await caller.callWithOptions({ signal }, () => client.send(command, { abortSignal: signal }));
 * ```
 */
export class BedrockRetryCaller extends AsyncCaller {
  readonly #backoff: Required<RetryBackoff>;
  readonly #random: () => number;

  constructor(params: {
    maxRetries?: number;
    maxConcurrency?: number;
    backoff?: RetryBackoff;
    random?: () => number;
  }) {
    super({
      maxRetries: params.maxRetries ?? 2,
      maxConcurrency: params.maxConcurrency ?? Number.POSITIVE_INFINITY,
    });
    this.#backoff = {
      baseDelayMs: params.backoff?.baseDelayMs ?? 250,
      throttlingBaseDelayMs: params.backoff?.throttlingBaseDelayMs ?? 2000,
      maxDelayMs: params.backoff?.maxDelayMs ?? 30_000,
    };
    this.#random = params.random ?? Math.random;
  }

  override call<A extends any[], T extends (...args: A) => Promise<any>>(
    callable: T,
    ...args: Parameters<T>
  ): Promise<Awaited<ReturnType<T>>> {
    return this.callWithOptions<A, T>({}, callable, ...args);
  }

  override callWithOptions<A extends any[], T extends (...args: A) => Promise<any>>(
    options: AsyncCallerCallOptions,
    callable: T,
    ...args: Parameters<T>
  ): Promise<Awaited<ReturnType<T>>> {
    const retries = options.maxRetries ?? this.maxRetries ?? 0;
    const attemptAll = () =>
      this.#withRetries(retries, options.signal, () => callable(...args) as Promise<Awaited<ReturnType<T>>>);
    // The parent supplies the concurrency queue and abort race; it must not retry on its own.
    return super.callWithOptions({ ...options, maxRetries: 0 }, attemptAll);
  }

  /** The delay before retry number `attempt` (1-based) of an error of the given class. */
  delayFor(errorClass: "throttling" | "transient", attempt: number): number {
    const growth = 2 ** (attempt - 1);
    if (errorClass === "throttling") {
      const ceiling = Math.min(this.#backoff.maxDelayMs, this.#backoff.throttlingBaseDelayMs * growth);
      return ceiling / 2 + this.#random() * (ceiling / 2);
    }
    return this.#random() * Math.min(this.#backoff.maxDelayMs, this.#backoff.baseDelayMs * growth);
  }

  async #withRetries<T>(
    retries: number,
    signal: AbortSignal | undefined,
    attempt: () => Promise<T>,
  ): Promise<T> {
    for (let attemptNumber = 1; ; attemptNumber++) {
      try {
        return await attempt();
      } catch (error) {
        const errorClass = classifyBedrockError(error);
        if (errorClass === "fatal" || attemptNumber > retries || signal?.aborted) throw error;
        await sleep(this.delayFor(errorClass, attemptNumber), signal);
      }
    }
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
