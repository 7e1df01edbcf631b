package cn.chifeng.title.committee;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.expert.ExpertPoolService;
import cn.chifeng.title.process.EvaluationSessionProcess;
import cn.chifeng.title.process.EvaluationSessionProcess.Vars;
import cn.chifeng.title.process.TitleApplicationProcess;
import cn.chifeng.title.security.Roles;
import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.BrowserScript;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestUsers;

/**
 * A committee meeting from plan to confirmed results (EVA-1 … EVA-8, PUB-1, PUB-4): the plan filed in time and
 * approved after a return, the draw recorded and replayable, a decline replaced from the reserve, blind review under
 * pseudonyms (nothing identifying reaches an expert through the engine), 回避, the quorum, the anonymous vote through
 * the API only, results sent to the applications, the notice, confirmation and the export.
 */
class EvaluationSessionIT extends IntegrationTestBase {
    private static final String COMMITTEE = "cmte-construction-city";
    private static final String COMMITTEE_NAME = "赤峰市建设工程系列职称评审委员会办事机构";
    private static final String[] OTHERS = {Dossiers.HS_HOSPITAL, Dossiers.NC_SCHOOL, Dossiers.NC_HOSPITAL,
            Dossiers.SD_TOWNSHIP, Dossiers.HS_VOCATIONAL, Dossiers.CITY_HOSPITAL};
    @Autowired
    ApplicationService applications;
    @Autowired
    ApplicationRepository register;
    @Autowired
    ExpertPoolService pools;
    @Autowired
    TaskService tasks;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    @Autowired
    cn.chifeng.title.certificate.Certificates certificates;

    /** A city construction assistant waiting for the committee (3 review stages approved). */
    private ApplicationRecord awaiting(String name) {
        return approvedAtEveryStage(dossier().name(name)
                .employer(Dossiers.CITY_DESIGN, "赤峰市建筑勘察设计院", "PUBLIC_INSTITUTION", "CITY", "songshan",
                        "city-industry").series("CONSTRUCTION_ENGINEERING").targetLevel("ASSISTANT"));
    }

    /** An application submitted and approved at each stage of its route, now waiting for its committee. */
    private ApplicationRecord approvedAtEveryStage(Dossiers dossier) {
        String applicant = users.applicant("session-" + System.nanoTime());
        ApplicationRecord a = users.api(applicant, () -> applications.submit(dossier.build()));
        for (int i = 0; i < 10; i++) {
            Task t = tasks.createTaskQuery().processInstanceId(a.processInstanceId()).singleResult();
            if (t == null) {
                break;
            }
            String group = tasks.getIdentityLinksForTask(t.getId()).stream().filter(l -> l.getGroupId() != null)
                    .findFirst().orElseThrow().getGroupId();
            users.as(users.reviewer(group), () -> tasks.complete(t.getId(), Map.of(
                    TitleApplicationProcess.Vars.DECISION, "APPROVE", TitleApplicationProcess.Vars.ATTESTED, true)));
            notices.passIfWaiting(a.processInstanceId());
        }
        assertThat(register.find(a.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.IN_EVALUATION);
        return a;
    }

    /** Ten experts of 专业技术 with accounts; three from private enterprises, one of the applicants' employer. */
    private List<String> pool(String tag) {
        StringBuilder csv = new StringBuilder("姓名,专业,层级,工作单位,统一社会信用代码,是否民营企业,自主评审单位内部专家,已参评年度,登录账号\n");
        List<String> accounts = new ArrayList<>();
        String[] names = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
        for (int i = 0; i < 10; i++) {
            String account = String.format("x%05d-%d", Long.parseLong(tag), i);
            users.user(account, Roles.EXPERTS);
            accounts.add(account);
            boolean ownEmployer = i == 0;
            boolean privateEnterprise = i >= 7;
            csv.append("专家").append(names[i]).append(tag).append(",专业技术,中级,")
                    .append(ownEmployer ? "赤峰市建筑勘察设计院," + Dossiers.CITY_DESIGN : privateEnterprise
                            ? "元宝山发电有限责任公司," + Dossiers.YB_POWER : "其他单位," + OTHERS[i - 1])
                    .append(privateEnterprise ? ",是" : ",否").append(",,").append(i == 9 ? "2022、2023、2024" : "")
                    .append(",").append(account).append("\n");
        }
        users.api(TestUsers.ADMIN, () -> pools.importFile(COMMITTEE, csv.toString().getBytes(StandardCharsets.UTF_8),
                "pool.csv"));
        return accounts;
    }

    private Map<String, Object> plan(List<String> ids, String meetingDate, String specialty) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("committee", COMMITTEE);
        plan.put("season", 2025);
        plan.put("series", "CONSTRUCTION_ENGINEERING");
        plan.put("targetLevel", "ASSISTANT");
        plan.put("specialty", specialty);
        plan.put("meetingDate", meetingDate);
        plan.put("place", "赤峰市住建局三楼会议室");
        plan.put("procedure", "专家在线评审、会议评议、无记名投票");
        plan.put("measures", "评审纪律、保密和回避制度");
        plan.put("committeeSize", 7);
        plan.put("reserveSize", 2);
        plan.put("applicationIds", ids);
        return plan;
    }

    private Task task(String sessionProcess, String activity) {
        return tasks.createTaskQuery().processInstanceId(sessionProcess).taskDefinitionKey(activity).list().stream()
                .findFirst().orElse(null);
    }

    private String instance(String sessionId) {
        return jdbc.queryForObject("select process_instance_id from evaluation_session where id = ?", String.class,
                sessionId);
    }

