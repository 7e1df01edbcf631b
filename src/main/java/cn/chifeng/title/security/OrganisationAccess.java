package cn.chifeng.title.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.organisation.OrganisationDirectory.BodyKind;
import cn.chifeng.title.process.EmployerRegistrationProcess;
import cn.chifeng.title.process.ProfileVerificationProcess;
import cn.chifeng.title.process.IdDisputeProcess;
import cn.chifeng.title.process.EvaluationSessionProcess;
import cn.chifeng.title.process.TitleApplicationProcess;

/**
 * Makes every organisation of the data file a Camunda group with the least authorizations its work needs, and creates
 * the Tasklist filters; runs at every start in every profile, adds what is missing and revokes what the access model
 * (docs/adr/0008) no longer grants. No passwords here.
 * <ul>
 * <li>reviewing bodies and units (those of the data file at start-up, units approved later by
 * {@link #addOrganisation}): Tasklist access, read the process definitions (forms, diagram); each task's
 * candidate group gets TASK_WORK on it from the engine (default task permission), so a body sees and completes
 * only its own tasks — and only with the fields of the task's form ({@link EngineGuard});</li>
 * <li>{@code applicants}: nothing at all — the product's API acts on the engine for them;</li>
 * <li>the city HR bureau: read the applications of the city (instances, history, tasks of {@code title-application},
 * not of {@code publicity}, whose objections are private); it acts through its own tasks and the spot-check
 * return of the API, never by writing variables or modifying instances;</li>
 * <li>{@code supervisors}: Cockpit and read-only access to the applications, the evaluation sessions and their
 * history.</li>
 * <li>{@code experts}: Tasklist and the tasks of their own seat in a session (assigned to them by name), nothing
 * else; what they review and how they vote goes through the product's API under pseudonyms.</li>
 * </ul>
 */
@Component
public class OrganisationAccess {
    public static final String APPLICANTS = Roles.APPLICANTS;
    static final String APPLICANT_GRANTS_REVOKED = "APPLICANT_GRANTS_REVOKED";
    static final String LOCK = "organisation-access";
    /** Group types as Admin shows them: a reviewing body or unit, or a role across bodies. */
    public static final String TYPE_ORGANISATION = "审核机构/用人单位";
    public static final String TYPE_ROLE = "角色";
    public static final String FILTER_MINE = "我的待办";
    public static final String FILTER_ORGANISATION = "本单位待办";
    public static final String FILTER_CITY = "全市审核任务（抽查）";
    /**
     * What a task card shows (the filters' {@code variables}): who and what the task is about, from the process
     * variables the product sets at the start — those of an application, of a profile or of a unit's registration.
     * An expert's seat task is in a session, which holds none of them (blind review, EVA-2).
     */
    public static final List<Map<String, String>> CARD_VARIABLES = List.of(
            Map.of("name", "applicantName", "label", "姓名"),
            Map.of("name", "applicationId", "label", "申报编号"),
            Map.of("name", "employerName", "label", "工作单位"),
            Map.of("name", "countyName", "label", "旗县区"),
            Map.of("name", "seriesLabel", "label", "系列"),
            Map.of("name", "targetLevelLabel", "label", "级别"),
            // set on the task by 催办 (an upper level chasing it): who and when
            Map.of("name", "urged", "label", "催办"));

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final OrganisationDirectory organisations;
    private final InstallState installState;
    private final cn.chifeng.title.common.StartupLock startupLock;

