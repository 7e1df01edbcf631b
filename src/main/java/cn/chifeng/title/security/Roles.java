package cn.chifeng.title.security;

import org.camunda.bpm.engine.authorization.Groups;

/** The groups that decide what a user may do beyond their organisation's tasks (see docs/adr/0008). */
public final class Roles {
    /** Applicants: the product's API and pages only; no engine authorization, no webapp login, 403 on the engine. */
    public static final String APPLICANTS = "applicants";
    /** Administrators: Cockpit, Admin, deployments (policy changes), variables and instance modification. */
    public static final String ADMIN = Groups.CAMUNDA_ADMIN;
    /** Supervisors (纪检监督): read-only Cockpit over applications and their history, no tasks, no changes. */
    public static final String SUPERVISORS = "supervisors";
    /** Experts of the committees' pools: Tasklist and their own seat's tasks only; names, votes by the API (EVA-2). */
    public static final String EXPERTS = "experts";

    private Roles() {
    }
}
