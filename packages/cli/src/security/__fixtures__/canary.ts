// The canary keys, findLeaks and exposeAll are shared with the LangChain security suite (test-only code).
export {
  type CanaryKey,
  findLeaks,
  issueCanaryKeys,
  longTermCanary,
  shortTermCanary,
} from "../../../../langchain/src/security/__fixtures__/canary-keys.js";
export { exposeAll, safeJson } from "../../../../langchain/src/security/__fixtures__/capture.js";