    @SuppressWarnings("unchecked")
    @Test
    void aCommitteeTakesItsApplicationsFromPlanToConfirmedResults() throws Exception {
        String tag = Long.toString(System.nanoTime() % 100000);
        ApplicationRecord good = awaiting("郑好");
        ApplicationRecord weak = awaiting("钱弱");
        List<String> experts = pool(tag);
        String office = users.reviewer(COMMITTEE);
        Api officeApi = new Api(http, office);
        List<String> ids = List.of(good.id(), weak.id());

        // EVA-3: a plan filed 6 days before the meeting is refused with the reason; the 7 is data
        ResponseEntity<Map<String, Object>> late = officeApi.post("/api/evaluation-sessions", plan(ids, "2025-06-16", "专业技术"));
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(late.getBody().toString()).contains("meetingDate").contains("7 天前").contains("只有 6 天");
        // EVA-4: cross-specialty refused; another committee's office and an applicant refused
        ResponseEntity<Map<String, Object>> cross = officeApi.post("/api/evaluation-sessions", plan(ids, "2025-06-17", "建筑学"));
        assertThat(cross.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(cross.getBody().toString()).contains("applicationIds").contains("跨专业");
        assertThat(new Api(http, users.reviewer("cmte-health-city")).post("/api/evaluation-sessions",
                plan(ids, "2025-06-17", "专业技术")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new Api(http, users.applicant("nosy-" + tag)).post("/api/evaluation-sessions",
                plan(ids, "2025-06-17", "专业技术")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<Map<String, Object>> filed = officeApi.post("/api/evaluation-sessions", plan(ids, "2025-06-17", "专业技术"));
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String sessionId = (String) filed.getBody().get("id");
        String pi = instance(sessionId);
        assertThat(filed.getBody().get("approverGroup")).isEqualTo("city-hr");

        // the approving department returns it (a reason is required), the office revises and files again, approved
        Task approve = task(pi, EvaluationSessionProcess.TASK_APPROVE_PLAN);
        String cityHr = users.reviewer("city-hr");
        assertThatThrownBy(() -> users.as(cityHr, () -> tasks.complete(approve.getId(),
                Map.of(Vars.PLAN_DECISION, "RETURN")))).hasMessageContaining("退回意见");
        users.as(cityHr, () -> tasks.complete(approve.getId(), Map.of(Vars.PLAN_DECISION, "RETURN",
                Vars.PLAN_COMMENT, "请补充回避措施")));
        assertThat(officeApi.put("/api/evaluation-sessions/" + sessionId + "/plan", Map.of("meetingDate", "2025-06-18",
                "place", "赤峰市住建局三楼会议室", "procedure", "专家在线评审、会议评议、无记名投票",
                "measures", "评审纪律、保密和回避制度；与申报人同单位的专家回避")).getStatusCode()).isEqualTo(HttpStatus.OK);
        Task revise = task(pi, EvaluationSessionProcess.TASK_REVISE_PLAN);
        users.as(office, () -> tasks.complete(revise.getId(), Map.of(Vars.PLAN_REFILED, true)));
        Task approveAgain = task(pi, EvaluationSessionProcess.TASK_APPROVE_PLAN);
        users.as(cityHr, () -> tasks.complete(approveAgain.getId(), Map.of(Vars.PLAN_DECISION, "APPROVE")));

        // EVA-2: the draw is recorded and replays to the same committee; the three-season expert is never drawn
        List<Map<String, Object>> draws = officeApi.getList("/api/evaluation-sessions/" + sessionId + "/draws").getBody();
        assertThat(draws).hasSize(1);
        assertThat(draws.get(0)).containsEntry("generator", DrawGenerator.NAME).containsEntry("poolUnchanged", true);
        assertThat((String) draws.get(0).get("seed")).hasSize(64);
        List<Task> invitations = tasks.createTaskQuery().processInstanceId(pi)
                .taskDefinitionKey(EvaluationSessionProcess.TASK_CONFIRM_ATTENDANCE).list();
        // the pool may hold experts of other tests too: ask it who served three seasons and who works at the employer
        List<String> veterans = jdbc.queryForList("select account from expert where committee_group = ? "
                + "and seasons_served like '%2022%2023%2024%'", String.class, COMMITTEE);
        List<String> ofTheEmployer = jdbc.queryForList("select account from expert where committee_group = ? "
                + "and employer_code = ?", String.class, COMMITTEE, Dossiers.CITY_DESIGN);
        assertThat(veterans).contains(experts.get(9));
        assertThat(ofTheEmployer).contains(experts.get(0));
        assertThat(invitations).hasSize(7).extracting(Task::getAssignee).doesNotContainAnyElementsOf(veterans);
        assertThat(new Api(http, users.reviewer("city-industry")).get("/api/evaluation-sessions/" + sessionId
                + "/draws").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // drawn names: the office and the supervisor (纪检监督, read-only) see them, the approving department does not
        String supervisor = users.user("supervisor-" + tag, Roles.SUPERVISORS);
        assertThat(new Api(http, supervisor).get("/api/evaluation-sessions/" + sessionId).getBody())
                .containsKey("experts");
        assertThat(officeApi.get("/api/evaluation-sessions/" + sessionId).getBody()).containsKey("experts");
        assertThat(new Api(http, cityHr).get("/api/evaluation-sessions/" + sessionId).getBody())
                .doesNotContainKey("experts");
        assertThat(new Api(http, supervisor).getList("/api/evaluation-sessions/" + sessionId + "/draws").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(new Api(http, supervisor).put("/api/evaluation-sessions/" + sessionId + "/plan", Map.of())
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new Api(http, users.applicant("peek-" + tag)).get("/api/evaluation-sessions/" + sessionId)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // an expert sees their own task only, and nothing in it names an applicant (EVA-5)
        // the one who will decline is not from a private enterprise, so that any reserve keeps the committee's share
        List<String> privates = jdbc.queryForList("select account from expert where committee_group = ? "
                + "and private_enterprise = true", String.class, COMMITTEE);
        Task mine = invitations.stream().filter(t -> !privates.contains(t.getAssignee())).findFirst().orElseThrow();
        String first = mine.getAssignee();
        // (the pool is shared with the other tests' sessions: an expert may sit on several; only their own seats)
        assertThat(users.as(first, () -> tasks.createTaskQuery().list())).extracting(Task::getId)
                .contains(mine.getId());
        assertThat(users.as(first, () -> tasks.createTaskQuery().list())).allMatch(t -> first.equals(t.getAssignee()));
        // a seat is its expert's alone: not handed on, delegated or opened to a group (no proxy)
        String colleague = invitations.stream().map(Task::getAssignee).filter(x -> !x.equals(first)).findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> users.as(first, () -> tasks.setAssignee(mine.getId(), colleague)))
                .hasMessageContaining("不能转交");
        assertThatThrownBy(() -> users.as(first, () -> tasks.delegateTask(mine.getId(), colleague)))
                .hasMessageContaining("不能转交");
        assertThatThrownBy(() -> users.as(first, () -> tasks.addCandidateGroup(mine.getId(), "city-hr")))
                .hasMessageContaining("不能转交");
        assertThat(tasks.createTaskQuery().taskId(mine.getId()).singleResult().getAssignee()).isEqualTo(first);
        assertThat(tasks.getIdentityLinksForTask(mine.getId())).noneMatch(l -> l.getGroupId() != null);
        Map<String, Object> visible = users.as(first, () -> tasks.getVariables(mine.getId()));
        assertThat(visible).as("a task card of the filter 我的待办 shows nothing of an application")
                .doesNotContainKeys(cn.chifeng.title.security.OrganisationAccess.CARD_VARIABLES.stream()
                        .map(v -> v.get("name")).toArray(String[]::new));
        assertThat(visible.toString()).doesNotContain("郑好", "钱弱", good.id(), weak.id(), Dossiers.CITY_DESIGN,
                "赤峰市建筑勘察设计院");
        invitations.stream().map(Task::getAssignee).filter(x -> !x.equals(first))
                .forEach(other -> assertThat(visible.toString()).doesNotContain(other));
        ResponseEntity<String> rest = new Api(http, first).raw(HttpMethod.GET, "/engine-rest/variable-instance", null);
        assertThat(rest.getBody()).doesNotContain("郑好", good.id());
        ResponseEntity<String> history = new Api(http, first).raw(HttpMethod.GET,
                "/engine-rest/history/variable-instance", null);
        assertThat(history.getBody()).doesNotContain("郑好", good.id());

        // one declines: the next reserve takes the seat
        users.as(first, () -> tasks.complete(mine.getId(), Map.of(Vars.ATTENDANCE, "DECLINE", Vars.DECLINE_REASON,
                "出差在外")));
        List<Task> now = tasks.createTaskQuery().processInstanceId(pi)
                .taskDefinitionKey(EvaluationSessionProcess.TASK_CONFIRM_ATTENDANCE).list();
        assertThat(now).hasSize(7).extracting(Task::getAssignee).doesNotContain(first);
        for (Task t : now) {
            users.as(t.getAssignee(), () -> tasks.complete(t.getId(), Map.of(Vars.ATTENDANCE, "ATTEND")));
        }

        // blind review: pseudonyms only; 回避 hides the applications of the expert's own employer
        List<Task> reviews = tasks.createTaskQuery().processInstanceId(pi)
                .taskDefinitionKey(EvaluationSessionProcess.TASK_BLIND_REVIEW).list();
        assertThat(reviews).hasSize(7);
        for (Task t : reviews) {
            Api expert = new Api(http, t.getAssignee());
            List<Map<String, Object>> list = expert.getList("/api/evaluation-sessions/" + sessionId + "/blind").getBody();
            if (ofTheEmployer.contains(t.getAssignee())) {
                assertThat(list).isEmpty();
            } else {
                assertThat(list).hasSize(2);
                assertThat(list.toString()).doesNotContain("郑好", "钱弱", good.id(), "赤峰市建筑勘察设计院", "songshan");
                assertThatThrownBy(() -> users.as(t.getAssignee(), () -> tasks.complete(t.getId(),
                        Map.of(Vars.REVIEW_DONE, true)))).hasMessageContaining("未填写评审意见");
                for (Map<String, Object> row : list) {
                    assertThat(expert.put("/api/evaluation-sessions/" + sessionId + "/opinions/" + row.get("pseudonym"),
                            Map.of("opinion", "业绩符合要求")).getStatusCode()).isEqualTo(HttpStatus.OK);
                }
            }
            users.as(t.getAssignee(), () -> tasks.complete(t.getId(), Map.of(Vars.REVIEW_DONE, true)));
        }
        assertThat(new Api(http, users.reviewer("city-hr")).get("/api/evaluation-sessions/" + sessionId
                + "/blind").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // the meeting: 4 of 7 is no quorum; 6 attend (the recused one among them, if drawn)
        Task meeting = task(pi, EvaluationSessionProcess.TASK_HOLD_MEETING);
        List<String> choices = new ArrayList<>();
        Object listed = tasks.getVariable(meeting.getId(), Vars.MEMBER_CHOICES);
        for (var c : ((org.camunda.spin.json.SpinJsonNode) listed).elements()) {
            choices.add(c.prop("value").stringValue());
        }
        assertThat(choices).hasSize(7);
        assertThatThrownBy(() -> users.as(office, () -> tasks.complete(meeting.getId(),
                Map.of(Vars.ATTENDEES, choices.subList(0, 6))))).hasMessageContaining("未到会议日期");
        clock.set(java.time.LocalDateTime.of(2025, 6, 18, 9, 0));
        assertThatThrownBy(() -> users.as(office, () -> tasks.complete(meeting.getId(),
                Map.of(Vars.ATTENDEES, choices.subList(0, 4))))).hasMessageContaining("不能表决");
        List<String> attending = choices.subList(0, 6);
        // as Tasklist submits a checklist: a Json variable holding the array of chosen values
        ResponseEntity<String> notOffered = new Api(http, office).raw(HttpMethod.POST, "/engine-rest/task/"
                + meeting.getId() + "/submit-form", Map.of("variables", Map.of(Vars.ATTENDEES,
                Map.of("type", "Json", "value", "[\"999999\"]"))));
        assertThat(notOffered.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notOffered.getBody()).contains("无效");
        ResponseEntity<String> notStrings = new Api(http, office).raw(HttpMethod.POST, "/engine-rest/task/"
                + meeting.getId() + "/submit-form", Map.of("variables", Map.of(Vars.ATTENDEES,
                Map.of("type", "Json", "value", "{\"a\":1}"))));
        assertThat(notStrings.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String chosen = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(attending);
        ResponseEntity<String> opened = new Api(http, office).raw(HttpMethod.POST, "/engine-rest/task/"
                + meeting.getId() + "/submit-form", Map.of("variables", Map.of(Vars.ATTENDEES,
                Map.of("type", "Json", "value", chosen))));
        assertThat(opened.getStatusCode()).as(opened.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        // the anonymous vote, by the API only: one ballot per expert and application, no proxy, 回避
        Map<String, Object> view = officeApi.get("/api/evaluation-sessions/" + sessionId).getBody();
        List<Map<String, Object>> items = (List<Map<String, Object>>) view.get("applications");
        assertThat(items).allMatch(i -> !i.containsKey("inFavour"));
        String goodPseudonym = items.stream().filter(i -> good.id().equals(i.get("applicationId"))).findFirst()
                .orElseThrow().get("pseudonym").toString();
        String weakPseudonym = items.stream().filter(i -> weak.id().equals(i.get("applicationId"))).findFirst()
                .orElseThrow().get("pseudonym").toString();
        List<Map<String, Object>> seats = (List<Map<String, Object>>) view.get("experts");
        List<String> voters = new ArrayList<>();
        for (Map<String, Object> seat : seats) {
            if (Boolean.TRUE.equals(seat.get("attended"))) {
                long id = ((Number) seat.get("expertId")).longValue();
                voters.add(jdbc.queryForObject("select account from expert where id = ?", String.class, id));
            }
        }
        assertThat(voters).hasSize(6);
        int forWeak = 0;
        int eligibleVoters = 0;
        for (String voter : voters) {
            Api v = new Api(http, voter);
            if (!ofTheEmployer.contains(voter) && eligibleVoters == 1
                    && (BrowserScript.missing().isEmpty() || BrowserScript.required())) {
                // the second in a real browser: Tasklist login, the staff page, an opinion, a vote on each
                assertThat(BrowserScript.missing()).as("the browser of the expert page test").isEmpty();
                BrowserScript.Result ui = BrowserScript.run("expert-review.mjs", "expert-review.log", "--base",
                        "http://localhost:" + port, "--user", voter, "--password", TestUsers.PASSWORD, "--session",
                        sessionId, "--out", BrowserScript.SCREENSHOTS.toString());
                assertThat(ui.ok()).as("expert-review.mjs:%n%s", ui.output()).isTrue();
                assertThat(ui.output()).contains("voted: 2");
                eligibleVoters++;
                forWeak++;
                continue;
            }
            if (!ofTheEmployer.contains(voter) && eligibleVoters == 0) {
                // the first votes through the staff page linked from Tasklist, signed in by the webapp session
                voteOnThePage(sessionId, voter, goodPseudonym, weakPseudonym);
                eligibleVoters++;
                forWeak++;
                continue;
            }
            ResponseEntity<Map<String, Object>> r = v.post("/api/evaluation-sessions/" + sessionId + "/ballots",
                    Map.of("pseudonym", goodPseudonym, "choice", "FOR"));
            if (ofTheEmployer.contains(voter)) {
                assertThat(r.getStatusCode()).as("回避").isEqualTo(HttpStatus.FORBIDDEN);
                continue;
            }
            eligibleVoters++;
            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(v.post("/api/evaluation-sessions/" + sessionId + "/ballots", Map.of("pseudonym", goodPseudonym,
                    "choice", "AGAINST")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            String choice = forWeak < 1 ? "FOR" : forWeak < 2 ? "ABSTAIN" : "AGAINST";
            forWeak++;
            assertThat(v.post("/api/evaluation-sessions/" + sessionId + "/ballots", Map.of("pseudonym", weakPseudonym,
                    "choice", choice)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        assertThat(new Api(http, office).post("/api/evaluation-sessions/" + sessionId + "/ballots",
                Map.of("pseudonym", weakPseudonym, "choice", "FOR")).getStatusCode()).as("no proxy")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new Api(http, voters.get(1)).post("/api/evaluation-sessions/" + sessionId + "/ballots",
                Map.of("pseudonym", weakPseudonym, "choice", "MAYBE")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        Task close = task(pi, EvaluationSessionProcess.TASK_CLOSE_VOTE);
        users.as(office, () -> tasks.complete(close.getId(), Map.of(Vars.VOTE_CLOSED, true)));
        assertThat(new Api(http, voters.get(1)).post("/api/evaluation-sessions/" + sessionId + "/ballots",
                Map.of("pseudonym", weakPseudonym, "choice", "FOR")).getStatusCode()).as("no late vote")
                .isIn(HttpStatus.CONFLICT, HttpStatus.FORBIDDEN);

        // results: counts shown now; the good one goes to the result notice, the weak one ends
        Map<String, Object> closed = officeApi.get("/api/evaluation-sessions/" + sessionId).getBody();
        Map<String, Object> goodRow = ((List<Map<String, Object>>) closed.get("applications")).stream()
                .filter(i -> good.id().equals(i.get("applicationId"))).findFirst().orElseThrow();
        assertThat(goodRow).containsEntry("outcome", "PASSED").containsEntry("inFavour", eligibleVoters);
        assertThat(register.find(good.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.IN_PUBLICITY);
        assertThat(register.find(weak.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.NOT_PASSED);

        // no vote is linkable to its voter: no choice in any variable of the session, ever
        List<HistoricVariableInstance> vars = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(pi).list();
        assertThat(vars).noneMatch(v -> List.of("FOR", "AGAINST", "ABSTAIN").contains(String.valueOf(v.getValue())));
        assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(pi).list().toString())
                .doesNotContain("AGAINST", "ABSTAIN");
        assertThat(jdbc.queryForList("select column_name from information_schema.columns where lower(table_name) = "
                + "'ballot_cast'", String.class)).extracting(String::toLowerCase)
                .containsExactlyInAnyOrder("session_id", "expert_id", "pseudonym");

        // the result notice, its end, the confirmation package, its confirmation, the export
        Task publish = task(pi, EvaluationSessionProcess.TASK_PUBLISH_RESULTS);
        // SEA-5, EVA-8: a notice that would end after the evaluation close (09-30) needs an accepted postponement
        assertThatThrownBy(() -> users.as(office, () -> tasks.complete(publish.getId(),
                Map.of(Vars.NOTICE_START, "2025-09-26")))).hasMessageContaining("晚于评审完成截止日")
                .hasMessageContaining("延期评审备案");
        users.as(office, () -> tasks.complete(publish.getId(), Map.of()));
        String publication = jdbc.queryForObject("select p.process_instance_id from publication p join "
                + "publication_item i on i.publication_id = p.id where i.application_id = ? and p.kind = 'RESULTS'",
                String.class, good.id());
        Task filing = task(pi, EvaluationSessionProcess.TASK_FILE_CONFIRMATION);
        Map<String, Object> complete = Map.of(Vars.HAS_APPROVAL_REPORT, true, Vars.HAS_PUBLICITY_RECORD, true,
                Vars.HAS_ROSTER, true, Vars.HAS_COMMITMENT, true);
        assertThatThrownBy(() -> users.as(office, () -> tasks.complete(filing.getId(), complete)))
                .hasMessageContaining("公示未结束");
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(publication).timers().singleResult().getId());
        assertThat(register.find(good.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.PASSED);
        // PUB-4: reminded at 25 days; at one month the approving department hears it is overdue
        var management = engine.getManagementService();
        management.executeJob(management.createJobQuery().processInstanceId(pi)
                .activityId(EvaluationSessionProcess.TIMER_CONFIRMATION_REMINDER).singleResult().getId());
        assertThat(sent("CONFIRMATION_REMINDER", office)).isEqualTo(1);
        assertThat(sent("CONFIRMATION_OVERDUE", cityHr)).isZero();
        clock.set(java.time.LocalDateTime.of(2025, 7, 18, 9, 0));
        management.executeJob(management.createJobQuery().processInstanceId(pi)
                .activityId(EvaluationSessionProcess.TIMER_CONFIRMATION_OVERDUE).singleResult().getId());
        assertThat(sent("CONFIRMATION_OVERDUE", cityHr)).isEqualTo(1);
        users.as(office, () -> tasks.complete(filing.getId(), complete));
        Task confirm = task(pi, EvaluationSessionProcess.TASK_CONFIRM_RESULTS);
        users.as(cityHr, () -> tasks.complete(confirm.getId(), Map.of(Vars.CONFIRM_DECISION, "CONFIRM")));
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi)
                .singleResult().getEndActivityId()).isEqualTo(EvaluationSessionProcess.END_CONFIRMED);

        // PUB-3: the passed applicant has a verifiable certificate dated the meeting; the one not passed has none
        var certificate = certificates.forApplication(good.id()).orElseThrow();
        assertThat(certificate.passedOn()).isEqualTo(java.time.LocalDate.of(2025, 6, 18));
        assertThat(new Api(http, null).get("/api/certificates/" + certificate.number()).getBody())
                .containsEntry("status", "VALID");
        assertThat(certificates.forApplication(weak.id())).isEmpty();

        var officeLogin = cn.chifeng.title.support.WebappLogin.login(http, office, TestUsers.PASSWORD, "tasklist");
        org.springframework.http.HttpHeaders officeSession = new org.springframework.http.HttpHeaders();
        officeSession.add(org.springframework.http.HttpHeaders.COOKIE, officeLogin.cookieHeader());
        assertThat(http.exchange("/staff/sessions/" + sessionId, HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(officeSession), String.class).getBody())
                .contains("评审结果已确认", "export.xlsx", "郑好");
        ResponseEntity<byte[]> export = http.exchange("/api/evaluation-sessions/" + sessionId + "/export.xlsx",
                HttpMethod.GET, new org.springframework.http.HttpEntity<>(basic(office)), byte[].class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export.getBody()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("郑好");
        }
        assertThat(http.exchange("/api/evaluation-sessions/" + sessionId + "/export.xlsx", HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(basic(experts.get(2))), byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Autowired
    cn.chifeng.title.notification.NotificationOutbox outbox;

    /** SEA-5, EVA-8: a postponement takes effect only when the HR department accepts it; applicants hear why. */
    @Test
    void anAcceptedPostponementTellsTheApplicantsAndSparesTheLateReport() {
        String tag = Long.toString(System.nanoTime() % 100000);
        ApplicationRecord a = awaiting("孙延");
        pool(tag);
        String office = users.reviewer(COMMITTEE);
        Api officeApi = new Api(http, office);
        String sessionId = (String) officeApi.post("/api/evaluation-sessions", plan(List.of(a.id()), "2025-06-20",
                "专业技术")).getBody().get("id");
        String pi = instance(sessionId);
        String path = "/api/evaluation-sessions/" + sessionId + "/postponement";

        ResponseEntity<Map<String, Object>> bad = officeApi.post(path, Map.of("until", "2025-09-01"));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().toString()).contains("reason");
        assertThat(new Api(http, users.reviewer("cmte-health-city")).post(path, Map.of("reason", "专家不足",
                "until", "2025-10-31")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(officeApi.post(path, Map.of("reason", "专家不足，需补充抽取", "until", "2025-10-15"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(officeApi.post(path, Map.of("reason", "再次报送", "until", "2025-10-20")).getStatusCode())
                .as("one pending at a time").isEqualTo(HttpStatus.CONFLICT);

        // filed is not accepted: the late report still goes out
        var timer = engine.getManagementService().createJobQuery().processInstanceId(a.processInstanceId())
                .activityId(TitleApplicationProcess.TIMER_EVALUATION_CLOSE).singleResult();
        Task accept = task(pi, EvaluationSessionProcess.TASK_ACCEPT_POSTPONEMENT);
        assertThat(tasks.getIdentityLinksForTask(accept.getId())).extracting(l -> l.getGroupId()).contains("city-hr");
        String cityHr = users.reviewer("city-hr");
        assertThatThrownBy(() -> users.as(cityHr, () -> tasks.complete(accept.getId(),
                Map.of(Vars.POSTPONEMENT_DECISION, "REFUSE")))).hasMessageContaining("意见");
        users.as(cityHr, () -> tasks.complete(accept.getId(), Map.of(Vars.POSTPONEMENT_DECISION, "ACCEPT")));
        assertThat(outbox.ofApplication(a.id())).filteredOn(n -> n.event().equals("EVALUATION_POSTPONED"))
                .singleElement().satisfies(n -> assertThat(n.body()).contains("专家不足，需补充抽取", "2025-10-15"));

        engine.getManagementService().executeJob(timer.getId());
        assertThat(outbox.ofApplication(a.id())).noneMatch(n -> n.event().equals("EVALUATION_OVERDUE"));
    }

    /** EVA-7 on the staff page: CSRF-protected forms; the webapp session signs in; no session, no page. */
    private void voteOnThePage(String sessionId, String voter, String good, String weak) {
        String path = "/staff/sessions/" + sessionId + "/review";
        // (the client follows the redirect to Tasklist's login page)
        ResponseEntity<String> anonymous = http.getForEntity(path, String.class);
        assertThat(anonymous.getBody()).doesNotContain("在线评审与表决", good).containsIgnoringCase("tasklist");
        var login = cn.chifeng.title.support.WebappLogin.login(http, voter, TestUsers.PASSWORD, "tasklist");
        org.springframework.http.HttpHeaders h = new org.springframework.http.HttpHeaders();
        h.add(org.springframework.http.HttpHeaders.COOKIE, login.cookieHeader());
        ResponseEntity<String> page = http.exchange(path, HttpMethod.GET, new org.springframework.http.HttpEntity<>(h),
                String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.getBody()).contains(good, weak, "表决进行中").doesNotContain("郑好", "钱弱");
        var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("pseudonym", good);
        form.add("choice", "FOR");
        org.springframework.http.HttpHeaders post = new org.springframework.http.HttpHeaders();
        post.addAll(h);
        post.setContentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED);
        assertThat(http.exchange("/staff/sessions/" + sessionId + "/ballots", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(form, post), String.class).getStatusCode())
                .as("no CSRF token, no vote").isEqualTo(HttpStatus.FORBIDDEN);
        form.add("_csrf", token);
        // (303 to the page, which the client follows)
        assertThat(http.exchange("/staff/sessions/" + sessionId + "/ballots", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(form, post), String.class).getBody())
                .contains("已记录您的表决");
        ResponseEntity<String> again = http.exchange("/staff/sessions/" + sessionId + "/ballots", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(form, post), String.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains("不能更改或重复投票");
        form.set("pseudonym", weak);
        assertThat(http.exchange("/staff/sessions/" + sessionId + "/ballots", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(form, post), String.class).getBody())
                .contains("已记录您的表决");
        assertThat(http.exchange(path, HttpMethod.GET, new org.springframework.http.HttpEntity<>(h), String.class)
                .getBody()).contains("已投票");
    }

    /** EVA-3 on the office's staff page: the waiting applications to tick, the same rules, the session's page. */
    @Test
    void theOfficeFilesAPlanOnItsStaffPage() throws Exception {
        ApplicationRecord a = awaiting("冯页");
        String office = users.reviewer(COMMITTEE);
        String path = "/staff/committees/" + COMMITTEE + "/sessions";
        var login = cn.chifeng.title.support.WebappLogin.login(http, office, TestUsers.PASSWORD, "tasklist");
        org.springframework.http.HttpHeaders h = new org.springframework.http.HttpHeaders();
        h.add(org.springframework.http.HttpHeaders.COOKIE, login.cookieHeader());
        ResponseEntity<String> form = http.exchange(path + "/new", HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(h), String.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).contains("报送评审会议方案", "冯页", a.id());
        var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.getBody());
        assertThat(m.find()).isTrue();

        org.springframework.util.LinkedMultiValueMap<String, String> fields = new org.springframework.util.LinkedMultiValueMap<>();
        fields.add("_csrf", m.group(1));
        fields.add("season", "2025");
        fields.add("series", "CONSTRUCTION_ENGINEERING");
        fields.add("targetLevel", "ASSISTANT");
        fields.add("specialty", "专业技术");
        fields.add("evaluationGroup", "ALL");
        fields.add("meetingDate", "2025-06-16");
        fields.add("place", "赤峰市住建局三楼会议室");
        fields.add("procedure", "专家在线评审、会议评议、无记名投票");
        fields.add("measures", "评审纪律、保密和回避制度");
        fields.add("committeeSize", "7");
        fields.add("reserveSize", "2");
        fields.add("applicationIds", a.id());
        org.springframework.http.HttpHeaders post = new org.springframework.http.HttpHeaders();
        post.addAll(h);
        post.setContentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> late = http.exchange(path, HttpMethod.POST, new org.springframework.http.HttpEntity<>(fields,
                post), String.class);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(late.getBody()).contains("只有 6 天", "专业技术");
        fields.set("meetingDate", "2025-06-18");
        ResponseEntity<String> filed = http.exchange(path, HttpMethod.POST, new org.springframework.http.HttpEntity<>(fields,
                post), String.class);
        assertThat(filed.getBody()).as("303 to the session's page, followed").contains("方案已报送待审批", "冯页");
        assertThat(jdbc.queryForObject("select count(*) from session_application where application_id = ?",
                Integer.class, a.id())).isEqualTo(1);

        // the same in a real browser, for a second application
        if (BrowserScript.missing().isEmpty() || BrowserScript.required()) {
            assertThat(BrowserScript.missing()).as("the browser of the plan page test").isEmpty();
            ApplicationRecord b = awaiting("冯览");
            BrowserScript.Result ui = BrowserScript.run("session-plan.mjs", "session-plan.log", "--base",
                    "http://localhost:" + port, "--user", office, "--password", TestUsers.PASSWORD, "--committee",
                    COMMITTEE, "--application", b.id(), "--series", "CONSTRUCTION_ENGINEERING", "--level", "ASSISTANT",
                    "--specialty", "专业技术", "--date", "2025-06-19", "--out", BrowserScript.SCREENSHOTS.toString());
            assertThat(ui.ok()).as("session-plan.mjs:%n%s", ui.output()).isTrue();
            assertThat(ui.output()).contains("filed: PS2025-");
            assertThat(jdbc.queryForObject("select count(*) from session_application where application_id = ?",
                    Integer.class, b.id())).isEqualTo(1);
        }

        // another committee's office sees nothing to file here; without the token nothing is filed
        var other = cn.chifeng.title.support.WebappLogin.login(http, users.reviewer("cmte-health-city"),
                TestUsers.PASSWORD, "tasklist");
        org.springframework.http.HttpHeaders oh = new org.springframework.http.HttpHeaders();
        oh.add(org.springframework.http.HttpHeaders.COOKIE, other.cookieHeader());
        assertThat(http.exchange(path + "/new", HttpMethod.GET, new org.springframework.http.HttpEntity<>(oh),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        fields.remove("_csrf");
        assertThat(http.exchange(path, HttpMethod.POST, new org.springframework.http.HttpEntity<>(fields, post),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /**
     * PUB-5: 定向评价 (and 农牧民) results are confirmed by the city HR bureau, other results of a region committee by
     * the region's HR department that approves its plans.
     */
    @Test
    void directionalResultsAreConfirmedByTheCityHrBureau() {
        Map<String, String> confirmers = new HashMap<>();
        for (String type : List.of("DIRECTIONAL", "REGULAR")) {
            ApplicationRecord a = approvedAtEveryStage(dossier().name("定向" + type.length())
                    .employer(Dossiers.CITY_HOSPITAL, "赤峰市医院", "PUBLIC_INSTITUTION", "CITY", "hongshan",
                            "city-health").series("HEALTH").targetLevel("ASSOCIATE_SENIOR").evaluationType(type));
            Map<String, Object> plan = plan(List.of(a.id()), "2025-06-20", "专业技术");
            plan.put("committee", "cmte-health-region");
            plan.put("series", "HEALTH");
            plan.put("targetLevel", "ASSOCIATE_SENIOR");
            ResponseEntity<Map<String, Object>> filed = new Api(http, users.reviewer("cmte-health-region"))
                    .post("/api/evaluation-sessions", plan);
            assertThat(filed.getStatusCode()).as(String.valueOf(filed.getBody())).isEqualTo(HttpStatus.CREATED);
            assertThat(filed.getBody()).containsEntry("approverGroup", "region-hr");
            confirmers.put(type, (String) filed.getBody().get("confirmerGroup"));
        }
        assertThat(confirmers).containsEntry("DIRECTIONAL", "city-hr").containsEntry("REGULAR", "region-hr");
    }

    private int sent(String event, String user) {
        Integer n = jdbc.queryForObject("select count(*) from notification where event = ? and recipient_user = ? "
                + "and body like ?", Integer.class, event, user, "%" + COMMITTEE_NAME + "%");
        return n == null ? 0 : n;
    }

    /** EVA-6: a plan for one group takes only that group's applications (DMN evaluation-group). */
    /** A freelancer has no employer code: their application joins a session, and 回避 by employer concerns nobody. */
    @Test
    void aFreelancersApplicationJoinsASessionAndItsBlindListShowsItToEveryExpert() {
        String tag = Long.toString(System.nanoTime() % 100000);
        ApplicationRecord freelancer = approvedAtEveryStage(dossier().name("孙自由").freelancer("songshan",
                "songshan-industry").series("CONSTRUCTION_ENGINEERING").targetLevel("ASSISTANT"));
        assertThat(register.find(freelancer.id()).orElseThrow().employerCode()).isNull();
        pool(tag);
        ResponseEntity<Map<String, Object>> filed = new Api(http, users.reviewer(COMMITTEE)).post(
                "/api/evaluation-sessions", plan(List.of(freelancer.id()), "2025-06-17", "专业技术"));
        assertThat(filed.getStatusCode()).as(String.valueOf(filed.getBody())).isEqualTo(HttpStatus.CREATED);
        String pi = instance((String) filed.getBody().get("id"));
        String cityHr = users.reviewer((String) filed.getBody().get("approverGroup"));
        users.as(cityHr, () -> tasks.complete(task(pi, EvaluationSessionProcess.TASK_APPROVE_PLAN).getId(),
                Map.of(Vars.PLAN_DECISION, "APPROVE")));
        for (Task t : tasks.createTaskQuery().processInstanceId(pi)
                .taskDefinitionKey(EvaluationSessionProcess.TASK_CONFIRM_ATTENDANCE).list()) {
            users.as(t.getAssignee(), () -> tasks.complete(t.getId(), Map.of(Vars.ATTENDANCE, "ATTEND")));
        }
        for (Task t : tasks.createTaskQuery().processInstanceId(pi)
                .taskDefinitionKey(EvaluationSessionProcess.TASK_BLIND_REVIEW).list()) {
            assertThat(new Api(http, t.getAssignee()).getList("/api/evaluation-sessions/" + filed.getBody().get("id")
                    + "/blind").getBody()).as("nobody recused").hasSize(1);
        }
    }

    @Test
    void aPlanForOneGroupRefusesAnApplicationOfAnother() {
        ApplicationRecord city = awaiting("周城");
        Map<String, Object> plan = plan(List.of(city.id()), "2025-06-20", "专业技术");
        plan.put("evaluationGroup", "GRASSROOTS");
        ResponseEntity<Map<String, Object>> refused = new Api(http, users.reviewer(COMMITTEE))
                .post("/api/evaluation-sessions", plan);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("applicationIds").contains("不属于评审方案的分组");
        plan.put("evaluationGroup", "SOMETHING");
        assertThat(new Api(http, users.reviewer(COMMITTEE)).post("/api/evaluation-sessions", plan).getBody()
                .toString()).contains("evaluationGroup");
        plan.put("evaluationGroup", "GENERAL");
        assertThat(new Api(http, users.reviewer(COMMITTEE)).post("/api/evaluation-sessions", plan).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    private ResponseEntity<Map<String, Object>> upload(String user, String id, String item, String name,
                                                       byte[] content, boolean anonymised) {
        org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
        parts.add("item", item);
        parts.add("anonymised", String.valueOf(anonymised));
        parts.add("file", new org.springframework.core.io.ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        org.springframework.http.HttpHeaders h = basic(user);
        h.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/applications/" + id + "/materials", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(parts, h),
                new org.springframework.core.ParameterizedTypeReference<>() { });
    }

    /** A one-page PDF whose properties name the applicant. */
    private static byte[] pdfNaming(String name) throws java.io.IOException {
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument();
             var out = new java.io.ByteArrayOutputStream()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            var info = doc.getDocumentInformation();
            info.setAuthor(name);
            info.setTitle(name + "的业绩材料");
            info.setCustomMetadataValue("申报人", name);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** EVA-5: experts see only the anonymised copies the office checked, named by pseudonym, without metadata. */
    @SuppressWarnings("unchecked")
    @Test
    void anExpertSeesOnlyTheCheckedAnonymisedCopyWithoutTheApplicantsNameInItsNameOrProperties() throws Exception {
        String tag = Long.toString(System.nanoTime() % 100000);
        ApplicationRecord a = awaiting("吴匿");
        String applicant = a.applicantUserId();
        ResponseEntity<Map<String, Object>> original = upload(applicant, a.id(), "ACHIEVEMENTS", "吴匿-业绩.pdf",
                pdfNaming("吴匿"), false);
        assertThat(original.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(upload(applicant, a.id(), "EDUCATION", "x.pdf", pdfNaming("吴匿"), true).getBody().toString())
                .as("only blind-review items have copies").contains("anonymised");
        ResponseEntity<Map<String, Object>> copy = upload(applicant, a.id(), "ACHIEVEMENTS", "吴匿-匿名.pdf",
                pdfNaming("吴匿"), true);
        assertThat(copy.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(copy.getBody().get("fileName")).isEqualTo("ACHIEVEMENTS-匿名件.pdf");
        long copyId = ((Number) copy.getBody().get("id")).longValue();
        long originalId = ((Number) original.getBody().get("id")).longValue();

        String checkPath = "/api/applications/" + a.id() + "/materials/" + copyId + "/anonymity-check";
        assertThat(new Api(http, users.reviewer("city-hr")).post(checkPath, Map.of("ok", true)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        Api officeApi = new Api(http, users.reviewer(COMMITTEE));
        assertThat(officeApi.post(checkPath, Map.of("ok", false)).getBody().toString()).contains("note");

        pool(tag);
        String sessionId = (String) officeApi.post("/api/evaluation-sessions", plan(List.of(a.id()), "2025-06-20",
                "专业技术")).getBody().get("id");
        String pi = instance(sessionId);
        users.as(users.reviewer("city-hr"), () -> tasks.complete(task(pi, EvaluationSessionProcess.TASK_APPROVE_PLAN)
                .getId(), Map.of(Vars.PLAN_DECISION, "APPROVE")));
        List<String> ofTheEmployer = jdbc.queryForList("select account from expert where committee_group = ? "
                + "and employer_code = ?", String.class, COMMITTEE, Dossiers.CITY_DESIGN);
        Task seat = tasks.createTaskQuery().processInstanceId(pi)
                .taskDefinitionKey(EvaluationSessionProcess.TASK_CONFIRM_ATTENDANCE).list().stream()
                .filter(t -> !ofTheEmployer.contains(t.getAssignee())).findFirst().orElseThrow();
        String expert = seat.getAssignee();
        users.as(expert, () -> tasks.complete(seat.getId(), Map.of(Vars.ATTENDANCE, "ATTEND")));
        Api expertApi = new Api(http, expert);

        // not checked yet: nothing to see; checked ok: one copy, by pseudonym
        Map<String, Object> row = expertApi.getList("/api/evaluation-sessions/" + sessionId + "/blind").getBody().get(0);
        assertThat((List<Object>) row.get("materials")).isEmpty();
        assertThat(officeApi.post(checkPath, Map.of("ok", true)).getStatusCode()).isEqualTo(HttpStatus.OK);
        row = expertApi.getList("/api/evaluation-sessions/" + sessionId + "/blind").getBody().get(0);
        List<Map<String, Object>> copies = (List<Map<String, Object>>) row.get("materials");
        assertThat(copies).hasSize(1);
        assertThat(row.toString()).doesNotContain("吴匿", a.id());

        ResponseEntity<byte[]> file = http.exchange((String) copies.get(0).get("download"), HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(basic(expert)), byte[].class);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        String disposition = file.getHeaders().getFirst(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION);
        assertThat(java.net.URLDecoder.decode(disposition, StandardCharsets.UTF_8))
                .contains(row.get("pseudonym") + "-ACHIEVEMENTS.pdf").doesNotContain("吴匿");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(file.getBody())) {
            var info = doc.getDocumentInformation();
            assertThat(info.getAuthor()).isNull();
            assertThat(info.getTitle()).isNull();
            assertThat(info.getMetadataKeys()).doesNotContain("申报人");
            assertThat(doc.getDocumentCatalog().getMetadata()).isNull();
        }
        assertThat(new String(file.getBody(), StandardCharsets.ISO_8859_1)).doesNotContain("Author");
        // the original is never an expert's: not through the blind door, not through the application's
        assertThat(http.exchange("/api/evaluation-sessions/" + sessionId + "/blind/" + row.get("pseudonym")
                        + "/materials/" + originalId, HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(basic(expert)), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        // (the application's door answers as if it did not exist, as it does for everyone not on its route)
        assertThat(expertApi.get("/api/applications/" + a.id() + "/materials").getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(http.exchange("/api/applications/" + a.id() + "/materials/" + originalId, HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(basic(expert)), String.class).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }

    private static org.springframework.http.HttpHeaders basic(String user) {
        org.springframework.http.HttpHeaders h = new org.springframework.http.HttpHeaders();
        h.setBasicAuth(user, TestUsers.PASSWORD);
        return h;
    }
}
