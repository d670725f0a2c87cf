// node:crypto's MD5 for the request signatures, installed by every Node entry point (the CLI,
// the Electron main process, the browser host) in place of shared/md5.ts's pure one.
import { createHash } from 'node:crypto'
import { setMd5Implementation } from '../../../shared/md5-choice'

export function nodeMd5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex')
}

export function useNodeMd5(): void {
  setMd5Implementation(nodeMd5)
}
