/** Types of `layers.js` (the layer lint rule), for the test that exercises it. */
import type { ESLint } from "eslint";

export declare const ALLOWED: Record<string, string[]>;
export declare const PACKAGE_HOMES: { match: RegExp; homes: string[]; why: string }[];
export declare function layerOf(file: string, srcDir: string): string | null;
declare const plugin: ESLint.Plugin;
export default plugin;
