// Prisma's own schema parser, offline: the CLI ships it as a wasm-bindgen module
// (node_modules/prisma/build/prisma_schema_build_bg.wasm) whose JS glue is bundled
// into the CLI. This is the few lines of that glue `get_dmmf` needs.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export type DmmfDefault = { name: string; args: unknown[] } | string | number | boolean | unknown[];

export type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  default?: DmmfDefault;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};

export type DmmfModel = {
  name: string;
  dbName: string | null;
  schema: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
};

export type DmmfIndex = {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string;
  algorithm?: string;
  fields: { name: string; sortOrder?: "asc" | "desc"; operatorClass?: string }[];
};

export type Dmmf = {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[];
    indexes: DmmfIndex[];
  };
};

type Exports = {
  memory: WebAssembly.Memory;
  __wbindgen_externrefs: WebAssembly.Table;
  __wbindgen_malloc(size: number, align: number): number;
  __wbindgen_free(ptr: number, size: number, align: number): void;
  __externref_table_dealloc(index: number): void;
  __wbindgen_start(): void;
  get_dmmf(ptr: number, len: number): [number, number, number, number];
};

let wasm: Exports | undefined;

function load(): Exports {
  if (wasm) return wasm;
  const cli = createRequire(import.meta.url).resolve("prisma/package.json");
  const wasmModule = new WebAssembly.Module(
    readFileSync(path.join(path.dirname(cli), "build/prisma_schema_build_bg.wasm")),
  );
  // The glue calls back into the instance, which exists only once instantiation returns.
  const ref: { instance?: Exports } = {};
  const exports = () => {
    if (!ref.instance) throw new Error("prisma_schema_build wasm called back before it was instantiated");
    return ref.instance;
  };
  const text = (ptr = 0, len = 0) =>
    new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(exports().memory.buffer, ptr >>> 0, len));
  // The import names carry a hash that changes between Prisma releases; match the stem.
  const glue: Record<string, (ptr?: number, len?: number) => unknown> = {
    __wbg_Error_: (ptr, len) => new Error(text(ptr, len)),
    __wbg___wbindgen_throw_: (ptr, len) => {
      throw new Error(text(ptr, len));
    },
    __wbg_set_message_: () => undefined,
    __wbindgen_init_externref_table: () => {
      const table = exports().__wbindgen_externrefs;
      const offset = table.grow(4);
      table.set(0, undefined);
      [undefined, null, true, false].forEach((value, i) => table.set(offset + i, value));
    },
  };
  const imports: WebAssembly.Imports = {};
  for (const { module: from, name } of WebAssembly.Module.imports(wasmModule)) {
    const stem = Object.keys(glue).find((key) => name.startsWith(key));
    if (!stem) {
      throw new Error(
        `prisma_schema_build wasm wants an unknown import ${name}: update tests/helpers/prisma-dmmf.ts`,
      );
    }
    (imports[from] ??= {})[name] = glue[stem] as (ptr?: number, len?: number) => unknown;
  }
  ref.instance = new WebAssembly.Instance(wasmModule, imports).exports as unknown as Exports;
  ref.instance.__wbindgen_start();
  wasm = ref.instance;
  return wasm;
}

/** The DMMF of a Prisma schema, as `prisma generate` sees it; throws Prisma's validation errors. */
export function getDmmf(schema: string): Dmmf {
  const exports = load();
  const input = new TextEncoder().encode(JSON.stringify({ prismaSchema: schema, noColor: true }));
  const ptr = exports.__wbindgen_malloc(input.length, 1) >>> 0;
  new Uint8Array(exports.memory.buffer, ptr, input.length).set(input);
  const [outPtr, outLen, errorRef, failed] = exports.get_dmmf(ptr, input.length);
  if (failed) {
    const error: unknown = exports.__wbindgen_externrefs.get(errorRef);
    exports.__externref_table_dealloc(errorRef);
    throw new Error(`Invalid Prisma schema: ${validationMessage(error)}`);
  }
  try {
    const json = new TextDecoder().decode(new Uint8Array(exports.memory.buffer, outPtr >>> 0, outLen));
    return JSON.parse(json) as Dmmf;
  } finally {
    exports.__wbindgen_free(outPtr, outLen, 1);
  }
}

// Errors come back as JSON: {"error_code":"P1012","message":"..."}.
function validationMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  try {
    const parsed = JSON.parse(raw) as { message?: unknown };
    return typeof parsed.message === "string" ? parsed.message : raw;
  } catch {
    return raw;
  }
}
