import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { database } from "@/lib/db/connection";

// Prisma connects on its first query; only then is the pool (and, without
// DATABASE_URL, the embedded database) opened. `next build` never touches it.
const lazyAdapter: SqlDriverAdapterFactory = {
  provider: "postgres",
  adapterName: "@prisma/adapter-pg",
  async connect() {
    const { pool } = await database();
    return new PrismaPg(pool).connect();
  },
};

const cache = globalThis as unknown as { latchkeyPrisma?: PrismaClient };

// On the embedded database every query waits for the one connection, so a transaction
// may wait longer than Prisma's 2 s default for it under a burst of requests.
const transactionOptions = { maxWait: 10_000, timeout: 15_000 };

export const db = (cache.latchkeyPrisma ??= new PrismaClient({ adapter: lazyAdapter, transactionOptions }));
