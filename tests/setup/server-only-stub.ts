// Vitest stand-in for "server-only", which throws unless bundled for React Server Components.
export {};
