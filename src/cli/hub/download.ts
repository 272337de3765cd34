import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CliError } from "../errors";
import { hubFetch } from "./client";
import type { Expected } from "./pins";

export interface Hashes {
  sha256: string;
  gitBlobId: string;
}

/** sha256 and git blob id of a file, in one pass. */
export async function hashFile(path: string): Promise<Hashes> {
  const { size } = await stat(path);
  const sha256 = createHash("sha256");
  const sha1 = createHash("sha1").update(`blob ${size}\0`);
  for await (const chunk of createReadStream(path)) {
    sha256.update(chunk);
    sha1.update(chunk);
  }
  return { sha256: sha256.digest("hex"), gitBlobId: sha1.digest("hex") };
}

/** Throws (after deleting the file) unless the file is exactly what `expected` says. */
export async function verify(path: string, name: string, expected: Expected): Promise<Hashes> {
  const { size } = await stat(path);
  const hashes = await hashFile(path);
  const problem =
    size !== expected.size
      ? `${size} bytes, expected ${expected.size}`
      : expected.sha256 && hashes.sha256 !== expected.sha256
        ? `sha256 ${hashes.sha256}, expected ${expected.sha256}`
        : expected.gitBlobId && hashes.gitBlobId !== expected.gitBlobId
          ? `git blob ${hashes.gitBlobId}, expected ${expected.gitBlobId}`
          : undefined;
  if (problem) {
    await rm(path, { force: true });
    throw new CliError(`${name}: ${problem} (${expected.source}); the download was deleted`);
  }
  return hashes;
}

/**
 * Downloads `url` to `target`, through `target.part`: an interrupted download resumes from the .part
 * file's length with an HTTP Range request. The file is verified before it takes its final name.
 */
export async function downloadVerified(
  url: string,
  target: string,
  name: string,
  expected: Expected,
  onBytes: (count: number) => void,
): Promise<Hashes> {
  const part = `${target}.part`;
  await mkdir(dirname(target), { recursive: true });
  const have = await stat(part).then(
    (s) => s.size,
    () => 0,
  );
  if (have >= expected.size) return finish(part, target, name, expected);
  const resume = have > 0;
  const res = await hubFetch(url, resume ? { headers: { range: `bytes=${have}-` } } : {});
  if (!res.ok || !res.body) throw new CliError(`${url}: ${res.status} ${res.statusText}`);
  const append = resume && res.status === 206;
  if (append) onBytes(have);
  const body = Readable.fromWeb(res.body as import("node:stream/web").ReadableStream);
  body.on("data", (chunk: Buffer) => onBytes(chunk.length));
  try {
    await pipeline(body, createWriteStream(part, { flags: append ? "a" : "w" }));
  } catch (error) {
    throw new CliError(`${name}: download interrupted (${(error as Error).message}); run again to resume`);
  }
  return finish(part, target, name, expected);
}

async function finish(part: string, target: string, name: string, expected: Expected): Promise<Hashes> {
  const hashes = await verify(part, name, expected);
  await rename(part, target);
  return hashes;
}
