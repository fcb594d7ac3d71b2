// Just enough of a Dockerfile and a .dockerignore for scripts/prove-image.mjs to build the image's
// stages into folders: the instructions the Dockerfile uses, and Docker's matching of ignore
// patterns (`*`, `?`, `**`, `!exception`, a match on a folder covering all beneath it).

const KNOWN = new Set([
  "FROM",
  "ARG",
  "ENV",
  "WORKDIR",
  "COPY",
  "RUN",
  "USER",
  "EXPOSE",
  "HEALTHCHECK",
  "CMD",
]);

/** Logical lines: comments dropped, `\` continuations joined. */
function logicalLines(text) {
  const lines = [];
  let current = "";
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!current && (line === "" || line.startsWith("#"))) continue;
    if (current && line.startsWith("#")) continue; // a comment inside a continued instruction
    if (line.endsWith("\\")) {
      current += line.slice(0, -1).trimEnd() + " ";
      continue;
    }
    lines.push((current + line).trim());
    current = "";
  }
  if (current.trim()) lines.push(current.trim());
  return lines;
}

/** `${NAME}` and `$NAME` from `vars`, as Docker expands them in FROM, ENV, WORKDIR and COPY. */
export function expand(value, vars) {
  return value.replace(/\$\{(\w+)\}|\$(\w+)/g, (match, braced, bare) => {
    const name = braced ?? bare;
    if (!(name in vars)) throw new Error(`Dockerfile: ${match} is not defined`);
    return vars[name];
  });
}

/** `KEY=value KEY2="a value"`, or the old `KEY value`. */
function parseEnv(rest) {
  if (!/^\w+=/.test(rest)) {
    const [key, ...value] = rest.split(/\s+/);
    return { [key]: value.join(" ") };
  }
  const pairs = {};
  for (const [, key, quoted, plain] of rest.matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|(\S*))/g)) {
    pairs[key] = quoted !== undefined ? quoted.replace(/\\(.)/g, "$1") : plain;
  }
  return pairs;
}

/** Leading `--name=value` flags, then the rest. */
function splitFlags(rest) {
  const flags = {};
  let remaining = rest;
  for (let match; (match = /^--([\w-]+)(?:=(\S+))?\s*/.exec(remaining));) {
    flags[match[1]] = match[2] ?? true;
    remaining = remaining.slice(match[0].length);
  }
  return { flags, rest: remaining };
}

/** Exec form (a JSON array) or shell form (run by `/bin/sh -c`). */
function command(rest) {
  return rest.startsWith("[") ? JSON.parse(rest) : ["/bin/sh", "-c", rest];
}

/**
 * @returns {{ args: Record<string, string>, stages: { name: string, from: string,
 *   steps: { keyword: string, flags: Record<string, string | true>, rest: string, line: string }[] }[] }}
 */
export function parseDockerfile(text) {
  const args = {};
  const stages = [];
  for (const line of logicalLines(text)) {
    const [, word, tail = ""] = /^(\S+)\s*(.*)$/s.exec(line) ?? [];
    const keyword = word.toUpperCase();
    if (!KNOWN.has(keyword))
      throw new Error(`Dockerfile: ${keyword} is not understood by scripts/dockerfile.mjs`);
    if (keyword === "FROM") {
      const [, image, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(expand(tail, args)) ?? [];
      if (!image) throw new Error(`Dockerfile: cannot read "${line}"`);
      stages.push({ name: name ?? String(stages.length), from: image, steps: [] });
      continue;
    }
    if (keyword === "ARG" && stages.length === 0) {
      const [name, value = ""] = tail.split(/=(.*)/s);
      args[name] = value;
      continue;
    }
    if (stages.length === 0) throw new Error(`Dockerfile: ${keyword} before the first FROM`);
    const { flags, rest } = splitFlags(tail);
    stages.at(-1).steps.push({ keyword, flags, rest, line });
  }
  return { args, stages };
}

export const envOf = (step) => parseEnv(step.rest);
export const commandOf = (step) => command(step.rest);

/** HEALTHCHECK's options and its command. */
export function healthcheckOf(step) {
  const { flags, rest } = splitFlags(step.rest);
  if (!/^CMD\s/i.test(rest)) throw new Error(`Dockerfile: HEALTHCHECK without CMD: ${step.line}`);
  return { options: { ...step.flags, ...flags }, command: command(rest.replace(/^CMD\s+/i, "")) };
}

/** COPY's sources and destination (shell or JSON form). */
export function copyOf(step, vars) {
  const parts = step.rest.startsWith("[") ? JSON.parse(step.rest) : step.rest.split(/\s+/);
  const expanded = parts.map((part) => expand(part, vars));
  if (expanded.length < 2) throw new Error(`Dockerfile: COPY needs a source and a destination: ${step.line}`);
  return { sources: expanded.slice(0, -1), destination: expanded.at(-1) };
}

function patternRegExp(pattern) {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === "*" && pattern[i + 1] === "*") {
      // `**/` is any number of folders, none included; a final `**` is anything.
      source += pattern[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += pattern[i + 2] === "/" ? 2 : 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

/**
 * Docker's rule: the last pattern matching a path, or any folder above it, decides.
 * @returns {(relativePath: string) => boolean} whether a path (with `/`) stays out of the context
 */
export function dockerignore(text) {
  const rules = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const exception = line.startsWith("!");
      const pattern = (exception ? line.slice(1) : line).trim().replace(/^\/+|\/+$/g, "");
      return { exception, regexp: patternRegExp(pattern) };
    });
  return (relativePath) => {
    const parts = relativePath.split("/");
    const candidates = parts.map((_, i) => parts.slice(0, i + 1).join("/"));
    let ignored = false;
    for (const rule of rules) {
      if (candidates.some((candidate) => rule.regexp.test(candidate))) ignored = !rule.exception;
    }
    return ignored;
  };
}

/** Whether any exception could bring back a path under this ignored folder. */
export function mayHoldExceptions(text, folder) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .some((line) => line.startsWith("!") && (line.includes("**") || line.slice(1).startsWith(`${folder}/`)));
}
