import { filterReviewForAudience as filterAtLevel, REDACTION, scrubValue, type AudienceFilterResult, type AudienceLevel, type DroppedItem, type DroppedKind, type Review } from '@polev/core';
import type { Audience } from './document.js';

/**
 * The report's two versions, on core's audience filter (the one `analyze` uses, so the public
 * report and `polev analyze --audience public` agree): the public version shows what a reader
 * without clearance may see; the confidential version everything, visibly marked.
 */
export const audienceLevel = (audience: Audience): AudienceLevel => (audience === 'public' ? 'public' : 'full');

/** The review as the report's audience may see it (`confidential`: everything). */
export const filterReviewForAudience = (review: Review, audience: Audience): AudienceFilterResult => filterAtLevel(review, audienceLevel(audience));

export { REDACTION, scrubValue, type AudienceFilterResult, type DroppedItem, type DroppedKind };
