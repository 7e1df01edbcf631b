-- 评审专家库 (EVA-1), beside V10: an expert is one person once per committee (same name and employer credit code),
-- so that two imports at once cannot insert the same person twice; and which season clean-up retired an expert.
create unique index ux_expert_identity on expert (committee_group, name, employer_code);

alter table expert add column retired_by_cleanup bigint;
alter table expert add constraint fk_expert_cleanup foreign key (retired_by_cleanup) references pool_cleanup (id);
