-- Cluster-wide start-up lock: one row per start-up step (models, groups and filters, seasons, demo data, ...). A
-- node runs a step in a transaction that first locks the step's row (select ... for update), so a second node that
-- starts at the same moment waits, and then sees the first node's committed work instead of inserting it again.
create table startup_lock (
    lock_name   varchar(100) primary key
);
insert into startup_lock (lock_name) values ('models');
insert into startup_lock (lock_name) values ('legacy-instances');
insert into startup_lock (lock_name) values ('organisation-access');
insert into startup_lock (lock_name) values ('seasons');
insert into startup_lock (lock_name) values ('review-trail');
insert into startup_lock (lock_name) values ('demo-data');
insert into startup_lock (lock_name) values ('setup-lock');
