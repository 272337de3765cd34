import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import sharp from "sharp";
import { root, work } from "./packages";

export interface BenchPhotos {
  /** 4032x3024 phone JPEG: ../shared's fixture, or a generated one on a bare clone. */
  phone: Uint8Array;
  /** 1280x960 JPEG, the size Telegram sends photos at: the phone photo resized by sharp, quality 87. */
  telegram: Uint8Array;
  phonePath: string;
  telegramPath: string;
  source: string;
}

const FIXTURE = resolve(root, "../shared/fixtures/images/formats/phone_4032x3024.jpg");

/** Skin-toned gradients with texture, so that the JPEG has real detail to decode (seeded). */
function generatedPhone(width: number, height: number): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  let seed = 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const noise = ((seed >>> 16) / 65536 - 0.5) * 30;
      const shade = 0.8 + 0.2 * Math.sin((x / width) * 7) * Math.cos((y / height) * 5);
      const base = [225, 170, 140];
      for (let c = 0; c < 3; c++)
        rgb[(y * width + x) * 3 + c] = Math.max(0, Math.min(255, base[c] * shade + noise));
    }
  }
  return rgb;
}

export async function benchPhotos(): Promise<BenchPhotos> {
  const dir = resolve(work, "photos");
  await mkdir(dir, { recursive: true });
  const shared = existsSync(FIXTURE);
  const phonePath = shared ? FIXTURE : resolve(dir, "phone_4032x3024.jpg");
  if (!shared && !existsSync(phonePath)) {
    const raw = generatedPhone(4032, 3024);
    await writeFile(
      phonePath,
      await sharp(raw, { raw: { width: 4032, height: 3024, channels: 3 } })
        .jpeg({ quality: 90 })
        .toBuffer(),
    );
  }
  const telegramPath = resolve(dir, "telegram_1280x960.jpg");
  if (!existsSync(telegramPath)) {
    await writeFile(telegramPath, await sharp(phonePath).resize(1280, 960).jpeg({ quality: 87 }).toBuffer());
  }
  return {
    phone: new Uint8Array(await readFile(phonePath)),
    telegram: new Uint8Array(await readFile(telegramPath)),
    phonePath,
    telegramPath,
    source: shared ? "../shared fixture" : "generated (no ../shared)",
  };
}
