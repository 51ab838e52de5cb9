/** What other features (the citizen portal's tracking) use from feedback: the rating form and page links. */
export { RatingForm } from './rating-form.tsx';
export { petitionPageUrl, ratePageUrl } from './feedback-api.ts';
