import { gunzipSync } from "fflate";
import { requireHostFile } from "../support/host-files";

/** A committed fixture of test/fixtures/audio (made by scripts/audio-fixtures.sh). */
export const audioFixture = (name: string) => requireHostFile("fixtures", `audio/${name}`);

export async function gzFloat32(name: string): Promise<Float32Array> {
  const bytes = gunzipSync(await audioFixture(name));
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
}

export async function gzInt16(name: string): Promise<Int16Array> {
  const bytes = gunzipSync(await audioFixture(name));
  return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
}
