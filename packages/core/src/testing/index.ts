export { syntheticReview, type SyntheticOptions } from './synthetic.js';
