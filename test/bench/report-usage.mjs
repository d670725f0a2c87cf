// Loaded with `node --import` by the scale benchmark: when the process ends, its CPU time and
// peak RSS go to the file named by BENCH_USAGE_FILE (a child's own figures, which its parent
// cannot read after it has exited).
import { writeFileSync } from 'node:fs'
import process from 'node:process'

const file = process.env.BENCH_USAGE_FILE
if (file) {
  process.on('exit', () => {
    const cpu = process.cpuUsage()
    writeFileSync(file, JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 }))
  })
}
