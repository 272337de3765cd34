/**
 * Section 3: decode + preprocess (CLIP's 224x224 crop, normalised) of the 4032x3024 phone JPEG and a
 * 1280x960 one: ours in workerd against sharp (libvips + libjpeg-turbo, one thread) in Node doing the
 * same work (a full decode, then the resize and crop: our `exact` decode); sharp's shrink-on-load
 * (DCT-domain downscale) is printed beside it. Then, for the phone photo, our default scaled decode
 * (DCT-domain 1/4, as Pillow's draft()) against sharp's shrink-on-load, which does the same work.
 * Peak added memory: the engine's accounting and the workerd process's VmHWM.
 */
import sharp from "sharp";
import { centerCrop, resizeShortestEdge } from "../../src/image/preprocess";
import { CLIP_PREPROCESSOR, normalizePixels } from "../lib/clip";
import type { BenchContext } from "../lib/context";
import { alternate, compare, goal, type Row, spread, step, timed } from "../lib/report";
import { bundles, fetcher, resetPeakRss, rss, startWorkerd, worker } from "../lib/workerd";

const SECTION = "3 decode+preprocess";
const MB = 1e6;

/** sharp doing our work: decode every pixel, resize the shortest edge to 224 (cubic), centre crop. */
async function sharpCrop(photo: Uint8Array, shrinkOnLoad: boolean): Promise<Float32Array> {
  const meta = await sharp(photo).metadata();
  const size = CLIP_PREPROCESSOR.size;
  const resized = resizeShortestEdge(meta.width!, meta.height!, size);
  const crop = centerCrop(resized.width, resized.height, size);
  const source = shrinkOnLoad
    ? sharp(photo)
    : await sharp(photo)
        .raw()
        .toBuffer({ resolveWithObject: true })
        .then(({ data, info }) =>
          sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } }),
        );
  const rgb = await source
    .resize(resized.width, resized.height, { kernel: "cubic", fit: "fill" })
    .extract(crop)
    .removeAlpha()
    .raw()
    .toBuffer();
  return normalizePixels(rgb);
}

/**
 * Our default decode of a large JPEG (scaled in the DCT domain) against sharp's shrink-on-load doing the
 * same, and its peak added memory in a workerd that has decoded nothing yet.
 */
async function scaledRows(
  name: string,
  photo: Uint8Array,
  pid: number,
  ours: () => Promise<number>,
  rounds: number,
): Promise<Row[]> {
  await resetPeakRss(pid);
  const before = (await rss(pid)).rss;
  await ours();
  const peak = (await rss(pid)).peak - before;
  const [o, shrink] = await alternate(rounds, ours, () => timed(() => sharpCrop(photo, true)));
  const row = compare(
    {
      section: SECTION,
      unit: "ms",
      what: `${name}: scaled decode in workerd`,
      peerName: "sharp, shrink-on-load + resize",
      note: `peak added memory (workerd's VmHWM over its RSS before, first decode) ${(peak / MB).toFixed(1)} MB`,
    },
    o,
    shrink,
  );
  return [
    goal(row, "<= 3x", 3),
    {
      section: SECTION,
      what: `${name}: scaled decode, peak added memory, first decode`,
      unit: "MB",
      ours: spread([peak / MB]),
      goal: { text: "ours < 16 MB", met: peak < 16 * MB },
      note: "workerd's VmHWM over its RSS before",
    },
  ];
}

export async function decodeSection({ photos, rounds }: BenchContext): Promise<Row[]> {
  sharp.concurrency(1);
  sharp.cache(false);
  const rows: Row[] = [];
  // The smaller photo first: peak RSS is a high-water mark, and memory freed after a bigger decode
  // would be reused unseen. Ours gets a new workerd per photo, without the model: its peak is the
  // decoder's and the runtime's.
  for (const [name, photo, isPhone] of [
    ["1280x960 JPEG", photos.telegram, false],
    ["4032x3024 phone JPEG", photos.phone, true],
  ] as const) {
    step(`section 3: ${name}`);
    const { mf, pid } = await startWorkerd([await worker("bench", (await bundles()).bench)]);
    try {
      const bench = await fetcher(mf, "bench");
      let bytesHeld = 0;
      const prepare = async (exact: boolean) => {
        const url = `http://x/prepare?runs=1${exact ? "&exact=1" : ""}`;
        const res = await bench.fetch(url, { method: "POST", body: photo.slice() });
        if (!res.ok) throw new Error(`bench /prepare answered ${res.status}`);
        const body = (await res.json()) as { ms: number[]; bytesHeld: number };
        bytesHeld = body.bytesHeld;
        return body.ms[0];
      };
      const ours = () => prepare(true);
      // The scaled decode first: it is the smaller, and VmHWM is a high-water mark.
      if (isPhone) rows.push(...(await scaledRows(name, photo, pid, () => prepare(false), rounds)));
      // Peak added memory, cold: VmHWM over the RSS before the first decode.
      await resetPeakRss(pid);
      const before = (await rss(pid)).rss;
      await ours();
      const oursPeak = (await rss(pid)).peak - before;
      await resetPeakRss("self");
      const sharpBefore = (await rss(process.pid)).rss;
      await sharpCrop(photo, false);
      const sharpPeak = (await rss(process.pid)).peak - sharpBefore;

      const [o, full] = await alternate(rounds, ours, () => timed(() => sharpCrop(photo, false)));
      const shrink: number[] = [];
      for (let i = 0; i < rounds; i++) shrink.push(await timed(() => sharpCrop(photo, true)));
      const row = compare(
        {
          section: SECTION,
          unit: "ms",
          what: `${name}: ours in workerd`,
          peerName: "sharp, full decode + resize",
          note: `sharp shrink-on-load ${spread(shrink).median.toFixed(1)} ms (ours/that ${(spread(o).median / spread(shrink).median).toFixed(1)}x); engine's accounting of decode buffers ${(bytesHeld / MB).toFixed(1)} MB`,
        },
        o,
        full,
      );
      rows.push(isPhone ? goal(row, "<= 2x", 2) : row);
      rows.push({
        section: SECTION,
        what: `${name}: peak added memory, first decode`,
        unit: "MB",
        ours: spread([oursPeak / MB]),
        peerName: "sharp, full decode (this process)",
        peer: spread([sharpPeak / MB]),
        ratio: spread([oursPeak / sharpPeak]),
        ...(isPhone ? { goal: { text: "ours < 16 MB", met: oursPeak < 16 * MB } } : {}),
        note: "ours: workerd's VmHWM over its RSS before; sharp: this Node process's",
      });
    } finally {
      await mf.dispose();
    }
  }
  return rows;
}
