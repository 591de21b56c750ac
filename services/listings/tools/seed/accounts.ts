import type { SeedAccount } from './identity-account.js';

/** The demo landlord a newcomer signs in as (printed by `npm run seed`, listed in the README). */
export const DEMO_ACCOUNT: SeedAccount = {
  email: 'demo@portfolioos.example',
  password: 'portfolioos-demo',
  displayName: 'Dana Demo',
  organization: {
    name: 'PortfolioOS Demo Rentals',
    country: 'US',
    timezone: 'America/Chicago',
    default_currency: 'USD',
  },
};

/** The organization that holds the large benchmark data set, apart from the demo. */
export const BENCH_ACCOUNT: SeedAccount = {
  email: 'bench@portfolioos.example',
  password: 'portfolioos-bench',
  displayName: 'Bench Landlord',
  organization: {
    name: 'PortfolioOS Bench Portfolio',
    country: 'US',
    timezone: 'UTC',
    default_currency: 'USD',
  },
};
