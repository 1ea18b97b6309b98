// Commands the extension registers for its own integration tests only: internal (a leading "_" hides
// them from the Command Palette), not in package.json, not in the API. See README, Testing.

/** Resolves, once no analysis is waiting or under way, with how many times each file was analysed. */
export const SETTLED_COMMAND = '_editorialAnnotations.settled';
