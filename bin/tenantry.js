#!/usr/bin/env node
// `npx tenantry …` — Node runs the TypeScript sources directly (type stripping), no build step.
// This entry point is the one place the CLI touches process.env and the exit code.
// The version check comes first: an older Node would fail on the .ts import with a stack trace.
import './check-node.js';

const { runCli } = await import('../src/cli/cli.ts');
process.exitCode = await runCli(process.argv.slice(2), process.env);
