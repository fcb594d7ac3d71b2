// The schema a PostgreSQL database actually has (its current schema), read from
// pg_catalog in the same form as schema-shape.ts describes the expected one.
import type pg from "pg";
import type { Shape } from "@/tests/helpers/schema-shape";

export type Queryable = pg.Pool | pg.ClientBase;

const IGNORED_TABLES = new Set(["_prisma_migrations"]);
const ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

const RELATIONS = `JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`;

const COLUMNS = `
  SELECT c.relname::text AS table, a.attname::text AS column, NOT a.attnotnull AS nullable,
         CASE WHEN t.typtype = 'e' THEN t.typname::text
              WHEN et.typtype = 'e' THEN et.typname::text || '[]'
              ELSE format_type(a.atttypid, a.atttypmod) END AS type,
         pg_get_expr(d.adbin, d.adrelid) AS default
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    ${RELATIONS} AND a.attnum > 0 AND NOT a.attisdropped
   ORDER BY c.relname, a.attnum`;

const INDEXES = `
  SELECT c.relname::text AS table, i.relname::text AS name, x.indisunique AS unique, x.indisprimary AS primary,
         am.amname::text AS method, pg_get_expr(x.indpred, x.indrelid) AS predicate,
         ARRAY(SELECT COALESCE(a.attname::text, pg_get_indexdef(x.indexrelid, k, true))
                      || CASE WHEN x.indoption[k - 1] & 1 = 1 THEN ' DESC' ELSE '' END
                 FROM generate_series(1, x.indnkeyatts) AS k
                 LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k - 1] AND x.indkey[k - 1] <> 0
                ORDER BY k) AS columns
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class c ON c.oid = x.indrelid
    JOIN pg_am am ON am.oid = i.relam
    ${RELATIONS}`;

const CONSTRAINTS = `
  SELECT c.relname::text AS table, k.conname::text AS name, k.contype::text AS type,
         rc.relname::text AS ref_table, k.confdeltype::text AS on_delete, k.confupdtype::text AS on_update,
         ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, i)
                 JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.i) AS columns,
         ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY AS u(attnum, i)
                 JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum ORDER BY u.i) AS ref_columns
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    LEFT JOIN pg_class rc ON rc.oid = k.confrelid
    ${RELATIONS} AND k.contype IN ('p', 'f', 'c', 'x')`;

const ENUMS = `
  SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
   WHERE n.nspname = current_schema() GROUP BY t.typname`;

type ColumnRow = { table: string; column: string; nullable: boolean; type: string; default: string | null };
type IndexRow = {
  table: string;
  name: string;
  unique: boolean;
  primary: boolean;
  method: string;
  predicate: string | null;
  columns: string[];
};
type ConstraintRow = {
  table: string;
  name: string;
  type: string;
  ref_table: string | null;
  on_delete: string;
  on_update: string;
  columns: string[];
  ref_columns: string[];
};

/** Sequentially, so it also works over the embedded database's single connection. */
export async function databaseShape(db: Queryable): Promise<Shape> {
  const columns = (await db.query<ColumnRow>(COLUMNS)).rows.filter((r) => !IGNORED_TABLES.has(r.table));
  const indexes = (await db.query<IndexRow>(INDEXES)).rows.filter((r) => !IGNORED_TABLES.has(r.table));
  const constraints = (await db.query<ConstraintRow>(CONSTRAINTS)).rows.filter(
    (r) => !IGNORED_TABLES.has(r.table),
  );
  const enums = (await db.query<{ name: string; values: string[] }>(ENUMS)).rows;

  const shape: Shape = { tables: {}, indexes: {}, foreignKeys: {}, enums: {}, otherConstraints: [] };
  for (const row of columns) {
    const table = (shape.tables[row.table] ??= { columns: {}, primaryKey: null });
    table.columns[row.column] = {
      type: row.type,
      nullable: row.nullable,
      default: normaliseDefault(row.default),
    };
  }
  for (const row of indexes) {
    if (row.primary) continue; // compared as the table's primary key
    const { table, unique, method, columns, predicate } = row;
    shape.indexes[row.name] = { table, unique, method, columns, predicate };
  }
  for (const row of constraints) {
    if (row.type === "p") {
      const table = shape.tables[row.table];
      if (table) table.primaryKey = { name: row.name, columns: row.columns };
    } else if (row.type === "f") {
      shape.foreignKeys[`${row.table}.${row.name}`] = {
        table: row.table,
        columns: row.columns,
        refTable: row.ref_table ?? "?",
        refColumns: row.ref_columns,
        onDelete: ACTIONS[row.on_delete] ?? row.on_delete,
        onUpdate: ACTIONS[row.on_update] ?? row.on_update,
      };
    } else {
      shape.otherConstraints.push(
        `${row.type === "c" ? "CHECK" : "EXCLUDE"} constraint "${row.name}" on "${row.table}"`,
      );
    }
  }
  for (const row of enums) shape.enums[row.name] = row.values;
  return shape;
}

/** A column default as PostgreSQL prints it, in schema-shape.ts's normal form. */
export function normaliseDefault(expression: string | null): string | null {
  if (expression === null) return null;
  if (/^(CURRENT_TIMESTAMP(\(\d\))?|now\(\))$/i.test(expression)) return "now()";
  if (/^nextval\(/.test(expression)) return "autoincrement()";
  const quoted = /^'((?:[^']|'')*)'::[\w\s."[\]()]+$/.exec(expression);
  if (quoted) return (quoted[1] ?? "").replaceAll("''", "'");
  return expression;
}
