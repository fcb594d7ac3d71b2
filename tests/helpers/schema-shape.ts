// The PostgreSQL schema that Prisma Migrate would create for a Prisma schema: the
// model, read from Prisma's own DMMF, mapped with Prisma's type and naming rules.
import { getDmmf, type DmmfField, type DmmfModel } from "@/tests/helpers/prisma-dmmf";

/** `default` is normalised: "now()", "autoincrement()", a literal without quotes or casts, or "<any>". */
export type Column = { type: string; nullable: boolean; default: string | null };
export type Table = {
  columns: Record<string, Column>;
  primaryKey: { name: string; columns: string[] } | null;
};
export type Index = {
  table: string;
  unique: boolean;
  method: string;
  columns: string[];
  predicate: string | null;
};
export type ForeignKey = {
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
};
export type Shape = {
  tables: Record<string, Table>;
  /** By index name (unique per schema in PostgreSQL). */
  indexes: Record<string, Index>;
  /** By `table.constraint`. */
  foreignKeys: Record<string, ForeignKey>;
  enums: Record<string, string[]>;
  /** CHECK and EXCLUDE constraints: Prisma never creates them. */
  otherConstraints: string[];
};

const MAX_IDENTIFIER = 63;

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Boolean: "boolean",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Text: () => "text",
  VarChar: ([n]) => (n ? `character varying(${n})` : "character varying"),
  Char: ([n]) => `character(${n ?? 1})`,
  Uuid: () => "uuid",
  Xml: () => "xml",
  Inet: () => "inet",
  Citext: () => "citext",
  Oid: () => "oid",
  Money: () => "money",
  SmallInt: () => "smallint",
  Integer: () => "integer",
  BigInt: () => "bigint",
  Real: () => "real",
  DoublePrecision: () => "double precision",
  Decimal: ([p, s]) => (p ? `numeric(${p},${s ?? 0})` : "numeric(65,30)"),
  Boolean: () => "boolean",
  Date: () => "date",
  Timestamp: ([p]) => (p ? `timestamp(${p}) without time zone` : "timestamp without time zone"),
  Timestamptz: ([p]) => (p ? `timestamp(${p}) with time zone` : "timestamp with time zone"),
  Time: ([p]) => (p ? `time(${p}) without time zone` : "time without time zone"),
  Timetz: ([p]) => (p ? `time(${p}) with time zone` : "time with time zone"),
  Json: () => "json",
  JsonB: () => "jsonb",
  ByteA: () => "bytea",
  Bit: ([n]) => `bit(${n ?? 1})`,
  VarBit: ([n]) => (n ? `bit varying(${n})` : "bit varying"),
};

const ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

/** Prisma's default constraint names (psl ConstraintNames), truncated to 63 bytes like Prisma does. */
export function constraintName(
  table: string,
  columns: string[],
  suffix: "_pkey" | "_key" | "_idx" | "_fkey",
) {
  const base = suffix === "_pkey" ? table : `${table}_${columns.join("_")}`;
  const limit = MAX_IDENTIFIER - suffix.length;
  const bytes = Buffer.from(base);
  if (bytes.length < limit) return `${base}${suffix}`;
  let end = limit;
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return `${bytes.subarray(0, end).toString()}${suffix}`;
}

export function expectedShape(schemaText: string): Shape {
  const { datamodel } = getDmmf(schemaText);
  const models = new Map(datamodel.models.map((model) => [model.name, model]));
  const enums = new Map(datamodel.enums.map((e) => [e.name, e]));
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const column = (model: DmmfModel, name: string) => {
    const field = model.fields.find((f) => f.name === name);
    if (!field) throw new Error(`schema-shape: ${model.name} has no field ${name}`);
    return field.dbName ?? field.name;
  };
  const shape: Shape = { tables: {}, indexes: {}, foreignKeys: {}, enums: {}, otherConstraints: [] };

  for (const e of datamodel.enums) shape.enums[e.dbName ?? e.name] = e.values.map((v) => v.dbName ?? v.name);

  for (const model of datamodel.models) {
    if (model.schema) throw new Error(`schema-shape: multi-schema models (${model.name}) are not supported`);
    const table = tableOf(model);
    const columns: Record<string, Column> = {};
    for (const field of model.fields) {
      if (field.kind === "object") {
        addForeignKey(shape, schemaText, model, field, models, tableOf, column);
        continue;
      }
      if (field.kind === "unsupported") {
        throw new Error(`schema-shape: Unsupported("…") field ${model.name}.${field.name}`);
      }
      const enumType = field.kind === "enum" ? enums.get(field.type) : undefined;
      const base = enumType ? (enumType.dbName ?? enumType.name) : columnType(model, field);
      columns[field.dbName ?? field.name] = {
        type: field.isList ? `${base}[]` : base,
        // Prisma creates scalar lists as nullable arrays.
        nullable: field.isList || !field.isRequired,
        default: expectedDefault(field, enumType?.values),
      };
    }
    shape.tables[table] = { columns, primaryKey: null };
  }

  for (const index of datamodel.indexes) {
    const model = models.get(index.model);
    if (!model) throw new Error(`schema-shape: index on unknown model ${index.model}`);
    const table = tableOf(model);
    const columns = index.fields.map((f) => column(model, f.name));
    if (index.type === "id") {
      const tableShape = shape.tables[table];
      if (tableShape) {
        tableShape.primaryKey = { name: index.dbName ?? constraintName(table, columns, "_pkey"), columns };
      }
      continue;
    }
    if (index.type === "fulltext") {
      throw new Error(`schema-shape: fulltext index on ${table} is not PostgreSQL`);
    }
    if (index.fields.some((f) => f.operatorClass)) {
      throw new Error(`schema-shape: operator classes (index on ${table}) are not compared yet`);
    }
    const unique = index.type === "unique";
    const name = index.dbName ?? constraintName(table, columns, unique ? "_key" : "_idx");
    shape.indexes[name] = {
      table,
      unique,
      method: (index.algorithm ?? "BTree").toLowerCase(),
      columns: index.fields.map((f) => `${column(model, f.name)}${f.sortOrder === "desc" ? " DESC" : ""}`),
      predicate: null,
    };
  }
  return shape;
}

