export { fingerprintKey } from "./key/fingerprint.js";
