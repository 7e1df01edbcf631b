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
import cn.chifeng.title.review.TitleApplicationProcess;

/**
 * Makes every organisation of the data file a Camunda group with the authorizations it needs, and creates the
 * Tasklist filters; runs at every start in every profile and only adds what is missing (no passwords here).
 * <ul>
 * <li>reviewing bodies and units: Tasklist access, read the process definition (forms, diagram); each task's
 * candidate group gets TASK_WORK on it from the engine (default task permission), so a body sees and completes
 * only its own tasks;</li>
 * <li>{@code applicants}: start an application (they get access to their own instance when it starts);</li>
 * <li>the city HR bureau: read every task and instance of the city and update instances (spot check, 通知 三(二)4).</li>
 * </ul>
 */
@Component
public class OrganisationAccess {
    public static final String APPLICANTS = "applicants";
    public static final String FILTER_MINE = "我的待办";
    public static final String FILTER_ORGANISATION = "本单位待办";
    public static final String FILTER_CITY = "全市审核任务（抽查）";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final OrganisationDirectory organisations;

    OrganisationAccess(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                       TaskService tasks, OrganisationDirectory organisations) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.organisations = organisations;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(-50)
    public void synchronise() {
        Map<String, String> groups = new LinkedHashMap<>();
        organisations.bodies().forEach(b -> groups.put(b.id(), b.name()));
        organisations.employers().forEach(e -> groups.put(e.group(), e.name()));
        groups.forEach((id, name) -> {
            group(id, name, "ORGANISATION");
            grant(id, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(id, Resources.PROCESS_DEFINITION, TitleApplicationProcess.KEY, Permissions.READ);
            grant(id, Resources.PROCESS_DEFINITION, "publicity", Permissions.READ);
        });
        group(APPLICANTS, "申报人", "APPLICANTS");
        grant(APPLICANTS, Resources.PROCESS_DEFINITION, TitleApplicationProcess.KEY, Permissions.READ,
                Permissions.CREATE_INSTANCE);
        grant(APPLICANTS, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        String cityHr = organisations.cityBody(BodyKind.CITY_HR).orElseThrow().id();
        grant(cityHr, Resources.TASK, Authorization.ANY, Permissions.READ);
        grant(cityHr, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ, Permissions.UPDATE);
        grant(cityHr, Resources.PROCESS_DEFINITION, TitleApplicationProcess.KEY, Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);

        Filter mine = filter(FILTER_MINE, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
                0, "#1f6feb", "分配给我本人的任务");
        globalRead(mine);
        Filter organisation = filter(FILTER_ORGANISATION, tasks.createTaskQuery()
                        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
                -10, "#2da44e", "本单位（本人所在组）的审核任务，包括同事已认领的");
        globalRead(organisation);
        Filter city = filter(FILTER_CITY, tasks.createTaskQuery().processDefinitionKey(TitleApplicationProcess.KEY),
                10, "#bf8700", "市人社局抽查：全市所有审核中的任务（只读，退回请用抽查退回）");
        grant(cityHr, Resources.FILTER, city.getId(), Permissions.READ);
    }

    private void group(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group g = identity.newGroup(id);
            g.setName(name);
            g.setType(type);
            identity.saveGroup(g);
        }
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

    private void globalRead(Filter filter) {
        if (authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
                .resourceType(Resources.FILTER).resourceId(filter.getId()).count() == 0) {
            Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
            a.setResource(Resources.FILTER);
            a.setResourceId(filter.getId());
            a.addPermission(Permissions.READ);
            authorizations.saveAuthorization(a);
        }
    }

    private Filter filter(String name, TaskQuery query, int priority, String color, String description) {
        List<Filter> existing = filters.createTaskFilterQuery().filterName(name).list();
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("description", description);
        properties.put("refresh", true);
        Filter f = filters.newTaskFilter(name).setOwner(null).setQuery(query).setProperties(properties);
        return filters.saveFilter(f);
    }
}
