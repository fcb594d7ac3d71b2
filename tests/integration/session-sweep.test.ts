import { describe, expect, it } from "vitest";
import { sweepExpiredSessions } from "@/lib/auth/session-sweep";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users";

const DAY = 86_400_000;

describe("the sweep of expired sessions", () => {
  it("deletes every session past its absolute expiry, of any account, batch after batch, and no other", async () => {
    const now = new Date();
    const gone = await createUser({ name: "G", email: "gone@example.com", passwordHash: "x" });
    const back = await createUser({ name: "B", email: "back@example.com", passwordHash: "x" });
    const session = (userId: string, n: number, expires: Date) => ({
      userId,
      secretDigest: `sweep-${userId}-${n}`,
      expires,
    });
    await db.session.createMany({
      data: [
        ...[1, 2, 3, 4, 5].map((n) => session(gone.id, n, new Date(now.getTime() - n * DAY))),
        session(back.id, 1, new Date(now.getTime() - 1)),
        session(back.id, 2, new Date(now.getTime() + DAY)),
        session(gone.id, 6, new Date(now.getTime() + 1000)),
      ],
    });

    expect(await sweepExpiredSessions(now, 2)).toBe(6);
    const left = await db.session.findMany({ select: { secretDigest: true } });
    expect(left.map((row) => row.secretDigest).sort()).toEqual(
      [`sweep-${back.id}-2`, `sweep-${gone.id}-6`].sort(),
    );
    expect(await sweepExpiredSessions(now)).toBe(0);
  });
});
