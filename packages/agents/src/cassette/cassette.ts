import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { AIMessage } from "@langchain/core/messages";
import { CassetteMissError } from "../errors/cassette-miss-error.js";
import { InvalidOptionsError } from "../errors/invalid-options-error.js";
import { sha256, stableStringify } from "../util/hash.js";
import type { NormalizedRequest } from "./normalize-request.js";

/** One recorded exchange, one JSONL line. The tenant is a key fingerprint; no key material is ever written. */
export interface CassetteEntry {
  agent: string;
  /** The agent's n-th request with this same hash (0-based), so repeated identical requests replay in order. */
  sequence: number;
  requestHash: string;
  tenant: string;
  request: NormalizedRequest;
  response: {
    content: AIMessage["content"];
    tool_calls?: AIMessage["tool_calls"];
    usage_metadata?: AIMessage["usage_metadata"];
    response_metadata?: Record<string, unknown>;
  };
}

/** A request's place in a cassette. */
export interface CassetteSlot {
  agent: string;
  sequence: number;
  requestHash: string;
}

/**
 * Records every model exchange to a JSONL file, or replays them without any network. Entries are keyed by
 * (agent, hash of the normalized request, the agent's sequence for that hash), so concurrent agents replay
 * deterministically whatever order their calls happen in. A replay miss throws {@link CassetteMissError}.
 *
 * @example
 * ```ts
 * const recorded = await new RolePlaying({ ...options, cassette: Cassette.record("run.jsonl") }).run();
 * const replayed = await new RolePlaying({ ...options, cassette: Cassette.replay("run.jsonl") }).run();
 * ```
 */
export class Cassette {
  readonly mode: "record" | "replay";
  readonly path: string;
  private readonly entries = new Map<string, CassetteEntry>();
  private readonly counters = new Map<string, number>();

  private constructor(mode: "record" | "replay", path: string) {
    this.mode = mode;
    this.path = path;
  }

  /** Starts a new recording at `path` (truncating it). */
  static record(path: string): Cassette {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, "");
    return new Cassette("record", path);
  }

  /** Loads `path` for replay. */
  static replay(path: string): Cassette {
    if (!existsSync(path))
      throw new InvalidOptionsError(`Cassette file ${path} does not exist; record it first.`);
    const cassette = new Cassette("replay", path);
    for (const line of readFileSync(path, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const entry = JSON.parse(line) as CassetteEntry;
      cassette.entries.set(slotId(entry), entry);
    }
    return cassette;
  }

  /** Assigns the request its slot (and advances the agent's sequence for that hash). */
  slot(agent: string, request: NormalizedRequest): CassetteSlot {
    const requestHash = sha256(stableStringify(request), 16);
    const counter = `${agent}\u0000${requestHash}`;
    const sequence = this.counters.get(counter) ?? 0;
    this.counters.set(counter, sequence + 1);
    return { agent, sequence, requestHash };
  }

  /** The recorded response for `slot`, or a loud {@link CassetteMissError}. */
  take(slot: CassetteSlot, request: NormalizedRequest): AIMessage {
    const entry = this.entries.get(slotId(slot));
    if (!entry) {
      const last = request.messages.at(-1)?.text ?? "";
      throw new CassetteMissError({ ...slot, preview: last.length > 80 ? `${last.slice(0, 77)}...` : last });
    }
    const response = entry.response;
    return new AIMessage({
      content: response.content,
      tool_calls: response.tool_calls ?? [],
      ...(response.usage_metadata ? { usage_metadata: response.usage_metadata } : {}),
      response_metadata: response.response_metadata ?? {},
    });
  }

  /** Appends one exchange (record mode). */
  write(slot: CassetteSlot, tenant: string, request: NormalizedRequest, message: AIMessage): void {
    const entry: CassetteEntry = {
      ...slot,
      tenant,
      request,
      response: {
        content: message.content,
        tool_calls: message.tool_calls ?? [],
        ...(message.usage_metadata ? { usage_metadata: message.usage_metadata } : {}),
        response_metadata: pickMetadata(message.response_metadata),
      },
    };
    appendFileSync(this.path, `${JSON.stringify(entry)}\n`);
  }
}

function slotId(slot: CassetteSlot): string {
  return `${slot.agent}\u0000${slot.requestHash}\u0000${slot.sequence}`;
}

function pickMetadata(metadata: Record<string, unknown> | undefined): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const name of ["requestId", "stopReason", "stop_reason", "model", "model_name"]) {
    if (metadata?.[name] !== undefined) picked[name] = metadata[name];
  }
  return picked;
}
