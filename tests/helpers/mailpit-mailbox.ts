import type { ReceivedMail } from "./smtp-mailbox";

// The mail a deployment sent, read from a Mailpit mail catcher over its HTTP API (v1: the
// shapes of axllent/mailpit's server/apiv1 and internal/storage/structs.go). Nothing here
// deletes or marks messages: a shared staging catcher stays as it was.

type Address = { Name: string; Address: string };
type MessageSummary = { ID: string; To: Address[] | null; Subject: string; Created: string };
type SearchResult = { messages: MessageSummary[] | null; messages_count: number };
type Message = { ID: string; To: Address[] | null; Subject: string; Text: string; HTML: string };

export class MailpitMailbox {
  private readonly base: URL;
  private readonly authorization: string | undefined;
  /** Bodies already read, by message ID: a message never changes. */
  private readonly bodies = new Map<string, ReceivedMail>();

  /** `url` is Mailpit's web address (http://host:8025); credentials in it are sent as Basic auth. */
  constructor(
    url: string,
    private readonly pageSize = 250,
  ) {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      const user = decodeURIComponent(parsed.username);
      const secret = decodeURIComponent(parsed.password);
      this.authorization = `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`;
      parsed.username = parsed.password = "";
    }
    parsed.pathname = parsed.pathname.replace(/\/*$/, "/");
    this.base = parsed;
  }

  private async get<T>(path: string, query: Record<string, string> = {}): Promise<T> {
    const url = new URL(path, this.base);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const headers: Record<string, string> = { Accept: "application/json" };
    if (this.authorization) headers.Authorization = this.authorization;
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`Mailpit: GET ${url.pathname} answered ${response.status}`);
    return (await response.json()) as T;
  }

  /** Mailpit's version, proving the address is a Mailpit API that answers. */
  async version(): Promise<string> {
    const info = await this.get<{ Version?: unknown }>("api/v1/info");
    if (typeof info.Version !== "string") throw new Error("Mailpit: /api/v1/info has no Version");
    return info.Version;
  }

  /** Every message to an address (case-insensitive), oldest first. */
  async to(address: string): Promise<ReceivedMail[]> {
    const wanted = address.toLowerCase();
    const summaries: MessageSummary[] = [];
    // Newest first, a page at a time; `to:` matches part of an address, so filter exactly.
    for (let start = 0; ; start += this.pageSize) {
      const page = await this.get<SearchResult>("api/v1/search", {
        query: `to:"${address}"`,
        start: String(start),
        limit: String(this.pageSize),
      });
      const messages = page.messages ?? [];
      summaries.push(...messages);
      if (messages.length < this.pageSize || start + this.pageSize >= page.messages_count) break;
    }
    const mine = summaries
      .filter((summary) => (summary.To ?? []).some((to) => to.Address.toLowerCase() === wanted))
      .sort((a, b) => Date.parse(a.Created) - Date.parse(b.Created));
    return Promise.all(mine.map((summary) => this.message(summary.ID)));
  }

  private async message(id: string): Promise<ReceivedMail> {
    const known = this.bodies.get(id);
    if (known) return known;
    const message = await this.get<Message>(`api/v1/message/${encodeURIComponent(id)}`);
    const mail: ReceivedMail = {
      to: (message.To ?? []).map((to) => to.Address.toLowerCase()),
      subject: message.Subject,
      text: message.Text.replace(/\r\n/g, "\n").trimEnd(),
      html: message.HTML,
      headers: {},
    };
    this.bodies.set(id, mail);
    return mail;
  }
}
