#!/usr/bin/env node
// `npx tenantry …` — Node 24 runs the TypeScript sources directly (type stripping), no build step.
// This entry point is the one place the CLI touches process.env and the exit code.
import { runCli } from '../src/cli/cli.ts';

process.exitCode = await runCli(process.argv.slice(2), process.env);
