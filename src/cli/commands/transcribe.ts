import { AudioError, DEFAULT_MAX_SECONDS } from "../../audio";
import { nodeWasm } from "../../lib/node-wasm.node";
import { directoryStore } from "../../model/package/directory-store.node";
import { SpeechEngine, type SpeechLanguage } from "../../model/speech/engine";
import { parse, required } from "../args";
import { CliError, UsageError } from "../errors";
import { readInput } from "../files";

const LANGS: readonly SpeechLanguage[] = ["en", "zh"];

/**
 * `dermedge transcribe FILE --model DIR [--lang en|zh] [--max-new-tokens N] [--no-cache]`: what the
 * speech Worker hears in a voice note, as JSON (text, language, token ids, confidence).
 */
export async function transcribe(args: string[]): Promise<void> {
  const { values, positionals } = parse(
    args,
    {
      model: { type: "string" },
      lang: { type: "string" },
      "max-new-tokens": { type: "string" },
      "no-cache": { type: "boolean" },
    },
    ["FILE"],
  );
  const language = values.lang as SpeechLanguage | undefined;
  if (language && !LANGS.includes(language))
    throw new UsageError(`--lang must be en or zh, not "${language}"`);
  const maxNewTokens = values["max-new-tokens"] === undefined ? undefined : Number(values["max-new-tokens"]);
  if (maxNewTokens !== undefined && !(Number.isSafeInteger(maxNewTokens) && maxNewTokens > 0)) {
    throw new UsageError("--max-new-tokens must be a positive integer");
  }
  const bytes = await readInput(positionals[0]);
  const engine = await SpeechEngine.open(directoryStore(required(values.model, "model")), {
    ortWasm: await nodeWasm("onnxruntime-web/ort-wasm-simd-threaded.wasm"),
  });
  try {
    const started = Date.now();
    const t = await engine.transcribeAudio(bytes, {
      language,
      maxNewTokens,
      useCache: !values["no-cache"],
      maxSeconds: DEFAULT_MAX_SECONDS,
    });
    const output = {
      model: engine.info,
      text: t.text,
      language: t.language,
      tokenIds: t.tokenIds,
      confidence: t.confidence,
      seconds: t.seconds,
      windows: t.windows,
      ms: Date.now() - started,
    };
    console.log(JSON.stringify(output, null, 2));
  } catch (error) {
    if (error instanceof AudioError)
      throw new CliError(`${positionals[0]}: ${error.message} (${error.code})`);
    throw error;
  }
}
