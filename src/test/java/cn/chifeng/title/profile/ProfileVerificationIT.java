package cn.chifeng.title.profile;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.process.ProfileVerificationProcess;
import cn.chifeng.title.process.ProfileVerificationProcess.Vars;
import cn.chifeng.title.security.CompletionRefusedException;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.PortalClient;
import cn.chifeng.title.support.TestMail;
import cn.chifeng.title.support.TestUsers;

/**
 * APP-1 over HTTP: a person registered on the portal fills in their profile; it becomes a Tasklist task of their
 * employer's group only; the employer's reviewer verifies or rejects it (the form's fields only); the applicant sees
 * the result and is told; submission waits for a verification for the dossier's employer; a change of employer asks
 * again; nobody else reads the profile.
 */
class ProfileVerificationIT extends IntegrationTestBase {
    private static final String PASSWORD = "Chifeng2025a";
    private static int counter;

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationService applications;

    /** A person registered and confirmed on the portal, signed in. */
    record Person(String userId, String idNumber, String email, PortalClient browser) {
    }

    private Person registered(String name) {
        long n;
        synchronized (ProfileVerificationIT.class) {
            n = System.nanoTime() % 100000000L + ++counter;
        }
        String idNumber = TestMail.idNumber("19850315");
        String email = "profile" + n + "@example.invalid";
        PortalClient browser = new PortalClient(port);
        browser.get("/portal/register");
        browser.post("/portal/register", Map.of("name", name, "idNumber", idNumber, "phone",
                "139" + String.format("%08d", n % 100000000L), "email", email, "password", PASSWORD,
                "passwordConfirm", PASSWORD));
        TestMail.deliver(management);
        assertThat(browser.get(TestMail.lastLink(email)).body()).contains("邮箱已确认");
        String user = jdbc.queryForObject("select user_id from portal_account where email = ?", String.class, email);
        return new Person(user, idNumber, email, new PortalClient(port).login(email, PASSWORD));
    }

