#!/usr/bin/env bash
# Builds src/image/webp/libwebp/webp-decode.wasm: libwebp's decoder (src/dec, src/dsp, src/utils) and
# scripts/libwebp/webp-decode.c, as a standalone WebAssembly module with no JavaScript glue, so that a
# Worker can import it compiled (workerd may not compile WASM from bytes). CI and users never run this:
# the built module is committed. Needs emcc (Debian bookworm: apt-get install emscripten, 3.1.6).
#
#   scripts/build-libwebp.sh            build and write the module
#   scripts/build-libwebp.sh --check    build and compare with the committed module (sha256)
set -euo pipefail

LIBWEBP_VERSION=1.6.0
# The release tarball (upstream's libwebp-1.6.0.tar.gz; Debian ships the same file as its orig tarball).
LIBWEBP_SHA256=e4ab7009bf0629fd11982d4c2aa83964cf244cffba7347ecd39019a9e38c4564
LIBWEBP_URLS=(
  "https://storage.googleapis.com/downloads.webmproject.org/releases/webp/libwebp-${LIBWEBP_VERSION}.tar.gz"
  "http://deb.debian.org/debian/pool/main/libw/libwebp/libwebp_${LIBWEBP_VERSION}.orig.tar.gz"
)

root="$(cd "$(dirname "$0")/.." && pwd)"
out_dir="$root/src/image/webp/libwebp"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

tarball="$work/libwebp.tar.gz"
for url in "${LIBWEBP_URLS[@]}"; do
  if curl -sSfL -o "$tarball" "$url" 2>/dev/null; then break; fi
done
echo "$LIBWEBP_SHA256  $tarball" | sha256sum -c --quiet
tar -xzf "$tarball" -C "$work"
src="$work/libwebp-${LIBWEBP_VERSION}"

# The decoder's sources as libwebp's own Makefile.am lists them for libwebpdecoder, plus the SSE2 and
# SSE4.1 paths, which emscripten maps onto WebAssembly SIMD (libwebp selects them at compile time under
# EMSCRIPTEN; their output is bit-exact with the plain C paths).
sources=(
  "$src"/src/dec/*.c
  "$src"/src/utils/{bit_reader,color_cache,filters,huffman,quant_levels_dec,rescaler,random,thread}_utils.c
  "$src"/src/utils/{palette,utils}.c
  "$src"/src/dsp/{alpha_processing,cpu,dec,dec_clip_tables,filters,lossless,rescaler,upsampling,yuv}.c
  "$src"/src/dsp/{alpha_processing,dec,filters,lossless,rescaler,upsampling,yuv}_sse2.c
  "$src"/src/dsp/{alpha_processing,dec,lossless,upsampling,yuv}_sse41.c
  "$root/scripts/libwebp/webp-decode.c"
)

exports='["_malloc","_free","_dermedge_webp_features","_dermedge_webp_decode_rgb","_dermedge_webp_version"]'
# Standalone: it imports its memory (env.memory, at least 1 MiB) and a growth notice, nothing else. The
# caller makes a fresh memory per decode whose maximum is what it reserved for it: libwebp's allocations
# past that fail (VP8_STATUS_OUT_OF_MEMORY) instead of growing the isolate.
emcc -O3 -flto -msimd128 -msse4.1 -DNDEBUG \
  -I"$src" -ffile-prefix-map="$work"=. \
  "${sources[@]}" \
  -sSTANDALONE_WASM=1 --no-entry -sFILESYSTEM=0 -sMALLOC=emmalloc \
  -sIMPORTED_MEMORY=1 -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=1MB -sTOTAL_STACK=128KB \
  -sEXPORTED_FUNCTIONS="$exports" \
  -o "$work/webp-decode.wasm"

if [[ "${1:-}" == "--check" ]]; then
  cmp "$work/webp-decode.wasm" "$out_dir/webp-decode.wasm"
  echo "the committed module is what this script builds"
  exit 0
fi
mkdir -p "$out_dir"
cp "$work/webp-decode.wasm" "$out_dir/webp-decode.wasm"
cp "$src/COPYING" "$out_dir/LICENSE"
cp "$src/PATENTS" "$out_dir/PATENTS"
sha256sum "$out_dir/webp-decode.wasm" | sed "s|$out_dir/||" > "$out_dir/webp-decode.wasm.sha256"
echo "built $(wc -c < "$out_dir/webp-decode.wasm") bytes; $(cat "$out_dir/webp-decode.wasm.sha256")"
