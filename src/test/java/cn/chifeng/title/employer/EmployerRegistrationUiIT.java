package cn.chifeng.title.employer;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.chifeng.title.organisation.EmployerRegister;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.process.EmployerRegistrationProcess;
import cn.chifeng.title.support.BrowserScript;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.PortalClient;
import cn.chifeng.title.support.TestMail;
import cn.chifeng.title.support.TestUsers;

/**
 * A unit's registration in a real browser ({@code src/test/ui/employer-registration.mjs}): its clerk fills in
 * {@code /portal/employers/register} without a login and sees the confirmation; the county HR bureau of 宁城县 opens
 * the task 单位注册审核 in the real Tasklist, reads the unit on its form, claims it and approves it. Then — without a
 * restart — the unit is an employer of the directory, its clerk has the account mail, and an applicant's form offers
 * it. Screenshots in {@code target/ui-screenshots/employer-*.png}.
 */
class EmployerRegistrationUiIT extends IntegrationTestBase {
    private static final String COUNTY_HR = "ningcheng-hr";

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory organisations;
    @Autowired
    EmployerRegister register;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;

    @BeforeEach
    void browserIsInstalled() {
        BrowserScript.requireOrSkip("employer registration UI test");
    }

    private String step(String step, String... args) throws Exception {
        String[] all = new String[args.length + 6];
        all[0] = "--base";
        all[1] = "http://localhost:" + port;
        all[2] = "--step";
        all[3] = step;
        all[4] = "--out";
        all[5] = BrowserScript.SCREENSHOTS.toString();
        System.arraycopy(args, 0, all, 6, args.length);
        BrowserScript.Result r = BrowserScript.run("employer-registration.mjs", "employer-" + step + ".log", all);
        System.out.print(r.output());
        assertThat(r.ok()).as("employer-registration.mjs --step %s:%n%s", step, r.output()).isTrue();
        return r.output();
    }

    @Test
    void aUnitRegistersWithoutLoginItsCountyApprovesInTheTasklistAndApplicantsCanNameIt() throws Exception {
        String code = EmployerRegistrationIT.newCode();
        String name = "宁城县第" + (System.nanoTime() % 900 + 100) + "实验小学";
        String email = "clerk-ui" + System.nanoTime() + "@example.invalid";

        step("register", "--name", name, "--code", code, "--email", email);
        assertThat(register.byCode(code).orElseThrow().status()).isEqualTo(EmployerRegister.PENDING);
        assertThat(organisations.employer(code)).as("not before approval").isEmpty();
        Task task = tasks.createTaskQuery().processDefinitionKey(EmployerRegistrationProcess.KEY)
                .processInstanceBusinessKey(code).singleResult();
        assertThat(task.getName()).isEqualTo("单位注册审核");
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId())
                .containsExactly(COUNTY_HR);

        users.reviewer(COUNTY_HR);
        step("approve", "--name", name, "--code", code, "--user", COUNTY_HR, "--password", TestUsers.PASSWORD,
                "--task", task.getId());

        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is done").isZero();
        EmployerRegister.Registration approved = register.byCode(code).orElseThrow();
        assertThat(approved.status()).isEqualTo(EmployerRegister.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(COUNTY_HR);
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult()
                .getAssignee()).as("claimed in the Tasklist").isEqualTo(COUNTY_HR);
        OrganisationDirectory.Employer employer = organisations.employer(code).orElseThrow();
        assertThat(employer.name()).isEqualTo(name);
        assertThat(employer.county()).isEqualTo("ningcheng");
        assertThat(organisations.employers()).contains(employer);

        TestMail.deliver(management);
        assertThat(TestMail.to(email)).hasSize(1);
        assertThat(TestMail.to(email).get(0).getContent().toString()).contains(name)
                .contains("用户名：clerk-" + code.toLowerCase()).contains("初始密码：");

        String applicant = users.applicant("emp-ui-applicant-" + System.nanoTime());
        String form = new PortalClient(port).login(applicant, TestUsers.PASSWORD).get("/portal/apply").body();
        assertThat(form).as("the applicant's form offers the unit")
                .containsPattern("<option value=\"" + code + "\"[^>]*>" + name + "</option>");
    }
}
