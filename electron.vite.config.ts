import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const root = dirname(fileURLToPath(import.meta.url))

// Main and preload are built for Node/Electron; the renderer is a plain web build, so the same
// bundle also runs in an ordinary browser behind the browser host. The command line is a third
// entry of the main build (out/main/cli.js, plain Node, no Electron): bin/orderbatch.js runs it
// when it is newer than the sources, so no TypeScript is compiled when the CLI starts.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          cli: resolve(root, 'electron/main/cli/node-entry.ts'),
          'sheet-worker': resolve(root, 'electron/main/sheets/sheet-worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // A sandboxed preload can only be one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(root, 'renderer'),
    build: {
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } }
    },
    plugins: [react()]
  }
})
