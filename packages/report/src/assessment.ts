/**
 * The assessment types of @polev/core, re-exported in one place so the rest of the package
 * imports them from here.
 */
export type * from '../../core/src/analysis/types.js';
