// The bridge between the sandboxed renderer and main. It grows from the IPC contract in shared/;
// for now it only tells the page which version it runs.
import { contextBridge } from 'electron'

contextBridge.exposeInMainWorld('orderbatch', { version: '0.1.0' })
