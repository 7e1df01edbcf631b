package cn.chifeng.title.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.chifeng.title.support.EvaluationProbe;
import cn.chifeng.title.support.Http;
import cn.chifeng.title.support.TestUsers;
import cn.chifeng.title.support.WebappLogin;

/**
 * Attack: make the engine evaluate a client's expression through a task query (top level, {@code orQueries}, the
 * query that extends a stored filter, a filter of one's own), on {@code /engine-rest} and on the webapps'
 * {@code /camunda/api/engine}. The expression {@code ${evaluationProbe.touch()}} would count a hit if it ran.
 */
class ExpressionInjectionIT extends SecurityTestBase {
    private static final String PROBE = "${evaluationProbe.touch()}";

    @Autowired
    EvaluationProbe probe;

    private String reviewer;
    private int hitsBefore;

    @BeforeEach
    void aReviewer() {
        reviewer = users.reviewer("ningcheng-hr");
        hitsBefore = probe.hits();
    }

    @Test
    void anOrQueryWithAnExpressionIsRefusedOnTheEngineApi() {
        Map<String, Object> query = Map.of("orQueries", List.of(Map.of("assigneeExpression", PROBE)));

        ResponseEntity<String> list = http().as(reviewer).json().post("/engine-rest/task", query);
        ResponseEntity<String> count = http().as(reviewer).json().post("/engine-rest/task/count", query);

        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(count.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Http.map(list).get("message").toString()).contains("任务查询不能包含表达式");
        assertThat(probe.hits()).isEqualTo(hitsBefore);
    }

    @Test
    void aTopLevelExpressionIsRefusedToo() {
        ResponseEntity<String> r = http().as(reviewer).json().post("/engine-rest/task",
                Map.of("candidateGroupExpression", PROBE));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(probe.hits()).isEqualTo(hitsBefore);
    }

    @Test
    void theExtendingQueryOfAStoredFilterIsRefused() {
        Filter mine = engine.getFilterService().createTaskFilterQuery().filterName(OrganisationAccess.FILTER_MINE)
                .singleResult();
        Map<String, Object> extending = Map.of("orQueries", List.of(Map.of("assigneeExpression", PROBE)));

        ResponseEntity<String> list = http().as(reviewer).json().post("/engine-rest/filter/" + mine.getId()
                + "/list", extending);
        ResponseEntity<String> count = http().as(reviewer).json().post("/engine-rest/filter/" + mine.getId()
                + "/count", Map.of("assigneeExpression", PROBE));

        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(count.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(probe.hits()).isEqualTo(hitsBefore);
        // the filter itself, with the expressions an administrator stored, still works
        assertThat(http().as(reviewer).json().post("/engine-rest/filter/" + mine.getId() + "/count", Map.of())
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theWebappsEngineApiRefusesItAsWell() {
        WebappLogin.Result login = WebappLogin.login(rest, reviewer, TestUsers.PASSWORD, "tasklist");
        assertThat(login.response().getStatusCode()).isEqualTo(HttpStatus.OK);
        Http session = http().json().header("Cookie", login.cookieHeader())
                .header("X-XSRF-TOKEN", cookie(login.cookieHeader(), "XSRF-TOKEN"));
        Filter organisation = engine.getFilterService().createTaskFilterQuery()
                .filterName(OrganisationAccess.FILTER_ORGANISATION).singleResult();

        ResponseEntity<String> query = session.post("/camunda/api/engine/engine/default/task",
                Map.of("orQueries", List.of(Map.of("assigneeExpression", PROBE))));
        ResponseEntity<String> filter = session.post("/camunda/api/engine/engine/default/filter/"
                + organisation.getId() + "/list", Map.of("orQueries", List.of(Map.of("assigneeExpression", PROBE))));

        assertThat(query.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(filter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(probe.hits()).isEqualTo(hitsBefore);
    }

    @Test
    void onlyAnAdministratorStoresAFilterWithAnExpression() {
        Map<String, Object> filter = Map.of("resourceType", "Task", "name", unique("expr"),
                "query", Map.of("assigneeExpression", PROBE));
        long filtersBefore = engine.getFilterService().createFilterQuery().count();

        ResponseEntity<String> byReviewer = http().as(reviewer).json().post("/engine-rest/filter/create", filter);
        assertThat(byReviewer.getStatusCode().value()).isIn(400, 403);
        assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filtersBefore);

        // the probe does see an evaluation: an administrator's stored filter is evaluated when it runs
        ResponseEntity<String> byAdmin = http().as(TestUsers.ADMIN).json().post("/engine-rest/filter/create", filter);
        assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.OK);
        String id = Http.map(byAdmin).get("id").toString();
        try {
            assertThat(http().as(TestUsers.ADMIN).json().post("/engine-rest/filter/" + id + "/count", Map.of())
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(probe.hits()).isGreaterThan(hitsBefore);
        } finally {
            engine.getFilterService().deleteFilter(id);
        }
    }

    static String cookie(String cookieHeader, String name) {
        for (String pair : cookieHeader.split("; ")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return "";
    }
}
