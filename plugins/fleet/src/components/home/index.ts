export { MyFleetContent } from './MyFleetContent';
export { MyReviewsContent } from './MyReviewsContent';
export { MyRequestsContent } from './MyRequestsContent';
export { QuickLinksContent } from './QuickLinksContent';
export { useMyDisplayName } from './useMyDisplayName';
