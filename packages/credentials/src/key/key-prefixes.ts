/** Every long-term Bedrock API key starts with this. */
export const LONG_TERM_PREFIX = "ABSK";
/** Every short-term Bedrock API key starts with this. */
export const SHORT_TERM_PREFIX = "bedrock-api-key-";
/** The host of the presigned URL inside a short-term key. */
export const SHORT_TERM_HOST = "bedrock.amazonaws.com";
/** Appended to the presigned URL after signing, inside the base64. */
export const SHORT_TERM_VERSION_SUFFIX = "&Version=1";
/** The most a short-term key may live: 12 hours. */
export const MAX_SHORT_TERM_SECONDS = 43_200;
/** Clock skew tolerated before a short-term key counts as dated in the future. */
export const CLOCK_SKEW_SECONDS = 300;
