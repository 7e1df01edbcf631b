-- 职称评审结果证明 (PUB-3, PUB-4; docs/adr/0010): one certificate per passed application, verifiable by its number;
-- revoked (SUP-1), never deleted. The number is the key a verifier types or scans: random, not derived from the row.
create table certificate (
    number                varchar(40) primary key,
    application_id        varchar(40) not null references application (id),
    holder_name           varchar(100) not null,
    series                varchar(40) not null,
    target_level          varchar(20) not null,
    title_name            varchar(60) not null,
    specialty             varchar(60),
    committee_group       varchar(64),
    season                integer not null,
    -- the committee session that passed it, once the committee stage issues certificates (null when issued otherwise)
    session_id            varchar(40),
    passed_on             date not null,
    issued_at             timestamp with time zone not null,
    revoked_at            timestamp with time zone,
    revoked_reason        varchar(2000),
    revoked_by            varchar(64)
);
-- issuing is idempotent per application: a second issue finds the first certificate, two at once collide here
create unique index ux_certificate_application on certificate (application_id);
