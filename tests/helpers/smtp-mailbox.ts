import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

// A real SMTP server on loopback for tests: the app sends to it over EMAIL_SERVER with
// nodemailer, and tests read what arrived. Plain SMTP, no TLS or AUTH, loopback only.

export type ReceivedMail = {
  /** Envelope recipients, lower-cased. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
};

const decodeQuotedPrintable = (body: string) =>
  Buffer.from(
    body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");

const decodeWords = (value: string) =>
  value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_match, kind: string, data: string) =>
    kind.toUpperCase() === "B"
      ? Buffer.from(data, "base64").toString("utf8")
      : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );

function splitEntity(raw: string): { headers: Record<string, string>; body: string } {
  const separator = raw.search(/\r?\n\r?\n/);
  const head = separator === -1 ? raw : raw.slice(0, separator);
  const body = separator === -1 ? "" : raw.slice(separator).replace(/^\r?\n\r?\n/, "");
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decodeBody(headers: Record<string, string>, body: string): string {
  const encoding = (headers["content-transfer-encoding"] ?? "").toLowerCase();
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body;
}

/** Enough of MIME for what nodemailer sends: a single part or multipart/alternative. */
export function parseMail(raw: string, to: string[] = []): ReceivedMail {
  const { headers, body } = splitEntity(raw);
  const mail: ReceivedMail = { to, subject: decodeWords(headers.subject ?? ""), text: "", html: "", headers };
  const boundary = /boundary="?([^";]+)"?/i.exec(headers["content-type"] ?? "")?.[1];
  const parts = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1)
        .filter((part) => !part.startsWith("--"))
        .map((part) => splitEntity(part.replace(/^\r?\n/, "")))
    : [{ headers, body }];
  for (const part of parts) {
    const type = (part.headers["content-type"] ?? "text/plain").toLowerCase();
    const content = decodeBody(part.headers, part.body).replace(/\r\n/g, "\n").trimEnd();
    if (type.startsWith("text/html")) mail.html ||= content;
    else if (type.startsWith("text/plain")) mail.text ||= content;
  }
  return mail;
}

/** An SMTP server for loopback tests (no TLS, no AUTH) that hands each message, parsed, to `receive`. */
export function receivingSmtpServer(receive: (mail: ReceivedMail) => void): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
        receive(parseMail(Buffer.concat(chunks).toString("utf8"), to));
        callback();
      });
    },
  });
}

type Listener = {
  listen: (port: number, host: string, done: () => void) => unknown;
  once: (event: "error", fn: (error: Error) => void) => unknown;
};

/** Starts `server` on 127.0.0.1 (an SMTP or an HTTP server); port 0 picks a free one. */
export const listenOnLoopback = (server: Listener, port: number) =>
  new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });

/** Every http(s) link in a text body. */
export const linksIn = (text: string) => text.match(/https?:\/\/[^\s<>"]+/g) ?? [];

export class SmtpMailbox {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    /** Everything received so far, oldest first. */
    readonly messages: ReceivedMail[],
  ) {}

  /** Listens on 127.0.0.1; port 0 picks a free one. */
  static async start(port = 0): Promise<SmtpMailbox> {
    const received: ReceivedMail[] = [];
    const server = receivingSmtpServer((mail) => received.push(mail));
    await listenOnLoopback(server, port);
    const address = server.server.address() as AddressInfo;
    return new SmtpMailbox(server, address.port, received);
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Messages to an address (case-insensitive), oldest first. */
  to(address: string): ReceivedMail[] {
    const wanted = address.toLowerCase();
    return this.messages.filter((mail) => mail.to.includes(wanted));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
