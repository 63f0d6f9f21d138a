// The verdicts per domain of a review, with their reasons, from @polev/core.
//   node examples/library/verdicts.mjs examples/nctv-36-2/review.yaml
import { analyze, formatProblem, termsFor } from '@polev/core';
import { loadReviewFile } from '@polev/core/node';

const result = await loadReviewFile(process.argv[2] ?? 'review.yaml');
if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  process.exit(1);
}
const { review } = result;
const lang = review.language; // reasons and words in the review's own language
const assessment = analyze(review, { lang });
const words = termsFor(lang);
for (const v of assessment.verdicts.domains) {
  console.log(`${v.scope.label}: ${words.effectiveness[v.effectiveness.value]}, ${words.efficiency[v.efficiency.value]}`);
  for (const reason of v.efficiency.reasons) console.log(`  ${reason}`);
}
