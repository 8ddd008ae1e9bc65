import Table from "cli-table3";

/**
 * A table as text. Two shapes: `rows` of label/value pairs (a record, e.g. an onboarding report) or
 * `head` + `rows` (a list, e.g. `keys list`). Styling is left to the caller so pipes stay free of escape codes.
 *
 * @example
 * ```ts
 * renderTable({ rows: [["kind", "long-term"], ["region", "us-east-1"]] });
 * renderTable({ head: ["tenant", "kind"], rows: [["acme", "long-term"]] });
 * ```
 */
export function renderTable(options: { head?: string[]; rows: Array<Array<string | number>> }): string {
  const table = new Table({
    ...(options.head === undefined ? {} : { head: options.head }),
    style: { head: [], border: [], compact: false },
    wordWrap: true,
  });
  for (const row of options.rows) table.push(row.map((cell) => String(cell)));
  return table.toString();
}
