-- A freelancer (自由职业, ELI-16) has no employer and no 统一社会信用代码: their application sits in a committee
-- session without one (回避 by employer then concerns nobody).
alter table session_application alter column employer_code drop not null;
