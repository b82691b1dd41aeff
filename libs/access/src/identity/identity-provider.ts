import type { Principal } from '../principal';

/** What a user presented: a local username and password, or (later) an OIDC authorization code. */
export type Credentials =
  | { readonly kind: 'password'; readonly username: string; readonly password: string }
  | { readonly kind: 'oidc-code'; readonly code: string; readonly redirectUri: string };

export type Authentication =
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly reason: string };

/**
 * Who vouches for a user. Sessions, CSRF, roles and the audit log do not care which one did:
 * the local accounts implement it today; an OIDC provider would exchange the code, verify the ID
 * token and map its claims to a role and unit (docs/console-accounts.md, "OIDC").
 */
export interface IdentityProvider {
  readonly name: string;
  authenticate(credentials: Credentials): Promise<Authentication>;
}

/**
 * How an OIDC provider's claims would map to an account (configuration only: no external IdP is
 * reachable from this deployment, so none is implemented).
 */
export interface OidcClaimMapping {
  readonly issuer: string;
  readonly clientId: string;
  /** Claim holding the username (e.g. `preferred_username`). */
  readonly usernameClaim: string;
  /** Claim holding the role, one of national, province, unit, auditor, admin. */
  readonly roleClaim: string;
  /** Claim holding the unit code for province and unit accounts. */
  readonly unitClaim: string;
}
