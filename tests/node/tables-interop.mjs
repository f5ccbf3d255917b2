// Interop check between the EngageBot Azure Tables adapter (on Azure.Data.Tables for .NET) and Microsoft's own @azure/data-tables SDK.
// The connection string comes on stdin (it holds a key: keep it out of the process list).
//   node tables-interop.mjs read  <table> <pk> <rk>  -> prints the entity as {"Prop":{"value":"…","type":"Edm type"}} (types as the SDK sees them)
//   node tables-interop.mjs write <table> <pk> <rk>  -> writes one entity with every property type, values as below
import { TableClient } from "@azure/data-tables";
import { readFileSync } from "node:fs";

const [mode, table, pk, rk] = process.argv.slice(2);
const connectionString = readFileSync(0, "utf8").trim();
const client = TableClient.fromConnectionString(connectionString, table, { allowInsecureConnection: true });

if (mode === "read") {
  // disableTypeConversion: every property comes back as {value: string, type: EdmType}, so types can be asserted exactly.
  const entity = await client.getEntity(pk, rk, { disableTypeConversion: true });
  const out = {};
  for (const [name, v] of Object.entries(entity)) {
    if (["partitionKey", "rowKey", "timestamp", "etag", "odata.metadata"].includes(name)) continue;
    out[name] = v;
  }
  process.stdout.write(JSON.stringify(out));
} else if (mode === "write") {
  await client.createTable();
  await client.createEntity({
    partitionKey: pk,
    rowKey: rk,
    Text: "from node 'quoted' ünïcødé",
    Big: { value: "9007199254740993", type: "Int64" },
    When: { value: "2026-11-21T19:06:31.5332391Z", type: "DateTime" },
    Id: { value: "7d1f0c2e-0000-4000-8000-0123456789ab", type: "Guid" },
    Flag: true,
    Ratio: 0.25,
    Whole: { value: "2", type: "Double" },
    Small: 42,
    Bytes: new Uint8Array([0, 1, 2, 255]),
  });
} else {
  console.error("usage: node tables-interop.mjs read|write <table> <pk> <rk>  (connection string on stdin)");
  process.exit(2);
}
