// A separate app process for tests/integration/rate-limit.test.ts: its own pool on the
// same database, hitting one key. Prints how many of its hits were allowed.
import pg from "pg";
import { consumeWith } from "@/lib/rate-limit";

const [url, key, hits, limit] = process.argv.slice(2);
if (!url || !key) throw new Error("usage: rate-limit-worker <database url> <key> <hits> <limit>");
const pool = new pg.Pool({ connectionString: url, max: 4 });
const rule = { limit: Number(limit), windowSeconds: 60 };
const results = await Promise.all(Array.from({ length: Number(hits) }, () => consumeWith(pool, key, rule)));
await pool.end();
process.stdout.write(JSON.stringify({ allowed: results.filter((result) => result.ok).length }));
