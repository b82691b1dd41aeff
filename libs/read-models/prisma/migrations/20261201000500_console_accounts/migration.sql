-- Console accounts (docs/console-accounts.md): local users, their sessions and the audit log.

-- Who did what and when: logins, logouts, closed months, account and credential changes.
-- Also created by 20261201000300 (writer credentials); IF NOT EXISTS lets either come first.
CREATE TABLE IF NOT EXISTS audit_log (
  id      bigserial PRIMARY KEY,
  at      timestamptz NOT NULL DEFAULT now(),
  actor   text NOT NULL,
  action  text NOT NULL,
  target  text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
-- Login throttling counts recent failures of one username from one address.
CREATE INDEX IF NOT EXISTS audit_log_action_target_at ON audit_log (action, target, at);

CREATE TABLE console_users (
  username      text PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
  -- scrypt$N$r$p$salt$hash (base64url); null for accounts signed in by an external identity provider.
  password_hash text,
  role          text NOT NULL CHECK (role IN ('national', 'province', 'unit', 'auditor', 'admin')),
  unit_code     text,
  disabled_at   timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((role IN ('province', 'unit')) = (unit_code IS NOT NULL))
);

-- A session is known by the SHA-256 of its random id: a leaked table does not sign anyone in.
CREATE TABLE console_sessions (
  id_hash      text PRIMARY KEY,
  username     text NOT NULL REFERENCES console_users (username) ON DELETE CASCADE,
  csrf_hash    text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  ip           text
);
CREATE INDEX console_sessions_username ON console_sessions (username);
CREATE INDEX console_sessions_expires_at ON console_sessions (expires_at);
