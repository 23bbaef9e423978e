// The supported Node versions, checked before any TypeScript source is loaded: an older Node can't
// strip types (it fails with ERR_UNKNOWN_FILE_EXTENSION ".ts" and a stack trace), so say it in one
// line instead. Imported first by bin/tenantry.js; `npm start` can preload it (`node --import`).
// Keep in step with package.json `engines` (^22.18.0 || >=24); plain JavaScript so any Node runs it.

/** Node 22.18+ (types stripped by default from 22.18) or 24+. */
export function isSupported(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major >= 24 || (major === 22 && minor >= 18);
}

if (!isSupported(process.versions.node)) {
  process.stderr.write(`tenantry: Node ${process.version} is not supported; use Node 22.18+ or 24+ (\`. scripts/use-node.sh\` installs Node 24 from the npm registry)\n`);
  process.exit(1);
}
