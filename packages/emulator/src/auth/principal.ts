/**
 * Who a verified key speaks for, and what its (simulated) IAM policy lets it do. Key material is never kept here.
 */
export interface Principal {
  kind: "long-term" | "short-term";
  /** First 8 hex characters of the SHA-256 of the whole key. */
  fingerprint: string;
  /** `arn:aws:iam::<account>:user/<name>`. */
  principalArn: string;
  /** Model ids (or `prefix*` patterns) this principal may call; absent means all. */
  allowedModels?: readonly string[];
  deniedByPolicy: boolean;
  missingPermission: boolean;
}
