// Where the e2e tests find the project, the built renderer and the sample sheets.
import { resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../../..')
export const RENDERER_OUT = resolve(ROOT, 'out/renderer')
export const SAMPLE_CSV = resolve(ROOT, 'resources/samples/orders.csv')
export const SHOTS_DIR = resolve(ROOT, 'test/e2e/screenshots')
