-- One row per body and kind of stage notice (unit notice, roster): refreshing a body's 发布公示 task locks its row,
-- so that refreshes of one body run one at a time on every node and two first arrivals never open two tasks.
create table notice_work_lock (
    notice_key varchar(200) primary key
);
