import { ImageError } from "../types";

export function corruptPng(detail: string): ImageError {
  return new ImageError("corrupt_image", `The PNG image is damaged or truncated: ${detail}`, "png");
}
