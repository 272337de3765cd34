/**
 * `npm run deploy [-- --force]`: deploys every Worker of the service, the ones the main Worker binds to first (the main
 * Worker's service bindings need them). Refuses when the remote bucket's active model is synthetic
 * (its answers mean nothing) unless --force; `dermedge model install --remote` has the same guard.
 * Refuses, whatever --force says, when the main Worker has no API_KEYS secret and wrangler.toml does not
 * set OPEN_ACCESS = "true" (scripts/access-guard.ts).
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { accessDecision, openAccessVar, secretNames } from "./access-guard";
import { writeApiAssets } from "./api-assets";
import { activeManifest, auxiliaryConfigs, banner, root, wrangler } from "./wrangler";

const force = process.argv.includes("--force");
const active = await activeManifest("--remote");
if (!active) {
  process.stderr.write(
    "deploy: no model in the remote bucket; run `dermedge model install DIR --remote` first\n",
  );
  process.exit(1);
}
if (active.synthetic) {
  if (!force) {
    process.stderr.write(
      `deploy: the active model ${active.id} is SYNTHETIC; refusing (--force to deploy anyway)\n`,
    );
    process.exit(1);
  }
  banner([`Deploying with the SYNTHETIC model ${active.id} (--force): its answers mean nothing.`]);
}
const secrets = await wrangler(["secret", "list", "--format", "json", "-c", "wrangler.toml"], {
  quiet: true,
});
const access = accessDecision(
  secrets.code === 0 ? secretNames(secrets.stdout) : null,
  openAccessVar(await readFile(resolve(root, "wrangler.toml"), "utf8")),
);
if (!access.deploy) {
  process.stderr.write(`deploy: ${access.reason}\n`);
  process.exit(1);
}
if (access.warning) banner([access.warning]);
await writeApiAssets(); // wrangler.toml's [assets], from the Scalar version pinned in package.json
for (const config of [...auxiliaryConfigs(), "wrangler.toml"]) {
  const { code } = await wrangler(["deploy", "-c", config], { inherit: true });
  if (code !== 0) process.exit(code);
}
