// electron-builder configuration (`npm run package`). Packaging downloads Electron and the
// AppImage/deb/NSIS tools, so it needs internet. Native modules are Node-API prebuilds that load
// in Electron as they are, hence npmRebuild: false (a rebuild here would pick the wrong ABI).
import type { Configuration } from 'electron-builder';

const config: Configuration = {
  appId: 'coop.console.desktop',
  productName: 'Coop Console',
  copyright: 'Coop Console contributors — GPL-3.0-or-later',
  npmRebuild: false,
  directories: { output: 'release', buildResources: 'build' },
  files: ['out/tsc/src-main/**/*.js', 'out/tsc/src-main/**/*.cjs', 'out/tsc/substrate-bindings/**/*.js', 'out/renderer/**', 'package.json'],
  extraResources: [
    { from: 'migrations', to: 'migrations' },
    { from: 'resources', to: 'resources' },
  ],
  asarUnpack: ['**/*.node'],
  linux: { target: ['AppImage', 'deb'], category: 'Office', maintainer: 'Coop Console contributors' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
};

export default config;
