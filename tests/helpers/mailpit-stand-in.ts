import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { SMTPServer } from "smtp-server";
import { listenOnLoopback, receivingSmtpServer, type ReceivedMail } from "./smtp-mailbox";

// A stand-in for Mailpit, for tests only: no Mailpit binary is available here. It takes mail
// over SMTP and answers the part of Mailpit's HTTP API (v1) that tests/helpers/mailpit-mailbox.ts
// reads, in Mailpit's shapes: /api/v1/info, /api/v1/messages, /api/v1/search (newest first,
// paginated, `to:` matching part of a recipient) and /api/v1/message/{ID}. Recipients are the
// envelope's, where Mailpit reads the To header; the app sends one recipient per mail, so they agree.
//
// As a process: `npx tsx tests/helpers/mailpit-stand-in.ts <smtp port> <http port>`.

type Stored = ReceivedMail & { id: string; created: Date };

const address = (email: string) => ({ Name: "", Address: email });
const summary = (mail: Stored) => ({
  ID: mail.id,
  MessageID: `${mail.id}@stand-in`,
  Read: false,
  From: address("sender@stand-in"),
  To: mail.to.map(address),
  Cc: [],
  Bcc: [],
  ReplyTo: [],
  Subject: mail.subject,
  Created: mail.created.toISOString(),
  Tags: [],
  Size: mail.text.length + mail.html.length,
  Attachments: 0,
  Snippet: mail.text.slice(0, 250),
});

export class MailpitStandIn {
  private constructor(
    private readonly smtp: SMTPServer,
    private readonly http: Server,
    readonly smtpPort: number,
    readonly httpPort: number,
    readonly messages: Stored[],
  ) {}

  /** Listens on 127.0.0.1; port 0 picks a free one. With `basicAuth`, the API asks for it as Mailpit's --ui-auth does. */
  static async start({
    smtpPort = 0,
    httpPort = 0,
    basicAuth,
  }: { smtpPort?: number; httpPort?: number; basicAuth?: string } = {}) {
    const messages: Stored[] = [];
    const smtp = receivingSmtpServer((mail) =>
      messages.push({ ...mail, id: `m${messages.length + 1}`, created: new Date() }),
    );
    const expected = basicAuth && `Basic ${Buffer.from(basicAuth).toString("base64")}`;
    const http = createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://stand-in");
      const json = (status: number, body: unknown) => {
        response.writeHead(status, { "Content-Type": "application/json" });
        response.end(JSON.stringify(body));
      };
      if (expected && request.headers.authorization !== expected) {
        response.writeHead(401, { "WWW-Authenticate": 'Basic realm="Login"' });
        return response.end("Unauthorised.\n");
      }
      if (request.method !== "GET") return json(405, { Error: "method not allowed" });
      if (url.pathname === "/api/v1/info")
        return json(200, { Version: "stand-in", Messages: messages.length });
      const message = /^\/api\/v1\/message\/([^/]+)$/.exec(url.pathname);
      if (message) {
        const mail = messages.find((stored) => stored.id === decodeURIComponent(message[1] ?? ""));
        if (!mail) return json(404, { Error: "message not found" });
        return json(200, {
          ...summary(mail),
          Date: mail.created.toISOString(),
          Text: mail.text,
          HTML: mail.html,
          Inline: [],
          Attachments: [],
        });
      }
      if (url.pathname !== "/api/v1/messages" && url.pathname !== "/api/v1/search")
        return json(404, { Error: "not found" });
      let found = [...messages].reverse();
      if (url.pathname === "/api/v1/search") {
        const query = url.searchParams.get("query")?.trim();
        if (!query) return json(400, { Error: "Error: no search query" });
        const to = /^to:"?([^"]*)"?$/.exec(query)?.[1]?.toLowerCase();
        if (to === undefined) return json(400, { Error: "the stand-in understands only to: searches" });
        found = found.filter((mail) => mail.to.some((recipient) => recipient.includes(to)));
      }
      const start = Number(url.searchParams.get("start") ?? 0);
      const limit = Number(url.searchParams.get("limit") ?? 50);
      return json(200, {
        total: messages.length,
        unread: messages.length,
        count: Math.min(limit, Math.max(found.length - start, 0)),
        messages_count: found.length,
        messages_unread: found.length,
        start,
        tags: [],
        messages: found.slice(start, start + limit).map(summary),
      });
    });
    await listenOnLoopback(smtp, smtpPort);
    await listenOnLoopback(http, httpPort);
    return new MailpitStandIn(
      smtp,
      http,
      (smtp.server.address() as AddressInfo).port,
      (http.address() as AddressInfo).port,
      messages,
    );
  }

  get smtpUrl() {
    return `smtp://127.0.0.1:${this.smtpPort}`;
  }

  get url() {
    return `http://127.0.0.1:${this.httpPort}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.smtp.close(() => resolve()));
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "\0")) {
  const [smtpPort, httpPort] = process.argv.slice(2).map(Number);
  const standIn = await MailpitStandIn.start({ smtpPort, httpPort });
  console.log(`Mailpit stand-in: SMTP ${standIn.smtpUrl}, API ${standIn.url}`);
}