function columnType(model: DmmfModel, field: DmmfField): string {
  if (field.nativeType) {
    const [name, args] = field.nativeType;
    const render = NATIVE_TYPES[name];
    if (!render) {
      throw new Error(`schema-shape: @db.${name} on ${model.name}.${field.name} is not mapped yet`);
    }
    return render(args);
  }
  const type = SCALAR_TYPES[field.type];
  if (!type) {
    throw new Error(
      `schema-shape: scalar type ${field.type} on ${model.name}.${field.name} is not mapped yet`,
    );
  }
  return type;
}

function expectedDefault(
  field: DmmfField,
  enumValues?: { name: string; dbName: string | null }[],
): string | null {
  const value = field.default;
  if (value === undefined || field.isUpdatedAt) return null;
  if (Array.isArray(value)) return "<any>";
  if (typeof value === "object") {
    if (["cuid", "uuid", "nanoid", "ulid"].includes(value.name)) return null; // generated by the client
    if (value.name === "now") return "now()";
    if (value.name === "autoincrement") return "autoincrement()";
    if (value.name === "dbgenerated") return typeof value.args[0] === "string" ? value.args[0] : "<any>";
    throw new Error(`schema-shape: @default(${value.name}()) on ${field.name} is not mapped yet`);
  }
  if (enumValues) return enumValues.find((v) => v.name === value)?.dbName ?? String(value);
  if (field.type === "DateTime" || field.type === "Bytes") return "<any>";
  return String(value);
}

function addForeignKey(
  shape: Shape,
  schemaText: string,
  model: DmmfModel,
  field: DmmfField,
  models: Map<string, DmmfModel>,
  tableOf: (model: DmmfModel) => string,
  column: (model: DmmfModel, name: string) => string,
) {
  const target = models.get(field.type);
  if (!target) {
    throw new Error(`schema-shape: relation ${model.name}.${field.name} to unknown model ${field.type}`);
  }
  const from = field.relationFromFields ?? [];
  if (from.length === 0) {
    const back = target.fields.find((f) => f.relationName === field.relationName && f !== field);
    if (field.isList && back?.isList) {
      throw new Error(`schema-shape: implicit many-to-many ${field.relationName} is not supported`);
    }
    return; // the other side holds the foreign key
  }
  const table = tableOf(model);
  const columns = from.map((name) => column(model, name));
  // Prisma's default onDelete: SetNull for an optional relation, Restrict for a required one.
  const optional = from.some((name) => !model.fields.find((f) => f.name === name)?.isRequired);
  const name = relationMap(schemaText, model.name, field.name) ?? constraintName(table, columns, "_fkey");
  shape.foreignKeys[`${table}.${name}`] = {
    table,
    columns,
    refTable: tableOf(target),
    refColumns: (field.relationToFields ?? []).map((to) => column(target, to)),
    onDelete: ACTIONS[field.relationOnDelete ?? (optional ? "SetNull" : "Restrict")] ?? "?",
    onUpdate: ACTIONS[field.relationOnUpdate ?? "Cascade"] ?? "?",
  };
}

// The DMMF drops @relation(map: "..."); read it from the field's line instead.
function relationMap(schemaText: string, modelName: string, fieldName: string): string | undefined {
  const block = new RegExp(`^model\\s+${modelName}\\s*\\{([\\s\\S]*?)^\\}`, "m").exec(schemaText)?.[1] ?? "";
  const line = new RegExp(`^\\s*${fieldName}\\s.*@relation\\((.*)\\)`, "m").exec(block)?.[1] ?? "";
  return /\bmap\s*:\s*"([^"]+)"/.exec(line)?.[1];
}
