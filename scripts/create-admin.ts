// `npm run create-admin -- --email <address>`: makes that account an admin, creating it when it
// does not exist (lib/admin/create-admin.ts). On a terminal it asks for the password without
// echoing it, twice for a new account; otherwise it reads the first line of standard input (a
// second line, when there is one, must match it). Exit 0 on success, 1 with a message otherwise.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createTranslator } from "next-intl";
import { isLiteral, readMessage } from "@/lib/i18n/message";
import en from "@/messages/en.json" with { type: "json" };
import { emailField } from "@/lib/validations/fields";

async function main(): Promise<number> {
  let email: string | undefined;
  try {
    ({ email } = parseArgs({ options: { email: { type: "string" } } }).values);
  } catch (error) {
    return fail(`${(error as Error).message}\nUsage: npm run create-admin -- --email <address>`);
  }
  if (!email) return fail("Usage: npm run create-admin -- --email <address>");
  const address = emailField.safeParse(email);
  if (!address.success) return fail(address.error.issues[0]?.message ?? "Enter a valid email address.");
  // Loaded only now: the environment is validated and the database opened on import.
  const { createAdmin } = await import("@/lib/admin/create-admin");
  const { db } = await import("@/lib/db");
  const exists = (await db.user.count({ where: { email: address.data } })) > 0;
  const [password, confirmation] = process.stdin.isTTY ? await askOnTerminal(exists) : await readLines();
  if (!password) return fail("No password given.");
  const result = await createAdmin(address.data, password, confirmation);
  if (result.outcome === "refused") return fail(result.message);
  const said = {
    created: "created, with its email confirmed, as",
    promoted: "is now",
    "already-admin": "was already",
  };
  process.stdout.write(`${result.email} ${said[result.outcome]} an admin.\n`);
  return 0;
}

/** A database that cannot be reached, an embedded one in use by a running server…: one line. */
function describeFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return `could not reach the database (${code}).`;
  // Prisma's messages quote the calling code first and say what went wrong last.
  const lines = (error instanceof Error ? error.message : String(error)).split("\n");
  return (
    lines
      .map((line) => line.trim())
      .filter(Boolean)
      .at(-1) ?? "failed"
  );
}

function fail(message: string): number {
  process.stderr.write(`create-admin: ${inEnglish(message)}\n`);
  return 1;
}

/** The schemas answer with catalogue messages (lib/i18n/message.ts): a terminal reads English. */
function inEnglish(text: string): string {
  if (isLiteral(text)) return text;
  const { key, values } = readMessage(text);
  return createTranslator({ locale: "en", messages: en })(key, values);
}

/** The first two lines of standard input (a deploy script's piped secret). */
async function readLines(): Promise<[string, string | undefined]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    lines.push(line);
    if (lines.length === 2) break;
  }
  return [lines[0] ?? "", lines[1] || undefined];
}

async function askOnTerminal(exists: boolean): Promise<[string, string | undefined]> {
  const password = await askHidden(exists ? "Password of the account: " : "Password for the new admin: ");
  return exists ? [password, undefined] : [password, await askHidden("The same password again: ")];
}

/** Reads one line from the terminal in raw mode, echoing nothing. Ctrl-C gives up. */
function askHidden(prompt: string): Promise<string> {
  process.stderr.write(prompt);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  let typed = "";
  return new Promise((resolve) => {
    const onData = (chunk: string) => {
      // Escape sequences (arrow keys…) are dropped whole; printable characters are kept.
      for (const char of chunk.replace(/\u001b\[[0-9;]*[A-Za-z~]|\u001b./g, "")) {
        if (char === "\u0003") {
          process.stderr.write("\n");
          process.exit(fail("cancelled."));
        }
        if (char === "\r" || char === "\n" || char === "\u0004") {
          stdin.off("data", onData);
          stdin.setRawMode(false);
          stdin.pause();
          process.stderr.write("\n");
          resolve(typed);
          return;
        }
        if (char === "\u007f" || char === "\b") typed = typed.slice(0, -1);
        else if (char >= " ") typed += char;
      }
    };
    stdin.on("data", onData);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => process.exit(fail(describeFailure(error))),
);
