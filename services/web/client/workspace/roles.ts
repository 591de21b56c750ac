/** Staff roles that may change the portfolio (listings' staffWriters); the API enforces it, this hides buttons. */
const PORTFOLIO_EDITORS = ['owner', 'manager'];

export const canEditPortfolio = (roles: readonly string[]): boolean =>
  roles.some((role) => PORTFOLIO_EDITORS.includes(role));
