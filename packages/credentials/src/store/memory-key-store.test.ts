import { describeKeyStoreContract } from "./__fixtures__/describe-key-store-contract.js";
import { MemoryKeyStore } from "./memory-key-store.js";

describeKeyStoreContract("MemoryKeyStore", (clock) => ({
  store: new MemoryKeyStore({ now: clock.now }),
  dispose() {},
}));
