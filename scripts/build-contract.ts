/**
 * Builds the contract: merges `openapi/*.yaml` (base.yaml first, then the rest by name) into
 * `openapi.yaml`, then generates `sdk/schema.d.ts` with openapi-typescript and `sdk/openapi.json`
 * (the same document as JSON, stamped with the YAML's hash: what the server loads at start-up).
 *   node scripts/build-contract.ts          write all three
 *   node scripts/build-contract.ts --check  exit 1 if any is stale (the test suite runs this)
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import openapiTS, { astToString } from 'openapi-typescript';
import { contractHash, type CompiledContract } from '../src/contract.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const HEADER = '# GENERATED from openapi/*.yaml by `npm run sdk` — edit the fragments, not this file.\n';

type Doc = Record<string, unknown> & { paths?: Record<string, Record<string, unknown>>; components?: Record<string, Record<string, unknown>> };

export function bundle(): Doc {
  const dir = join(root, 'openapi');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort((a, b) => (a === 'base.yaml' ? -1 : b === 'base.yaml' ? 1 : a.localeCompare(b)));
  const out: Doc = { paths: {}, components: {} };
  for (const file of files) {
    const frag = parse(readFileSync(join(dir, file), 'utf8')) as Doc;
    for (const [k, v] of Object.entries(frag)) {
      if (k === 'paths') {
        for (const [p, ops] of Object.entries(v as Record<string, Record<string, unknown>>)) {
          out.paths![p] ??= {};
          const target = out.paths![p];
          for (const [m, op] of Object.entries(ops)) {
            if (target[m]) throw new Error(`${file}: ${m.toUpperCase()} ${p} is defined twice`);
            target[m] = op;
          }
        }
      } else if (k === 'components') {
        for (const [section, entries] of Object.entries(v as Record<string, Record<string, unknown>>)) {
          out.components![section] ??= {};
          const target = out.components![section];
          for (const [name, schema] of Object.entries(entries)) {
            if (target[name]) throw new Error(`${file}: components.${section}.${name} is defined twice`);
            target[name] = schema;
          }
        }
      } else if (file === 'base.yaml') {
        out[k] = v;
      } else {
        throw new Error(`${file}: only paths and components may appear outside base.yaml (found ${k})`);
      }
    }
  }
  const { paths, components, ...head } = out;
  return { ...head, paths, components };
}

export async function render(): Promise<{ yaml: string; types: string; json: string }> {
  const doc = bundle();
  const yaml = HEADER + stringify(doc, { lineWidth: 0 });
  const ast = await openapiTS(doc as never);
  const types = `// GENERATED from openapi.yaml by \`npm run sdk\` (openapi-typescript). Do not edit.\n${astToString(ast)}`;
  // From the YAML text (not `doc`), so the JSON is exactly what parsing openapi.yaml yields.
  const compiled: CompiledContract = { sourceSha256: contractHash(yaml), document: parse(yaml) };
  return { yaml, types, json: `${JSON.stringify(compiled)}\n` };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { yaml, types, json } = await render();
  const yamlPath = join(root, 'openapi.yaml');
  const typesPath = join(root, 'sdk', 'schema.d.ts');
  const jsonPath = join(root, 'sdk', 'openapi.json');
  if (process.argv.includes('--check')) {
    const stale = [[yamlPath, yaml], [typesPath, types], [jsonPath, json]].filter(([p, want]) => !existsSync(p!) || readFileSync(p!, 'utf8') !== want).map(([p]) => p);
    if (stale.length) {
      console.error(`stale: ${stale.join(', ')} — run \`npm run sdk\` and commit the result`);
      process.exit(1);
    }
    console.log('contract: openapi.yaml, sdk/schema.d.ts and sdk/openapi.json are up to date');
  } else {
    writeFileSync(yamlPath, yaml);
    writeFileSync(typesPath, types);
    writeFileSync(jsonPath, json);
    console.log('wrote openapi.yaml, sdk/schema.d.ts and sdk/openapi.json');
  }
}
