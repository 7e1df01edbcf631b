-- Why an application is where it is, for the applicant's account: the return comment, the reason of an
-- ineligibility verdict, of a rejection or of a cancellation.
alter table application add column status_reason varchar(4000);
