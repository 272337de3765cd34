/**
 * `npm run dev`: every Worker of the service in one `wrangler dev` session, with local R2 and KV and a model
 * (the real one, or offline the tiny synthetic one); see dev-session.ts. Arguments go to wrangler dev.
 */
import { runDev } from "./dev-session";

process.exitCode = await runDev({ args: process.argv.slice(2) });
