// Whether the PHP reference tests run. PHP is the ground truth of the request signature, so CI
// must have it: there a missing php-cli (or php-curl) fails these tests instead of skipping them.
import { spawnSync } from 'node:child_process'

const inCi = Boolean(process.env['CI'])

function phpSays(code: string): string | undefined {
  const run = spawnSync('php', ['-r', code], { encoding: 'utf8' })
  return run.status === 0 ? run.stdout : undefined
}

/** php-cli is on PATH. */
export const hasPhp = phpSays('echo "yes";') === 'yes'

/** php-cli with the curl extension (the vendor's example client needs it). */
export const hasPhpCurl = hasPhp && phpSays('echo function_exists("curl_init") ? "yes" : "no";') === 'yes'

/** Run the tests that need php-cli: where it is installed, and always in CI. */
export const runPhpTests = hasPhp || inCi

/** Run the tests that need php-cli with curl: where both are installed, and always in CI. */
export const runPhpCurlTests = hasPhpCurl || inCi

if (!runPhpCurlTests) {
  console.warn('Skipping the PHP reference tests: php-cli with php-curl is not installed (apt-get install php-cli php-curl).')
}
