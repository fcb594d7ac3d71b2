// Compares the schema Prisma expects with the one the migrations built, and says
// in one line per difference exactly what differs.
import { databaseShape, type Queryable } from "@/tests/helpers/database-shape";
import {
  expectedShape,
  type Column,
  type ForeignKey,
  type Index,
  type Shape,
} from "@/tests/helpers/schema-shape";

const IN_SCHEMA = "in schema.prisma, missing from the database";
const IN_DATABASE = "in the database, not in schema.prisma";

/** Every difference between schema.prisma (as text) and the database's current schema; [] when they match. */
export async function schemaDrift(schemaText: string, db: Queryable): Promise<string[]> {
  const expected = expectedShape(schemaText);
  return diffShapes(expected, await databaseShape(db));
}

export function diffShapes(expected: Shape, actual: Shape): string[] {
  const problems: string[] = [];
  const { both, onlyExpected, onlyActual } = keys(expected.tables, actual.tables);
  for (const table of onlyExpected) problems.push(`table "${table}": ${IN_SCHEMA}`);
  for (const table of onlyActual) problems.push(`table "${table}": ${IN_DATABASE}`);
  for (const table of both) {
    const want = expected.tables[table];
    const have = actual.tables[table];
    if (!want || !have) continue;
    problems.push(...diffColumns(table, want.columns, have.columns));
    const [wantKey, haveKey] = [want.primaryKey, have.primaryKey].map((pk) =>
      pk ? `"${pk.name}" (${pk.columns.join(", ")})` : "none",
    );
    if (wantKey !== haveKey) {
      problems.push(
        `primary key of "${table}": ${haveKey} in the database, schema.prisma expects ${wantKey}`,
      );
    }
  }
  problems.push(...diffRecords("index", expected.indexes, actual.indexes, describeIndex));
  problems.push(...diffRecords("foreign key", expected.foreignKeys, actual.foreignKeys, describeForeignKey));
  problems.push(
    ...diffRecords(
      "enum",
      expected.enums,
      actual.enums,
      (name, values) => `"${name}" (${values.join(", ")})`,
    ),
  );
  for (const constraint of actual.otherConstraints) problems.push(`${constraint}: ${IN_DATABASE}`);
  return problems;
}

function diffColumns(table: string, want: Record<string, Column>, have: Record<string, Column>): string[] {
  const problems: string[] = [];
  const { both, onlyExpected, onlyActual } = keys(want, have);
  for (const column of onlyExpected) problems.push(`column "${table}"."${column}": ${IN_SCHEMA}`);
  for (const column of onlyActual) problems.push(`column "${table}"."${column}": ${IN_DATABASE}`);
  for (const column of both) {
    const w = want[column];
    const h = have[column];
    if (!w || !h) continue;
    const at = `column "${table}"."${column}"`;
    if (w.type !== h.type) {
      problems.push(`${at}: type is ${h.type} in the database, schema.prisma expects ${w.type}`);
    }
    if (w.nullable !== h.nullable) {
      problems.push(`${at}: ${nullability(h)} in the database, schema.prisma expects ${nullability(w)}`);
    }
    const defaultMatches = w.default === "<any>" ? h.default !== null : w.default === h.default;
    if (!defaultMatches) {
      problems.push(
        `${at}: default is ${h.default ?? "none"} in the database, schema.prisma expects ${w.default ?? "none"}`,
      );
    }
  }
  return problems;
}

function diffRecords<T>(
  kind: string,
  want: Record<string, T>,
  have: Record<string, T>,
  describe: (name: string, value: T) => string,
): string[] {
  const problems: string[] = [];
  const { both, onlyExpected, onlyActual } = keys(want, have);
  for (const name of onlyExpected) problems.push(`${kind} ${describe(name, want[name] as T)}: ${IN_SCHEMA}`);
  for (const name of onlyActual) problems.push(`${kind} ${describe(name, have[name] as T)}: ${IN_DATABASE}`);
  for (const name of both) {
    const w = describe(name, want[name] as T);
    const h = describe(name, have[name] as T);
    if (w !== h) problems.push(`${kind} ${h} in the database, schema.prisma expects ${w}`);
  }
  return problems;
}

function describeIndex(name: string, index: Index): string {
  const where = index.predicate ? ` WHERE ${index.predicate}` : "";
  const unique = index.unique ? "UNIQUE " : "";
  return `"${name}" ${unique}ON "${index.table}" USING ${index.method} (${index.columns.join(", ")})${where}`;
}

function describeForeignKey(key: string, fk: ForeignKey): string {
  const name = key.slice(fk.table.length + 1);
  return (
    `"${name}" "${fk.table}" (${fk.columns.join(", ")}) REFERENCES "${fk.refTable}" (${fk.refColumns.join(", ")}) ` +
    `ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`
  );
}

function nullability(column: Column): string {
  return column.nullable ? "nullable" : "NOT NULL";
}

function keys(want: object, have: object) {
  const a = Object.keys(want).sort();
  const b = new Set(Object.keys(have));
  return {
    both: a.filter((k) => b.has(k)),
    onlyExpected: a.filter((k) => !b.has(k)),
    onlyActual: [...b].sort().filter((k) => !(k in want)),
  };
}
