-- Login throttle (issue: logins resist guessing without letting strangers lock people out). One row per key:
-- 'u:<user>|a:<client address>' for a user from one address, 'a:<client address>' for an address over all users.
-- In the database so that every node of a cluster counts the same failures.
create table login_throttle (
    throttle_key   varchar(400) primary key,
    failures       integer      not null,
    window_start   timestamp with time zone not null,
    blocked_until  timestamp with time zone
);

-- Facts of the installation that must never be forgotten, e.g. that the first administrator was created and the
-- webapps' first-run setup is closed for good.
create table install_state (
    state_key   varchar(100) primary key,
    state_value varchar(400) not null,
    recorded_at timestamp with time zone not null
);
