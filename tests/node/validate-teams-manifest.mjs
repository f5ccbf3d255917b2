// Validates a Teams app manifest (stdin) against Microsoft's JSON schema for its manifestVersion, as shipped in
// @microsoft/app-manifest (the package the Microsoft 365 Agents Toolkit validates with). Prints the errors as JSON.
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);
const pkg = dirname(require.resolve("@microsoft/app-manifest/package.json"));
const manifest = JSON.parse(readFileSync(0, "utf8"));
const schemaFile = join(pkg, "build", "json-schemas", "teams", `v${manifest.manifestVersion}`, "MicrosoftTeams.schema.json");
if (!existsSync(schemaFile)) {
  console.log(JSON.stringify({ valid: false, errors: [`no schema for manifestVersion ${manifest.manifestVersion}`] }));
  process.exit(0);
}
const schema = JSON.parse(readFileSync(schemaFile, "utf8").replace(/^\uFEFF/, ""));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const valid = validate(manifest);
console.log(JSON.stringify({ valid, schema: schemaFile.slice(pkg.length + 1), errors: (validate.errors ?? []).map(e => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`) }));
