package cn.chifeng.title.employer;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.organisation.EmployerRegister;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.process.EmployerRegistrationProcess;
import cn.chifeng.title.process.EmployerRegistrationProcess.Vars;
import cn.chifeng.title.security.CompletionRefusedException;
import cn.chifeng.title.security.OrganisationAccess;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.PortalClient;
import cn.chifeng.title.support.TestMail;

/**
 * A unit registers on the portal without an account; its county HR bureau (a city-level unit: its city department)
 * approves it in Tasklist with the form's fields only; from then on — without a restart — it is a 用人单位 of the
 * directory with its reviewers' group, grants and filters, its clerk has an account, and applicants name it.
 */
@Tag("postgres")
class EmployerRegistrationIT extends IntegrationTestBase {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory organisations;
    @Autowired
    EmployerRegister register;
    @Autowired
    ApplicationService applications;
    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    ManagementService management;

    /** A fresh 统一社会信用代码 of a public institution (1, 2) in 宁城县 with its check character. */
    static String newCode() {
        StringBuilder c = new StringBuilder("12150429");
        for (int i = 0; i < 9; i++) {
            c.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(c.charAt(i)) * WEIGHTS[i];
        }
        return c.append(ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }

    static Map<String, String> unit(String code, String email) {
        Map<String, String> f = new HashMap<>();
        f.put("name", "宁城县第三中学");
        f.put("code", code);
        f.put("type", "PUBLIC_INSTITUTION");
        f.put("level", "COUNTY");
        f.put("county", "ningcheng");
        f.put("competentDepartment", "ningcheng-edu");
        f.put("clerkName", "刘建国");
        f.put("clerkPhone", "13904761234");
        f.put("clerkEmail", email);
        return f;
    }

    private PortalClient.Page registerOnThePortal(Map<String, String> form) {
        PortalClient browser = new PortalClient(port);
        PortalClient.Page page = browser.get("/portal/employers/register");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("用人单位注册").contains("name=\"_csrf\"").contains("宁城县教育局");
        return browser.post("/portal/employers/register", form);
    }

    private Task reviewTask(String code) {
        return tasks.createTaskQuery().processDefinitionKey(EmployerRegistrationProcess.KEY)
                .processInstanceBusinessKey(code).singleResult();
    }

    private static String email() {
        return "clerk" + System.nanoTime() + "@example.invalid";
    }

    @Test
    void aUnitApprovedByItsCountyIsAnEmployerAtOnceWithItsGroupFiltersAndClerk() throws Exception {
        String code = newCode();
        String email = email();
        PortalClient.Page sent = registerOnThePortal(unit(code, email));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("注册已提交").contains("宁城县人力资源和社会保障局");
        assertThat(organisations.employer(code)).as("not before approval").isEmpty();

        Task task = reviewTask(code);
        assertThat(task.getName()).isEqualTo("单位注册审核");
        String reviewer = users.reviewer("ningcheng-hr");
        users.as(reviewer, () -> {
            assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the county sees it").isEqualTo(1);
            tasks.complete(task.getId(), Map.of(Vars.REGISTRATION_DECISION, Vars.APPROVE));
        });

        String group = "unit-" + code.toLowerCase();
        OrganisationDirectory.Employer employer = organisations.employer(code).orElseThrow();
        assertThat(employer.group()).isEqualTo(group);
        assertThat(employer.name()).isEqualTo("宁城县第三中学");
        assertThat(organisations.employers()).contains(employer);
        assertThat(organisations.groupName(group)).isEqualTo("宁城县第三中学");
        assertThat(register.byCode(code).orElseThrow().status()).isEqualTo(EmployerRegister.APPROVED);
        assertThat(register.byCode(code).orElseThrow().decidedBy()).isEqualTo(reviewer);

        // the group and the grants a seed unit gets
        assertThat(identity.createGroupQuery().groupId(group).singleResult().getType()).isEqualTo(cn.chifeng.title.security.OrganisationAccess.TYPE_ORGANISATION);
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.APPLICATION)
                .resourceId("tasklist").hasPermission(Permissions.ACCESS).count()).isEqualTo(1);

        // the clerk: an account in the group, the initial password by e-mail
        String clerk = "clerk-" + code.toLowerCase();
        assertThat(identity.createUserQuery().userId(clerk).memberOfGroup(group).count()).isEqualTo(1);
        TestMail.deliver(management);
        assertThat(TestMail.to(email)).hasSize(1);
        String body = TestMail.to(email).get(0).getContent().toString();
        assertThat(body).contains("用户名：" + clerk).contains("宁城县第三中学");
        Matcher password = Pattern.compile("初始密码：(\\S+)").matcher(body);
        assertThat(password.find()).isTrue();
        assertThat(identity.checkPassword(clerk, password.group(1))).isTrue();

        // an applicant names the unit: accepted, and the unit reviews first
        String applicant = users.applicant("emp-applicant-" + System.nanoTime());
        ApplicationRecord a = users.api(applicant, () -> applications.submit(dossier().employer(code, "宁城县第三中学",
                "PUBLIC_INSTITUTION", "COUNTY", "ningcheng", "ningcheng-edu").series("PRIMARY_SECONDARY_TEACHER")
                .build()));
        assertThat(a.employerCode()).isEqualTo(code);
        assertThat(a.route()).startsWith("UNIT");
        assertThat(a.visibleTo()).contains(group);

