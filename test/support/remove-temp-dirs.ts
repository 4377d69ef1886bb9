import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dirs.js';

// A setup file runs before each test file, also where a worker shares its modules between
// files: each file removes the temporary directories it made when it is done.
afterAll(removeTempDirs);
