import { afterEach, describe, expect, it, vi } from "vitest";
import { listUserSessions, revokeSessionById, validateSession } from "@/lib/auth/sessions";
import { createUser } from "@/lib/users";
import { openSession } from "@/tests/helpers/sessions";

let n = 0;
async function makeUser() {
  n += 1;
  return createUser({ name: `L${n}`, email: `list${n}@example.com`, passwordHash: "x" });
}
const open = async (userId: string, remember: boolean, userAgent = "ua", ip: string | null = "192.0.2.1") =>
  (await validateSession(await openSession(userId, remember, { userAgent, ip })))!.sessionId;

afterEach(() => {
  vi.useRealTimers();
});

describe("the session list in settings", () => {
  it("lists only the user's live sessions, with device, IP and times, never their secrets", async () => {
    const user = await makeUser();
    const other = await makeUser();
    const a = await open(user.id, false, "Firefox/128.0", "203.0.113.5");
    const b = await open(user.id, true, "Chrome/126.0", null);
    await open(other.id, true);

    const sessions = await listUserSessions(user.id);
    expect(sessions.map((s) => s.id).sort()).toEqual([a, b].sort());
    expect(sessions.find((s) => s.id === a)).toEqual({
      id: a,
      createdAt: expect.any(Date),
      lastSeenAt: expect.any(Date),
      userAgent: "Firefox/128.0",
      ip: "203.0.113.5",
    });
  });

  it("leaves out sessions past their idle timeout", async () => {
    const user = await makeUser();
    await open(user.id, false);
    const remembered = await open(user.id, true);
    vi.useFakeTimers({ now: Date.now() + 3 * 3600_000, toFake: ["Date"] }); // past 2 idle hours
    expect((await listUserSessions(user.id)).map((s) => s.id)).toEqual([remembered]);
  });

  it("revokes a session by id only for its own user", async () => {
    const user = await makeUser();
    const other = await makeUser();
    const mine = await open(user.id, false);
    const theirs = await open(other.id, false);
    expect(await revokeSessionById(user.id, theirs)).toBe(false);
    expect((await listUserSessions(other.id)).map((s) => s.id)).toEqual([theirs]);
    expect(await revokeSessionById(user.id, mine)).toBe(true);
    expect(await listUserSessions(user.id)).toEqual([]);
  });
});
