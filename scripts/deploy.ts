/**
 * `npm run deploy [-- --force]`: deploys every Worker of the service, the ones the main Worker binds to first (the main
 * Worker's service bindings need them). Refuses when the remote bucket's active model is synthetic
 * (its answers mean nothing) unless --force; `dermedge model install --remote` has the same guard.
 */
import { activeManifest, auxiliaryConfigs, banner, wrangler } from "./wrangler";

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
for (const config of [...auxiliaryConfigs(), "wrangler.toml"]) {
  const { code } = await wrangler(["deploy", "-c", config], { inherit: true });
  if (code !== 0) process.exit(code);
}
