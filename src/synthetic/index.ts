export { BPE_FILE, clipTokenizerJson } from "./clip-tokenizer";
export {
  CLIP_ASSETS_DIR,
  readUpstream,
  type SyntheticPackageOptions,
  writeSyntheticPackage,
} from "./package";
export { syntheticPhoto } from "./photos";
export { type ClipDims, SIZES, type SyntheticSize } from "./sizes";
