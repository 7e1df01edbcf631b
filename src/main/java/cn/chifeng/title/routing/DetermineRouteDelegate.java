package cn.chifeng.title.routing;

import static cn.chifeng.title.process.TitleApplicationProcess.Vars;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.springframework.stereotype.Component;

import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.Dossiers;
import cn.chifeng.title.organisation.OrganisationDirectory;

/** Determines the route of the application and puts its first stage in front of the responsible group. */
@Component("determineRouteDelegate")
class DetermineRouteDelegate implements JavaDelegate {
    private final RouteService routes;
    private final ApplicationRepository applications;
    private final Dossiers dossiers;
    private final OrganisationDirectory organisations;

    DetermineRouteDelegate(RouteService routes, ApplicationRepository applications, Dossiers dossiers,
                           OrganisationDirectory organisations) {
        this.routes = routes;
        this.applications = applications;
        this.dossiers = dossiers;
        this.organisations = organisations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String applicationId = (String) execution.getVariable(Vars.APPLICATION_ID);
        Route route = routes.route(dossiers.of(applicationId));
        execution.setVariable(Vars.ROUTE, json(route.codes()));
        execution.setVariable(Vars.ROUTE_GROUPS, json(route.groups()));
        execution.setVariable(Vars.ROUTE_INDEX, 0);
        execution.setVariable(Vars.CURRENT_STAGE, route.codes().get(0));
        execution.setVariable(Vars.STAGE_GROUP, route.groups().get(0));
        execution.setVariable(Vars.COMMITTEE_GROUP, route.committee());
        execution.setVariable(Vars.ROUTE_DISPLAY, route.display() + "（评委会：" + organisations.groupName(route.committee()) + "）");
        // the city HR bureau spot-checks and co-reviews every application of the city (通知 三(二)4)
        List<String> visibleTo = new ArrayList<>(route.groups());
        organisations.cityBody(OrganisationDirectory.BodyKind.CITY_HR).ifPresent(b -> visibleTo.add(b.id()));
        applications.setRoute(applicationId, route.codes(), visibleTo.stream().distinct().toList(), route.codes().get(0));
    }

    private static Object json(List<String> values) {
        return Variables.objectValue(new ArrayList<>(values)).serializationDataFormat(SerializationDataFormats.JSON)
                .create();
    }
}
