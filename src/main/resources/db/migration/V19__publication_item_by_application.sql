-- An application's notices (its applicant's page, the check for an open notice) are looked up by application.
create index ix_publication_item_application on publication_item (application_id);
