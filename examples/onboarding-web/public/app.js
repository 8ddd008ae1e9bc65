// The onboarding page's only script. It sends the pasted key in a same-origin POST body with the CSRF token,
// clears the field at once, and renders the answer with textContent only (never innerHTML).
const form = document.getElementById("onboard-form");
const keyInput = document.getElementById("key");
const tenantInput = document.getElementById("tenant");
const submit = document.getElementById("submit");
const result = document.getElementById("result");
const csrfToken = document.querySelector('meta[name="csrf-token"]').getAttribute("content");

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const body = JSON.stringify({ tenantId: tenantInput.value.trim(), key: keyInput.value });
  keyInput.value = "";
  submit.disabled = true;
  submit.textContent = "Checking…";
  try {
    const response = await fetch("/api/onboard", {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf-token": csrfToken },
      body,
      credentials: "same-origin",
      cache: "no-store",
    });
    const answer = await response.json().catch(() => ({
      ok: false,
      error: { code: `HTTP_${response.status}`, message: "The server answered with something unexpected." },
    }));
    if (answer.ok) renderReport(answer.report);
    else renderError(answer.error);
  } catch {
    renderError({
      code: "NETWORK",
      message: "Could not reach the server. Check your connection and try again.",
    });
  } finally {
    submit.disabled = false;
    submit.textContent = "Check and connect";
  }
});

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

function row(table, label, value) {
  const tr = element("tr");
  tr.append(element("th", label), element("td", value));
  table.append(tr);
}

function countdown(iso) {
  const seconds = Math.round((Date.parse(iso) - Date.now()) / 1000);
  if (seconds <= 0) return "expired";
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours >= 48) return `in ${Math.floor(hours / 24)} days`;
  return hours > 0 ? `in ${hours}h ${minutes}m` : `in ${minutes}m`;
}

function renderReport(report) {
  result.replaceChildren();
  result.className = "ok";
  result.dataset.state = "ok";
  result.append(element("h2", "Key connected"));
  const table = element("table");
  table.id = "report";
  row(table, "Workspace", report.tenantId);
  row(table, "Key", report.redacted);
  row(table, "Kind", report.kind);
  row(table, "Fingerprint", report.fingerprint);
  row(table, "Region", report.region ?? "any (long-term keys work in every region)");
  row(
    table,
    "Expires",
    report.expiresAt ? `${report.expiresAt} (${countdown(report.expiresAt)})` : "no expiry in the key",
  );
  if (report.accountId) row(table, "Account", report.accountId);
  if (report.verifiedAt) row(table, "Verified", report.verifiedAt);
  row(table, "Usable models", report.models.length > 0 ? report.models.join(", ") : "none found");
  result.append(table);
  for (const warning of report.warnings) result.append(element("p", `⚠ ${warning}`, "warning"));
  result.hidden = false;
}

function renderError(error) {
  result.replaceChildren();
  result.className = "error";
  result.dataset.state = "error";
  result.dataset.code = error.code;
  result.append(element("h2", "This key cannot be used"));
  result.append(element("p", error.message));
  if (error.remediation) result.append(element("p", `What to do: ${error.remediation}`));
  result.append(element("p", `code: ${error.code}`, "code"));
  result.hidden = false;
}
