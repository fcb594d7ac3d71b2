import { once } from "node:events";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startServer, stopServers } from "@/tests/helpers/fake-next-server";
import { MAX_REQUEST_BODY_BYTES } from "@/lib/request-body-limit.mjs";

// server.mjs in front of a stub Next.js that answers every request it sees with 200 and the
// request's headers: a 413 from server.mjs means the app never saw the request.
afterEach(stopServers);

const post = (port: number, size: number) =>
  fetch(`http://127.0.0.1:${port}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `password=${"a".repeat(size - 9)}`,
  });

describe("server.mjs: request bodies", () => {
  it("answers 413 to a declared body over the cap, and closes the connection", async () => {
    const port = await startServer();
    const response = await post(port, 100_000);
    expect(response.status).toBe(413);
    expect(response.headers.get("connection")).toBe("close");
    expect(await response.json()).toEqual({ error: "payload_too_large", limit: MAX_REQUEST_BODY_BYTES });
  });

  it("reads the rest of a refused body before it closes, so the client gets the answer, not a reset", async () => {
    const port = await startServer();
    // Half-open allowed: like a browser, it keeps sending its body after the server's answer.
    const socket = connect({ port, host: "127.0.0.1", allowHalfOpen: true });
    socket.setEncoding("utf8");
    const closed = new Promise<string>((resolve) => {
      socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
      socket.on("close", () => resolve("closed"));
    });
    const rest = 20_000_000; // more than the socket buffers hold: sent only if the server reads it
    socket.write(
      `POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ${50_000 + rest}\r\n\r\n${"a".repeat(50_000)}`,
    );
    const [answer] = (await once(socket, "data")) as [string];
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    socket.end("a".repeat(rest));
    expect(await closed).toBe("closed");
  });

  it("closes a refused connection within seconds when the rest of the body never comes", async () => {
    const port = await startServer();
    const socket = connect({ port, host: "127.0.0.1" }).resume();
    socket.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 200000\r\n\r\n${"a".repeat(50_000)}`);
    const started = Date.now();
    await once(socket, "close");
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it("passes a form-sized body on to the app", async () => {
    const port = await startServer();
    const response = await post(port, 2_000);
    expect(response.status).toBe(200);
    expect(((await response.json()) as Record<string, string>)["content-length"]).toBe("2000");
  });
});
