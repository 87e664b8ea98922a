#!/usr/bin/env node
import { register } from "tsx/esm/api";

register();
const { runStatusctl } = await import("../cli/statusctl.ts");
process.exitCode = await runStatusctl(process.argv.slice(2));
