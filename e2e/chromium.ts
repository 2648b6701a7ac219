/**
 * How the e2e suite and the benchmarks launch Debian's Chromium: the browser download of Playwright
 * is not used. The background-networking flags keep Chromium from calling hosts this machine cannot
 * reach.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
