export { minimalReview } from './minimal.js';
export { syntheticReview, type SyntheticOptions } from './synthetic.js';
