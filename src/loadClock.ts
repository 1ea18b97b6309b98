// Imported first by extension.ts, so that this runs before the rest of the bundle is evaluated: the
// time from here to the start of activate() is what loading the extension's code costs.
export const bundleEvaluationStart = performance.now();
