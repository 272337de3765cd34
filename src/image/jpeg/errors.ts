import { ImageError } from "../types";

/** The stream claims to be JPEG but cannot be decoded as such. */
export function corrupt(message: string): ImageError {
  return new ImageError("corrupt_image", `JPEG: ${message}`, "jpeg");
}

/** A JPEG feature libjpeg-turbo (as Pillow uses it) would not decode either; `format` names it. */
export function unsupported(message: string, format: string): ImageError {
  return new ImageError("unsupported_format", `JPEG: ${message}`, format);
}
