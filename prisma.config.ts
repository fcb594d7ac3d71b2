import { defineConfig } from "prisma/config";

// The CLI is used for `prisma generate` (offline) and, by deployers, for
// `prisma migrate deploy`. The app itself reads DATABASE_URL through lib/env.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
