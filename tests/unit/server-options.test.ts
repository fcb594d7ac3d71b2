import { afterEach, describe, expect, it } from "vitest";
import { failedStart, randomPort, startServer, stopServers } from "@/tests/helpers/fake-next-server";
import { authUrlWarning, serverOptions } from "@/lib/server-options.mjs";

afterEach(stopServers);

describe("serverOptions", () => {
  it("reads -p/--port and -H/--hostname as next start does, the flag winning over PORT and HOST", () => {
    const env = { PORT: "3000", HOST: "0.0.0.0" };
    for (const args of [["-p", "4000"], ["--port", "4000"], ["--port=4000"]]) {
      expect(serverOptions(args, env)).toEqual({
        dev: false,
        port: 4000,
        host: "0.0.0.0",
        shutdownGraceMs: 10_000,
      });
    }
    expect(serverOptions(["--dev", "-H", "127.0.0.1"], env)).toEqual({
      dev: true,
      port: 3000,
      host: "127.0.0.1",
      shutdownGraceMs: 10_000,
    });
    expect(serverOptions(["--hostname=::1"], {})).toMatchObject({ dev: false, port: 3000, host: "::1" });
  });

  it("refuses a port that is not a number from 1 to 65535, a flag without a value, an unknown flag", () => {
    for (const port of ["abc", "0", "65536", "40.5", "-1", "4000x"]) {
      expect(() => serverOptions(["-p", port], {})).toThrow(`invalid port "${port}"`);
    }
    expect(() => serverOptions([], { PORT: "http" })).toThrow('invalid port "http"');
    expect(() => serverOptions(["--port"], {})).toThrow("--port needs a value");
    expect(() => serverOptions(["--prot", "4000"], {})).toThrow('unknown argument "--prot"');
  });

  it("reads the shutdown grace period from SHUTDOWN_GRACE_SECONDS, in whole seconds", () => {
    expect(serverOptions([], { SHUTDOWN_GRACE_SECONDS: "25" }).shutdownGraceMs).toBe(25_000);
    expect(serverOptions([], { SHUTDOWN_GRACE_SECONDS: "0" }).shutdownGraceMs).toBe(0);
    for (const grace of ["-1", "2.5", "ten"]) {
      expect(() => serverOptions([], { SHUTDOWN_GRACE_SECONDS: grace })).toThrow("SHUTDOWN_GRACE_SECONDS");
    }
  });
});

describe("authUrlWarning", () => {
  it("warns when AUTH_URL names this machine on another port, and only then", () => {
    expect(authUrlWarning("http://localhost:3000", 3001)).toContain("listens on port 3001");
    expect(authUrlWarning("http://127.0.0.1", 3000)).toContain("go to port 80");
    expect(authUrlWarning("http://localhost:3000", 3000)).toBeNull();
    expect(authUrlWarning("https://auth.example.com", 3000)).toBeNull();
    expect(authUrlWarning(undefined, 3000)).toBeNull();
  });
});

describe("npm start -- -p N", () => {
  it("listens on the flag's port rather than PORT's, in each spelling", async () => {
    const spellings = [(port: number) => ["-p", String(port)], (port: number) => [`--port=${port}`]];
    for (const spelling of spellings) {
      const port = randomPort();
      expect(await startServer({ PORT: String(port + 1) }, spelling(port))).toBe(port);
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    }
  });

  it("stops with exit code 1 and a message for a bad port", async () => {
    for (const port of ["abc", "70000"]) {
      const { code, stderr } = await failedStart({}, ["-p", port]);
      expect(code).toBe(1);
      expect(stderr).toContain(`invalid port "${port}": expected 1–65535`);
    }
  });
});