        // the clerk's 本单位待办 filter lists the unit's task
        users.as(clerk, () -> {
            Filter mine = filters.createTaskFilterQuery().filterName(OrganisationAccess.FILTER_ORGANISATION)
                    .singleResult();
            assertThat(mine).as("本单位待办 readable by the unit").isNotNull();
            assertThat(filters.<Task>list(mine.getId())).extracting(Task::getProcessInstanceId)
                    .contains(a.processInstanceId());
        });
    }

    @Test
    void aReviewerOfAnotherCountyNeitherSeesNorCompletesTheTask() {
        String code = newCode();
        registerOnThePortal(unit(code, email()));
        Task task = reviewTask(code);

        String other = users.reviewer("hongshan-hr");
        users.as(other, () -> {
            assertThat(tasks.createTaskQuery().processDefinitionKey(EmployerRegistrationProcess.KEY)
                    .processInstanceBusinessKey(code).count()).isZero();
            assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(Vars.REGISTRATION_DECISION, Vars.APPROVE)))
                    .isInstanceOf(AuthorizationException.class);
        });

        assertThat(reviewTask(code)).as("still waiting").isNotNull();
        assertThat(register.byCode(code).orElseThrow().status()).isEqualTo(EmployerRegister.PENDING);
        assertThat(organisations.employer(code)).isEmpty();
    }

    @Test
    void aCityLevelUnitIsReviewedByItsCityDepartmentNotByTheCounty() {
        String code = newCode();
        Map<String, String> form = unit(code, email());
        form.put("name", "赤峰市第九医院");
        form.put("level", "CITY");
        form.put("county", "hongshan");
        form.put("competentDepartment", "city-health");
        assertThat(registerOnThePortal(form).body()).contains("赤峰市卫生健康委员会");

        Task task = reviewTask(code);
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId())
                .containsExactly("city-health");
        users.as(users.reviewer("hongshan-hr"), () -> assertThat(tasks.createTaskQuery().taskId(task.getId()).count())
                .isZero());
    }

    @Test
    void theApprovalSetsOnlyItsFormsFieldsAndARejectionNeedsAReason() throws Exception {
        String code = newCode();
        String email = email();
        registerOnThePortal(unit(code, email));
        Task task = reviewTask(code);
        String reviewer = users.reviewer("ningcheng-hr");

        users.as(reviewer, () -> {
            assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(Vars.REGISTRATION_DECISION, Vars.APPROVE,
                    Vars.REVIEWER_GROUP, "ningcheng-hr"))).isInstanceOf(CompletionRefusedException.class)
                    .hasMessageContaining("reviewerGroup");
            assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(Vars.REGISTRATION_DECISION, "MAYBE")))
                    .isInstanceOf(CompletionRefusedException.class);
            assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(Vars.REGISTRATION_DECISION, Vars.REJECT)))
                    .isInstanceOf(CompletionRefusedException.class).hasMessageContaining("不予通过的理由");
        });
        assertThat(register.byCode(code).orElseThrow().status()).as("nothing changed").isEqualTo(EmployerRegister.PENDING);

        users.as(reviewer, () -> tasks.complete(task.getId(), Map.of(Vars.REGISTRATION_DECISION, Vars.REJECT,
                Vars.REJECTION_REASON, "单位名称与事业单位法人证书不符")));
        EmployerRegister.Registration rejected = register.byCode(code).orElseThrow();
        assertThat(rejected.status()).isEqualTo(EmployerRegister.REJECTED);
        assertThat(rejected.decisionReason()).isEqualTo("单位名称与事业单位法人证书不符");
        assertThat(organisations.employer(code)).isEmpty();
        assertThat(identity.createGroupQuery().groupId("unit-" + code.toLowerCase()).count()).isZero();
        TestMail.deliver(management);
        assertThat(TestMail.to(email).get(0).getContent().toString()).contains("单位名称与事业单位法人证书不符");

        // corrected, it registers again and goes back to review
        Map<String, String> again = unit(code, email);
        again.put("name", "宁城县第三中学（更正）");
        assertThat(registerOnThePortal(again).body()).contains("注册已提交");
        assertThat(register.byCode(code).orElseThrow().status()).isEqualTo(EmployerRegister.PENDING);
        assertThat(reviewTask(code)).isNotNull();
    }

    @Test
    void wrongFieldsAreShownNextToEachFieldAndNothingIsRegistered() {
        Map<String, String> form = unit("12150429MA0N12345X", "not-an-address");
        form.put("clerkPhone", "12345");
        form.put("competentDepartment", "hongshan-health");
        form.put("name", " ");
        PortalClient.Page page = registerOnThePortal(form);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("统一社会信用代码校验位不正确").contains("请填写11位手机号码")
                .contains("请填写有效的电子邮箱").contains("主管部门应为单位所在旗县区的部门").contains("必须填写单位名称")
                .contains("value=\"12150429MA0N12345X\"");
        assertThat(register.byCode("12150429MA0N12345X")).isEmpty();
    }

    @Test
    void aRegisteredOrPendingUnitIsNotRegisteredTwice() {
        Map<String, String> seed = unit(cn.chifeng.title.support.Dossiers.NC_HOSPITAL, email());
        assertThat(registerOnThePortal(seed).body()).contains("该单位已登记为用人单位");

        String code = newCode();
        registerOnThePortal(unit(code, email()));
        assertThat(registerOnThePortal(unit(code, email())).body()).contains("正在审核中");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code).count()).isEqualTo(1);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        String code = newCode();
        PortalClient.Page refused = new PortalClient(port).post("/portal/employers/register", unit(code, email()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(register.byCode(code)).isEmpty();
    }
}
