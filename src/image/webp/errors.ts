import { ImageError } from "../types";

export function corruptWebp(detail: string): ImageError {
  return new ImageError("corrupt_image", `The WebP image is damaged or truncated: ${detail}`, "webp");
}
