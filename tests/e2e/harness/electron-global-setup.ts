import { ELECTRON_MISSING_REASON, installedElectronBinary } from './paths';

/** Says once, at the top of the run, why every Electron test is about to be skipped (the list reporter does not). */
export default function electronGlobalSetup(): void {
  if (installedElectronBinary() === null) console.warn(`\n⚠ Every test will be skipped: ${ELECTRON_MISSING_REASON}.\n`);
}
