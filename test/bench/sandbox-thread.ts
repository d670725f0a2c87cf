// The sandbox on its own thread, for the throughput benchmark: a real shop is another machine,
// so its work must not share the sender's event loop (the journal's synchronous commits would
// stall the server too, and the figure would measure that, not the engine).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'
import { startSandbox, type SandboxOptions } from '../../electron/main/sandbox/sandbox'

export interface SandboxThread {
  baseUrl: string
  close(): Promise<void>
}

export async function startSandboxThread(options: SandboxOptions): Promise<SandboxThread> {
  const entry = new URL(import.meta.url).href
  const worker = new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}) })`, { eval: true, workerData: options })
  const baseUrl = await new Promise<string>((resolve, reject) => {
    worker.once('message', (message: { baseUrl: string }) => resolve(message.baseUrl))
    worker.once('error', reject)
  })
  return {
    baseUrl,
    close: async () => {
      worker.postMessage('close')
      await new Promise((resolve) => worker.once('exit', resolve))
    }
  }
}

if (!isMainThread && parentPort && (workerData as SandboxOptions | undefined)?.account) {
  const port = parentPort
  const sandbox = await startSandbox(workerData as SandboxOptions)
  port.postMessage({ baseUrl: sandbox.baseUrl })
  port.once('message', async () => {
    await sandbox.close()
    process.exit(0)
  })
}
