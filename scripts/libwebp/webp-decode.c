// DermEdge's entry points into libwebp's decoder, compiled to WebAssembly by scripts/build-libwebp.sh.
// JavaScript passes bytes it wrote into this module's memory (malloc) and reads the pixels back.
#include <stddef.h>
#include <stdint.h>

#include "src/webp/decode.h"

// out[0..4]: width, height, has_alpha, has_animation, format (0 mixed/undefined, 1 lossy, 2 lossless).
// Returns libwebp's VP8StatusCode (0 = OK).
int dermedge_webp_features(const uint8_t* data, size_t size, int32_t* out) {
  WebPBitstreamFeatures features;
  const VP8StatusCode status = WebPGetFeatures(data, size, &features);
  if (status != VP8_STATUS_OK) return status;
  out[0] = features.width;
  out[1] = features.height;
  out[2] = features.has_alpha;
  out[3] = features.has_animation;
  out[4] = features.format;
  return VP8_STATUS_OK;
}

// Decodes to RGB (alpha dropped, not blended: what Pillow's convert("RGB") gives) of `width` x `height`
// into `out` (`width * 3` bytes a row). A size other than the stored one is made by libwebp's own
// rescaler as rows are decoded, so a lossy picture is never held at full size.
// Returns libwebp's VP8StatusCode (0 = OK), or -1 when the decoder cannot be set up.
int dermedge_webp_decode_rgb(const uint8_t* data, size_t size, int width, int height, uint8_t* out,
                             size_t out_size) {
  WebPDecoderConfig config;
  if (!WebPInitDecoderConfig(&config)) return -1;
  const VP8StatusCode status = WebPGetFeatures(data, size, &config.input);
  if (status != VP8_STATUS_OK) return status;
  if (width != config.input.width || height != config.input.height) {
    config.options.use_scaling = 1;
    config.options.scaled_width = width;
    config.options.scaled_height = height;
  }
  config.output.colorspace = MODE_RGB;
  config.output.is_external_memory = 1;
  config.output.u.RGBA.rgba = out;
  config.output.u.RGBA.stride = width * 3;
  config.output.u.RGBA.size = out_size;
  return WebPDecode(data, size, &config);
}

// libwebp's version as 0xMMmmpp, so tests can tell which library a module holds.
int dermedge_webp_version(void) { return WebPGetDecoderVersion(); }
