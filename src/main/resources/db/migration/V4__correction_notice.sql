-- The one-time written correction notice (COR-1…4). One row per application at most: the primary key makes a second
-- notice impossible even if two offices acted at once.
create table correction_notice (
    application_id        varchar(40) primary key references application (id),
    items                 varchar(4000) not null,
    issued_by             varchar(64) not null,
    issued_at             timestamp with time zone not null,
    deadline              date not null,
    working_days          integer not null,
    answered_at           timestamp with time zone,
    answer                varchar(4000)
);
