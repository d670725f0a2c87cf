// electron-builder reads this file (`npm run dist`); the configuration itself is a pure function
// of the environment in electron/scripts/builder-config.ts, checked by a unit test.
import { builderConfig } from './electron/scripts/builder-config'

export default builderConfig(process.env)
