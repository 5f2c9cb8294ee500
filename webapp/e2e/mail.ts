import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** One email as the e2e harness writes it. */
export interface DeliveredEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const mailDir = () => {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error("E2E_MAIL_DIR is not set");
  return dir;
};

// Each email is handed out once, so a second email to the same address is a new one.
const taken = new Set<string>();

function nextEmailTo(address: string, subject?: RegExp): DeliveredEmail | null {
  for (const name of readdirSync(mailDir()).sort()) {
    if (!name.endsWith(".json") || taken.has(name)) continue;
    let email: DeliveredEmail;
    try {
      email = JSON.parse(readFileSync(join(mailDir(), name), "utf8")) as DeliveredEmail;
    } catch {
      continue; // still being written
    }
    if (email.to.toLowerCase() !== address.toLowerCase()) continue;
    if (subject && !subject.test(email.subject)) continue;
    taken.add(name);
    return email;
  }
  return null;
}

/** Wait for the next email to `address` (whose subject matches), up to a deadline. */
export async function waitForEmail(address: string, subject?: RegExp, timeoutMs = 30_000): Promise<DeliveredEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const email = nextEmailTo(address, subject);
    if (email) return email;
    if (Date.now() > deadline) throw new Error(`no email to ${address}${subject ? ` matching ${subject}` : ""} arrived`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

/** The email's call to action: the last link into the app in its text part. */
export function linkIn(email: DeliveredEmail): string {
  const baseURL = process.env.E2E_BASE_URL ?? "";
  const links = email.text.match(/https?:\/\/[^\s<>")]+/g) ?? [];
  const link = links.filter((found) => found.startsWith(baseURL)).pop();
  if (!link) throw new Error(`no link to ${baseURL} in "${email.subject}": ${email.text}`);
  return link;
}

/** Wait for the next email to `address` and return the link in it. */
export async function waitForLink(address: string, subject?: RegExp): Promise<string> {
  return linkIn(await waitForEmail(address, subject));
}
