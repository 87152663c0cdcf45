/** Set by vite's `define`: true only in a debug build (TT_DEBUG=1), so debug logging compiles away. */
declare const __TT_DEBUG__: boolean;
/** Set by the build (scripts/widget-scripts.ts): each part's pinned file and integrity hash, for the scripts that load it. */
declare const __TT_FORM_PART__: import('./part/partFiles.ts').PartPin;
declare const __TT_LAUNCHER_PART__: import('./part/partFiles.ts').PartPin;
declare const __TT_SEND_PART__: import('./part/partFiles.ts').PartPin;
