-- Anonymised copies for blind online review (EVA-5): an upload marked anonymised, and the committee office's check.
alter table material add column anonymised boolean default false not null;
alter table material add column check_ok boolean;
alter table material add column check_note varchar(2000);
alter table material add column checked_by varchar(64);
alter table material add column checked_at timestamp with time zone;
