-- Objections from the public notice board (PUB-2, REV-1, REV-3; /portal/notices/{id}): filed without an account but
-- under a real name, with a phone number or e-mail address for the investigating body to reach the objector. Neither
-- is ever shown to the public or to the person objected to. An objection filed through the API keeps its account in
-- filed_by; one from the board has none.
alter table objection add column objector_name varchar(100);
alter table objection add column objector_contact varchar(200);
alter table objection alter column filed_by drop not null;
