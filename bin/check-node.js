// The supported Node versions, checked before any TypeScript source is loaded: an older Node can't
// strip types (it fails with ERR_UNKNOWN_FILE_EXTENSION ".ts" and a stack trace), so say it in one
// line instead. Imported first by bin/tenantry.js; `npm start` preloads it (`node --import`).
// Keep in step with package.json `engines`; plain JavaScript so any Node can run it.
const [major, minor] = process.versions.node.split('.').map(Number);
if (!(major >= 24 || (major === 22 && minor >= 18))) {
  process.stderr.write(`tenantry: Node ${process.version} is not supported; use Node 22.18+ or 24+ (\`. scripts/use-node.sh\` installs Node 24 from the npm registry)\n`);
  process.exit(1);
}