    private static Map<String, String> profile(String employer) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("education", "BACHELOR");
        f.put("graduationDate", "2008-07-01");
        f.put("workStartDate", "2010-08-01");
        f.put("employer", employer);
        f.put("title0Level", "ASSISTANT");
        f.put("title0Series", "HEALTH");
        f.put("title0Date", "2015-01-01");
        f.put("title0Certificate", "NM2015-0123");
        f.put("work0From", "2010-08-01");
        f.put("work0Organisation", "宁城县中心医院");
        f.put("work0Post", "内科医师");
        f.put("work1From", "2012-03-01");
        f.put("work1To", "2013-02-28");
        f.put("work1Organisation", "宁城县大城子镇卫生院");
        f.put("work1Place", "TOWNSHIP");
        return f;
    }

    private PortalClient.Page save(Person p, Map<String, String> form) {
        p.browser().get("/portal/profile");
        return p.browser().post("/portal/profile", form);
    }

    /** The figure of profiles waiting for the unit on its clerk's 本单位申报 page (none shown: 0). */
    private static long waitingProfiles(PortalClient clerk) {
        var m = java.util.regex.Pattern.compile("有 <strong>(\\d+)</strong> 名职工的个人信息待本单位核实")
                .matcher(clerk.get("/portal/unit").body());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private Task verificationTask(Person p) {
        return tasks.createTaskQuery().processDefinitionKey(ProfileVerificationProcess.KEY)
                .processInstanceBusinessKey(p.userId()).singleResult();
    }

    private void submit(Person p) {
        users.api(p.userId(), () -> applications.submit(dossier().name("周晓梅").idNumber(p.idNumber())
                .series("ENGINEERING").build()));
    }

    @Test
    void theEmployerVerifiesTheProfileInTasklistAndOnlyThenTheApplicantMaySubmit() throws Exception {
        Person p = registered("周晓梅");
        assertThat(p.browser().get("/portal/profile").body()).contains("尚未填写个人信息").contains(p.idNumber());
        PortalClient clerk = new PortalClient(port).login(users.reviewer("unit-nc-hospital"), TestUsers.PASSWORD);
        long waitingBefore = waitingProfiles(clerk);

        PortalClient.Page saved = save(p, profile(Dossiers.NC_HOSPITAL));
        assertThat(saved.path()).startsWith("/portal/profile");
        assertThat(saved.body()).contains("已提交宁城县中心医院核实").contains("核实中").contains("NM2015-0123")
                .contains("宁城县大城子镇卫生院");

        Task task = verificationTask(p);
        assertThat(task.getName()).isEqualTo("个人信息核实");
        assertThat(waitingProfiles(clerk)).as("the clerk's portal page counts it").isEqualTo(waitingBefore + 1);
        String unit = users.reviewer("unit-nc-hospital");
        String other = users.reviewer("unit-nc-school");
        users.as(other, () -> assertThat(tasks.createTaskQuery().taskId(task.getId()).count())
                .as("another unit does not see it").isZero());
        assertThat(users.as(unit, () -> tasks.createTaskQuery().taskId(task.getId()).count())).isEqualTo(1);
        assertThat(tasks.getVariable(task.getId(), Vars.TITLES_HELD).toString()).contains("卫生助理级")
                .contains("NM2015-0123");

        assertThatThrownBy(() -> submit(p)).isInstanceOf(ApiException.class)
                .hasMessageContaining("个人信息尚未经宁城县中心医院核实");

        // the form's fields only: a completion that writes the flow state is refused
        assertThatThrownBy(() -> users.as(unit, () -> tasks.complete(task.getId(), Map.of(
                Vars.VERIFICATION_DECISION, Vars.VERIFIED, Vars.PROFILE_USER_ID, "someone-else"))))
                .isInstanceOf(CompletionRefusedException.class);
        users.as(unit, () -> tasks.complete(task.getId(), Map.of(Vars.VERIFICATION_DECISION, Vars.VERIFIED)));

        assertThat(p.browser().get("/portal/profile").body()).contains("已核实").contains("宁城县中心医院");
        TestMail.deliver(management);
        assertThat(TestMail.to(p.email()).get(TestMail.to(p.email()).size() - 1).getSubject())
                .isEqualTo("【职称申报】个人信息已核实");
        submit(p);
        assertThat(jdbc.queryForObject("select count(*) from application where applicant_user_id = ?", Integer.class,
                p.userId())).isEqualTo(1);
    }

    @Test
    void aChangeOfEmployerAsksForVerificationAgainByTheNewOne() {
        Person p = registered("李建华");
        save(p, profile(Dossiers.NC_HOSPITAL));
        Task first = verificationTask(p);
        String unit = users.reviewer("unit-nc-hospital");
        users.as(unit, () -> tasks.complete(first.getId(), Map.of(Vars.VERIFICATION_DECISION, Vars.VERIFIED)));
        assertThat(save(p, profile(Dossiers.NC_HOSPITAL)).body()).as("nothing changed").contains("个人信息没有修改")
                .contains("已核实");

        PortalClient.Page moved = save(p, profile("12150429083016617Q"));
        assertThat(moved.body()).contains("已提交宁城县天义第一中学核实").contains("核实中");
        Task second = verificationTask(p);
        assertThat(tasks.getIdentityLinksForTask(second.getId())).anyMatch(l -> "unit-nc-school".equals(l.getGroupId()));
        assertThatThrownBy(() -> submit(p)).as("the old employer's verification no longer counts")
                .hasMessageContaining("个人信息尚未经宁城县中心医院核实");
    }

    @Test
    void aRejectionShowsItsReasonAndTheCorrectedProfileGoesBackToTheVerifier() {
        Person p = registered("王海燕");
        save(p, profile(Dossiers.NC_HOSPITAL));
        Task task = verificationTask(p);
        String unit = users.reviewer("unit-nc-hospital");
        assertThatThrownBy(() -> users.as(unit, () -> tasks.complete(task.getId(), Map.of(
                Vars.VERIFICATION_DECISION, Vars.REJECTED)))).hasMessageContaining("不予核实的理由");
        users.as(unit, () -> tasks.complete(task.getId(), Map.of(Vars.VERIFICATION_DECISION, Vars.REJECTED,
                Vars.REJECTION_REASON, "毕业时间与档案不符")));

        PortalClient.Page page = p.browser().get("/portal/profile");
        assertThat(page.body()).contains("未通过核实").contains("毕业时间与档案不符").contains("保存并提交核实");
        TestMail.deliver(management);
        assertThat(TestMail.lastLink(p.email())).isEqualTo("/portal/profile");

        Map<String, String> corrected = profile(Dossiers.NC_HOSPITAL);
        corrected.put("graduationDate", "2009-07-01");
        assertThat(save(p, corrected).body()).contains("核实中");
        assertThat(verificationTask(p)).isNotNull();
    }

    @Test
    void wrongFieldsAreShownNextToThemAndNothingGoesToVerification() {
        Person p = registered("赵春梅");
        Map<String, String> f = profile("FREELANCER");
        f.put("graduationDate", "2008-13-45");
        f.put("title0Certificate", "");

        PortalClient.Page page = save(p, f);

        assertThat(page.body()).contains("日期格式应为");
        f.put("graduationDate", "2008-07-01");
        assertThat(save(p, f).body()).contains("自由职业者请选择所在旗县区").contains("必须填写证书编号");
        assertThat(verificationTask(p)).isNull();

        f.put("county", "ningcheng");
        f.put("title0Certificate", "NM2015-0999");
        assertThat(save(p, f).body()).contains("已提交宁城县人才服务中心核实");
        assertThat(tasks.getIdentityLinksForTask(verificationTask(p).getId()))
                .anyMatch(l -> "ningcheng-talent".equals(l.getGroupId()));
    }

    @Test
    void anotherApplicantDoesNotReadTheProfile() {
        Person p = registered("孙丽华");
        save(p, profile(Dossiers.NC_HOSPITAL));
        Person q = registered("钱志强");

        String theirs = q.browser().get("/portal/profile").body();
        assertThat(theirs).contains("尚未填写个人信息").doesNotContain("NM2015-0123").doesNotContain(p.idNumber());
        assertThat(new PortalClient(port).get("/portal/profile").path()).as("anonymous: to the login")
                .startsWith("/portal/login");
    }
}
