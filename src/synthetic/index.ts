export { revisionHash, type SyntheticPackageOptions, writeSyntheticPackage } from "./package";
export { type ClipDims, SIZES, type SyntheticSize } from "./sizes";