    OrganisationAccess(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                       TaskService tasks, OrganisationDirectory organisations, InstallState installState,
                       cn.chifeng.title.common.StartupLock startupLock) {
        this.startupLock = startupLock;
        this.installState = installState;
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.organisations = organisations;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(-50)
    public void synchronise() {
        // two nodes starting together would each find a group or filter missing and insert it twice
        startupLock.run(LOCK, this::synchroniseUnlocked);
    }

    /** {@link #synchronise()} without the start-up lock: safe on one node only. */
    void synchroniseUnlocked() {
        Map<String, String> groups = new LinkedHashMap<>();
        organisations.bodies().forEach(b -> groups.put(b.id(), b.name()));
        organisations.employers().forEach(e -> groups.put(e.group(), e.name()));
        groups.forEach(this::organisationGroup);
        // who reviews units' registrations reads that model (its form): county HR bureaus, city departments
        organisations.bodies().stream().filter(OrganisationDirectory::reviewsRegistrations).forEach(b ->
                grant(b.id(), Resources.PROCESS_DEFINITION, EmployerRegistrationProcess.KEY, Permissions.READ));
        // county HR bureaus verify 身份证号 disputes: that model (its form), nothing more
        organisations.bodies().stream().filter(b -> b.kind() == BodyKind.COUNTY_HR).forEach(b ->
                grant(b.id(), Resources.PROCESS_DEFINITION, IdDisputeProcess.KEY, Permissions.READ));
        // experts: Tasklist and the session's model (its forms); each gets their own seat's task from the engine
        // (the assignee's default task permission), nothing else — no history, no instances, no variables
        group(Roles.EXPERTS, "评审专家", TYPE_ROLE);
        grant(Roles.EXPERTS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Roles.EXPERTS, Resources.PROCESS_DEFINITION, EvaluationSessionProcess.KEY, Permissions.READ);
        group(APPLICANTS, "申报人", TYPE_ROLE);
        // Camunda names its administrators' group in English when it creates it (first administrator's setup)
        if (identity.createGroupQuery().groupId(Roles.ADMIN).count() > 0) {
            group(Roles.ADMIN, "系统管理员", TYPE_ROLE);
        }
        revokeAllOf(APPLICANTS);
        String cityHr = organisations.cityBody(BodyKind.CITY_HR).orElseThrow().id();
        revoke(cityHr, Resources.TASK, Authorization.ANY);
        revoke(cityHr, Resources.PROCESS_INSTANCE, Authorization.ANY);
        grant(cityHr, Resources.PROCESS_DEFINITION, TitleApplicationProcess.KEY, Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);
        group(Roles.SUPERVISORS, "监督（只读）", TYPE_ROLE);
        grant(Roles.SUPERVISORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Roles.SUPERVISORS, Resources.PROCESS_DEFINITION, TitleApplicationProcess.KEY, Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);
        grant(Roles.SUPERVISORS, Resources.PROCESS_DEFINITION, EvaluationSessionProcess.KEY, Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);
        grant(Roles.SUPERVISORS, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ,
                Permissions.READ_HISTORY);
        grant(Roles.SUPERVISORS, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);

        Filter mine = filter(FILTER_MINE, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
                0, "#1f6feb", "分配给我本人的任务");
        java.util.Set<String> mineReaders = new java.util.LinkedHashSet<>(groups.keySet());
        mineReaders.add(Roles.EXPERTS);
        readByOrganisations(mine, mineReaders);
        Filter organisation = filter(FILTER_ORGANISATION, tasks.createTaskQuery()
                        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
                -10, "#2da44e", "本单位（本人所在组）的审核任务，包括同事已认领的");
        readByOrganisations(organisation, groups.keySet());
        Filter city = filter(FILTER_CITY, tasks.createTaskQuery().processDefinitionKey(TitleApplicationProcess.KEY),
                10, "#bf8700", "市人社局抽查：全市所有审核中的任务（只读，退回请用抽查退回）");
        grant(cityHr, Resources.FILTER, city.getId(), Permissions.READ);
    }

    /**
     * Makes one organisation — a unit approved after start-up — exactly what {@link #synchronise()} makes of the
     * seed organisations: its group, its grants and read access to the filters 我的待办 and 本单位待办. Safe to
     * repeat; runs as the system, whoever approved the unit (the product's rules decided that already).
     */
    public void addOrganisation(String id, String name) {
        RunAs.system(identity, () -> {
            organisationGroup(id, name);
            for (String filterName : List.of(FILTER_MINE, FILTER_ORGANISATION)) {
                filters.createTaskFilterQuery().filterName(filterName).list().forEach(f ->
                        grant(id, Resources.FILTER, f.getId(), Permissions.READ));
            }
            return null;
        });
    }

    private void organisationGroup(String id, String name) {
        group(id, name, TYPE_ORGANISATION);
        grant(id, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(id, Resources.PROCESS_DEFINITION, TitleApplicationProcess.KEY, Permissions.READ);
        grant(id, Resources.PROCESS_DEFINITION, "publicity", Permissions.READ);
        // bodies that publish stage notices work them as 发布公示 tasks: that model (its form)
        grant(id, Resources.PROCESS_DEFINITION, cn.chifeng.title.process.NoticeWorkProcess.KEY, Permissions.READ);
        grant(id, Resources.PROCESS_DEFINITION, EvaluationSessionProcess.KEY, Permissions.READ);
        // units and talent service centres verify profiles (APP-1): the model holds the task's form
        grant(id, Resources.PROCESS_DEFINITION, ProfileVerificationProcess.KEY, Permissions.READ);
    }

    /** A group with its Chinese name and type (Admin shows both); an existing one is renamed if it differs. */
    private void group(String id, String name, String type) {
        Group g = identity.createGroupQuery().groupId(id).singleResult();
        if (g == null) {
            g = identity.newGroup(id);
        } else if (name.equals(g.getName()) && type.equals(g.getType())) {
            return;
        }
        g.setName(name);
        g.setType(type);
        identity.saveGroup(g);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization a = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).list().stream().findFirst().orElse(null);
        if (a == null) {
            a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            a.setGroupId(group);
            a.setResource(resource);
            a.setResourceId(resourceId);
        }
        boolean missing = false;
        for (Permission p : permissions) {
            if (!a.isPermissionGranted(p)) {
                a.addPermission(p);
                missing = true;
            }
        }
        if (missing) {
            authorizations.saveAuthorization(a);
        }
    }

    /**
     * Applicants hold no engine authorization: neither the group nor any member — not even the one Camunda grants a
     * user on their own account, nor the per-instance grants of earlier versions.
     */
    private void revokeAllOf(String group) {
        authorizations.createAuthorizationQuery().groupIdIn(group).list()
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        if (installState.isRecorded(APPLICANT_GRANTS_REVOKED)) {
            return; // since then every applicant account is made by ApplicantAccounts, which grants nothing
        }
        List<String> members = identity.createUserQuery().memberOfGroup(group).list().stream()
                .map(org.camunda.bpm.engine.identity.User::getId).toList();
        for (int i = 0; i < members.size(); i += 500) {
            String[] chunk = members.subList(i, Math.min(members.size(), i + 500)).toArray(String[]::new);
            authorizations.createAuthorizationQuery().userIdIn(chunk).list()
                    .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        }
        installState.record(APPLICANT_GRANTS_REVOKED, members.size() + " applicant accounts");
    }

    private void revoke(String group, Resource resource, String resourceId) {
        authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId)
                .list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }

    /**
     * The reviewing bodies' filters are theirs to read — per group, not a global grant, which would reach every
     * user, applicants included; a global grant of earlier versions is revoked.
     */
    private void readByOrganisations(Filter filter, java.util.Collection<String> groupIds) {
        authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL).resourceType(Resources.FILTER)
                .resourceId(filter.getId()).list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
        for (String group : groupIds) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    /** A filter with its query and properties; an existing one is brought up to date (older installations). */
    private Filter filter(String name, TaskQuery query, int priority, String color, String description) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("description", description);
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", CARD_VARIABLES);
        List<Filter> existing = filters.createTaskFilterQuery().filterName(name).list();
        if (!existing.isEmpty()) {
            Filter f = existing.get(0);
            if (properties.equals(f.getProperties())) {
                return f;
            }
            f.setProperties(properties);
            f.setQuery(query);
            return filters.saveFilter(f);
        }
        Filter f = filters.newTaskFilter(name).setOwner(null).setQuery(query).setProperties(properties);
        return filters.saveFilter(f);
    }
}
