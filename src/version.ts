// The qfit version, in one place: the CLI prints it, sweep job ids hash it, queues refuse another version's jobs.
// Kept equal to package.json's "version" by a test.
export const VERSION = "0.1.0";
