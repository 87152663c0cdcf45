/**
 * File extensions refused by default (DENIED_FILE_EXTENSIONS replaces the list): programs,
 * installers, scripts and shortcuts that run when an agent double-clicks them, on Windows, macOS,
 * Linux or Android, and the carriers phishing delivers them in: disk images that mount with a
 * double-click (and so skip the download warning), web pages, macro-enabled Office files, Excel
 * add-ins and data links, OneNote notebooks. Archives, ordinary documents and generic data (`.bin`)
 * stay allowed: programs and carriers hidden in them by content are caught by their bytes
 * (sniff-file-type.ts, carrier-kind.ts), the rest is the agent's antivirus' job.
 */
export const DEFAULT_DENIED_EXTENSIONS: readonly string[] = [
  // Windows programs, libraries, installers and control panel items
  'exe', 'com', 'scr', 'pif', 'cpl', 'dll', 'sys', 'drv', 'ocx', 'msi', 'msp', 'mst', 'msix', 'msixbundle',
  'appx', 'appxbundle', 'application', 'appref-ms', 'xbap', 'gadget', 'msc',
  // Windows scripts and script hosts
  'bat', 'cmd', 'vb', 'vbs', 'vbe', 'js', 'jse', 'wsf', 'wsh', 'ws', 'wsc', 'sct', 'hta',
  'ps1', 'ps1xml', 'ps2', 'ps2xml', 'psc1', 'psc2', 'psd1', 'psm1',
  // shortcuts, registry, settings files that run something
  'lnk', 'url', 'scf', 'inf', 'reg', 'chm', 'library-ms', 'settingcontent-ms',
  // Java, JavaScript modules, WebAssembly
  'jar', 'jnlp', 'class', 'mjs', 'cjs', 'wasm',
  // Unix shells and programs
  'sh', 'bash', 'zsh', 'csh', 'ksh', 'fish', 'command', 'run',
  // macOS and Linux installers, Android packages
  'app', 'pkg', 'mpkg', 'dmg', 'scpt', 'workflow', 'action', 'deb', 'rpm', 'apk', 'xapk', 'aab', 'dex',
  // disk images and cabinets: mounted or unpacked with a double-click, their contents unmarked
  'iso', 'img', 'vhd', 'vhdx', 'cab',
  // web pages and web archives (script, forms that phish), OneNote notebooks
  'html', 'htm', 'mht', 'mhtml', 'one',
  // Office files with macros, Excel add-ins, web queries and symbolic links
  'docm', 'xlsm', 'pptm', 'xll', 'iqy', 'slk',
];
