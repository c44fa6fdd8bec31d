import { crc32, deflateSync } from "node:zlib";
import { consoleUrl } from "./browser";
import type { Shop } from "./shop";

/** A real PNG (a flat colour with a darker band, like a book's spine), for uploads the browser must show. */
export function photoPng(rgb: [number, number, number], width = 160, height = 120): Buffer {
  const row = (y: number) => {
    const pixels = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const shade = x < width / 6 ? 0.6 : y > height * 0.8 ? 0.85 : 1;
      rgb.forEach((value, i) => {
        pixels[1 + x * 3 + i] = Math.round(value * shade);
      });
    }
    return pixels;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const image = deflateSync(Buffer.concat(Array.from({ length: height }, (_, y) => row(y))));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", image),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Adds a photo to a listing through the API, as a storefront's seller tool would. */
export async function addPhoto(shop: Shop, listingId: string, png: Buffer): Promise<string> {
  const response = await fetch(`${consoleUrl}/v1/seller/listings/${listingId}/photos`, {
    method: "POST",
    headers: { authorization: `Bearer ${shop.accessToken}`, "content-type": "image/png" },
    body: png,
  });
  if (response.status !== 201) throw new Error(`photo upload answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}
