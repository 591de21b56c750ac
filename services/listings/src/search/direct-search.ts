// The public PostGIS search without HTTP, as `@portfolioos/listings/search`: what GET /v1/listings/search
// runs (parse → public-search transaction → query), so bench:search can measure what HTTP adds to it.
export { withPublicSearch } from '../db/database.js';
export { parseSearch, type SearchQuerystring } from './search-query.js';
export { searchPublishedListings } from './search-repository.js';
