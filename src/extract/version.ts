/** Version of the rule extractor's output: bump it whenever a rule or word list changes what it finds. */
export const EXTRACTOR_VERSION = 'rules-7';
