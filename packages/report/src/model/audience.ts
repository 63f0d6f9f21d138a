import { filterReviewForAudience, REDACTION, scrubValue, type AudienceFilterResult, type AudienceLevel, type DroppedItem, type DroppedKind } from '@polev/core';
import type { Audience } from './document.js';

/**
 * The report's two versions, on core's audience filter (the one `analyze` uses, so the public
 * report and `polev analyze --audience public` agree): the public version shows what a reader
 * without clearance may see; the confidential version everything, visibly marked.
 */
export const audienceLevel = (audience: Audience): AudienceLevel => (audience === 'public' ? 'public' : 'full');

export { filterReviewForAudience, REDACTION, scrubValue, type AudienceFilterResult, type DroppedItem, type DroppedKind };
