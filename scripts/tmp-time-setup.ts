import setup from "../test/support/global-setup";
const t = Date.now();
await setup();
console.log("global setup", Date.now() - t, "ms");
