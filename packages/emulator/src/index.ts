export { keyFingerprint } from "./auth/fingerprint.js";
