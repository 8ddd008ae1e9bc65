import type { Operation } from "../audit/audit-log.js";

/** The operation a path names, with its percent-decoded model id. */
export interface Route {
  operation: Operation;
  modelId?: string;
}

const MODEL_ACTIONS: Record<string, Operation> = {
  converse: "Converse",
  "converse-stream": "ConverseStream",
  invoke: "InvokeModel",
  "invoke-with-response-stream": "InvokeModelWithResponseStream",
  "count-tokens": "CountTokens",
};

/**
 * Maps `POST /model/{modelId}/{action}` and `GET /foundation-models` to an operation. The model id arrives
 * percent-encoded (`:` as `%3A`, ARNs with `%2F`); it is split on `/` first and decoded after. Returns
 * `"bad-model-id"` for an undecodable id, undefined for anything else.
 *
 * @example
 * ```ts
 * matchRoute("POST", "/model/amazon.nova-lite-v1%3A0/converse");
 * // => { operation: "Converse", modelId: "amazon.nova-lite-v1:0" }
 * ```
 */
export function matchRoute(method: string, url: string): Route | "bad-model-id" | undefined {
  const queryStart = url.indexOf("?");
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  if (method === "GET" && (path === "/foundation-models" || path === "/foundation-models/")) {
    return { operation: "ListFoundationModels" };
  }
  if (method !== "POST" || !path.startsWith("/model/")) return undefined;
  const rest = path.slice(7);
  const slash = rest.lastIndexOf("/");
  if (slash <= 0) return undefined;
  const operation = MODEL_ACTIONS[rest.slice(slash + 1)];
  if (operation === undefined) return undefined;
  try {
    return { operation, modelId: decodeURIComponent(rest.slice(0, slash)) };
  } catch {
    return "bad-model-id";
  }
}
