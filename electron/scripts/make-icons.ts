// Renders resources/build/icon.svg into the icons the installers need, in Chromium (playwright-core,
// /usr/bin/chromium or ORDERBATCH_CHROMIUM): icons/NxN.png (Linux), icon.png (1024), icon.ico
// (Windows, PNG entries) and icon.icns (macOS, PNG entries). Run after changing the SVG:
// node --import tsx electron/scripts/make-icons.ts
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'

const dir = resolve(import.meta.dirname, '..', '..', 'resources', 'build')
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
// icns types holding PNG data, by pixel size.
const ICNS_TYPES: Array<[string, number]> = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512]
]

export function ico(pngs: ReadonlyMap<number, Buffer>, sizes: readonly number[]): Buffer {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(sizes.length, 4)
  const entries: Buffer[] = []
  let offset = 6 + 16 * sizes.length
  for (const size of sizes) {
    const png = pngs.get(size) as Buffer
    const entry = Buffer.alloc(16)
    entry.writeUInt8(size >= 256 ? 0 : size, 0)
    entry.writeUInt8(size >= 256 ? 0 : size, 1)
    entry.writeUInt16LE(1, 4)
    entry.writeUInt16LE(32, 6)
    entry.writeUInt32LE(png.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += png.length
    entries.push(entry)
  }
  return Buffer.concat([header, ...entries, ...sizes.map((size) => pngs.get(size) as Buffer)])
}

export function icns(pngs: ReadonlyMap<number, Buffer>): Buffer {
  const chunks = ICNS_TYPES.map(([type, size]) => {
    const png = pngs.get(size) as Buffer
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const body = Buffer.concat(chunks)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}

async function main(): Promise<void> {
  const svg = readFileSync(join(dir, 'icon.svg'), 'utf8')
  const browser = await chromium.launch({ executablePath: process.env['ORDERBATCH_CHROMIUM'] ?? '/usr/bin/chromium' })
  const pngs = new Map<number, Buffer>()
  try {
    const page = await browser.newPage()
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size })
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`)}</body></html>`
      )
      pngs.set(size, await page.locator('svg').screenshot({ omitBackground: true }))
    }
  } finally {
    await browser.close()
  }
  mkdirSync(join(dir, 'icons'), { recursive: true })
  for (const [size, png] of pngs) writeFileSync(join(dir, 'icons', `${size}x${size}.png`), png)
  writeFileSync(join(dir, 'icon.png'), pngs.get(1024) as Buffer)
  writeFileSync(join(dir, 'icon.ico'), ico(pngs, ICO_SIZES))
  writeFileSync(join(dir, 'icon.icns'), icns(pngs))
  console.log(`Wrote ${SIZES.length} PNGs, icon.ico and icon.icns in ${dir}.`)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main()
