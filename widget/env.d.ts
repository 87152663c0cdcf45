/** Set by vite's `define`: true only in a debug build (TT_DEBUG=1), so debug logging compiles away. */
declare const __TT_DEBUG__: boolean;
