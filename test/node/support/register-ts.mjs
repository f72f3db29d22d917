// Imported first by a Node test that loads src/ TypeScript (then `await import('../../src/….ts')`).
import { register } from 'node:module';

register('./ts-loader.mjs', import.meta.url);
