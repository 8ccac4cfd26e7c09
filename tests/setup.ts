import { afterAll } from 'vitest';
import { removeProjects } from './helpers.js';

// Each test file removes the project copies it made, whatever its tests did.
afterAll(removeProjects);
