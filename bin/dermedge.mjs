#!/usr/bin/env node
// The `dermedge` command: runs the TypeScript CLI through tsx, so Node and the Worker share one source.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
