-- 附件4 《报送材料时间安排表》: a county HR bureau or competent department may set earlier dates for its own units
-- than the season's (shown in the season's timetable, not enforced). One date per season, body and kind.
create table season_internal_deadline (
    season                integer not null references season (season_year),
    body_id               varchar(64) not null,
    kind                  varchar(30) not null,
    deadline              date not null,
    set_by                varchar(64) not null,
    set_at                timestamp with time zone not null,
    primary key (season, body_id, kind)
);

-- The season at a glance counts a county's applications of a season (season, county) — the rosters filter the same.
create index ix_application_season_county on application (season, county, status);
