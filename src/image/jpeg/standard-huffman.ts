import { buildHuffmanTable, type HuffmanTable } from "./huffman";

// The example tables of ITU T.81 annex K.3. libjpeg-turbo installs them in empty slots 0 and 1 of a
// sequential image (Motion-JPEG frames omit DHT), so we do too.
const DC_LUMA_COUNTS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_CHROMA_COUNTS = [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
const DC_SYMBOLS = "000102030405060708090a0b";
const AC_LUMA_COUNTS = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d];
const AC_LUMA_SYMBOLS =
  "01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738" +
  "393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5" +
  "a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9fa";
const AC_CHROMA_COUNTS = [0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77];
const AC_CHROMA_SYMBOLS =
  "000102031104052131061241510761711322328108144291a1b1c109233352f0156272d10a162434e125f11718191a262728292a353637" +
  "38393a434445464748494a535455565758595a636465666768696a737475767778797a82838485868788898a92939495969798999aa2a3" +
  "a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae2e3e4e5e6e7e8e9eaf2f3f4f5f6f7f8f9fa";

function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Standard tables for slots 0 (luma) and 1 (chroma). */
export function standardHuffmanTables(): { dc: HuffmanTable[]; ac: HuffmanTable[] } {
  const dcSymbols = fromHex(DC_SYMBOLS);
  return {
    dc: [
      buildHuffmanTable(DC_LUMA_COUNTS, dcSymbols, true),
      buildHuffmanTable(DC_CHROMA_COUNTS, dcSymbols, true),
    ],
    ac: [
      buildHuffmanTable(AC_LUMA_COUNTS, fromHex(AC_LUMA_SYMBOLS), false),
      buildHuffmanTable(AC_CHROMA_COUNTS, fromHex(AC_CHROMA_SYMBOLS), false),
    ],
  };
}
