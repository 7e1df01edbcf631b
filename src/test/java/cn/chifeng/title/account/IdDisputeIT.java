package cn.chifeng.title.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.chifeng.title.process.IdDisputeProcess;
import cn.chifeng.title.process.IdDisputeProcess.Vars;
import cn.chifeng.title.security.CompletionRefusedException;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.PortalClient;
import cn.chifeng.title.support.TestMail;

/**
 * A person finds their 身份证号 registered by someone else and disputes it on the portal without an account: the
 * account is frozen, the chosen county's HR bureau (and no other) verifies it in Tasklist with its form's fields
 * only, and its finding either gives the number to the claimant (who may then register; the account keeps working
 * without it) or leaves it with the holder. Both are told by e-mail, neither the other's contact details.
 */
@Tag("postgres")
class IdDisputeIT extends IntegrationTestBase {
    private static final String PASSWORD_A = "Chifeng2025a";
    private static final String PASSWORD_B = "Chifeng2025b";
    private static int counter;

    @LocalServerPort
    int port;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    IdDisputes disputes;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;

    record Person(String name, String idNumber, String phone, String email) {
    }

    /** A person with a 身份证号, mobile and e-mail no account holds. */
    synchronized Person person(String name) {
        counter++;
        long n = System.nanoTime() % 100000000L;
        String id;
        do {
            id = TestMail.idNumber("19790612");
        } while (accountService.userIdOf(id) != null);
        return new Person(name, id, "137" + String.format("%08d", (n + counter) % 100000000L),
                "d" + n + counter + "@example.invalid");
    }

    static Map<String, String> registration(Person p, String idNumber, String password) {
        return Map.of("name", p.name(), "idNumber", idNumber, "phone", p.phone(), "email", p.email(),
                "password", password, "passwordConfirm", password);
    }

    static Map<String, String> dispute(Person claimant, String idNumber) {
        Map<String, String> f = new HashMap<>();
        f.put("name", claimant.name());
        f.put("idNumber", idNumber);
        f.put("phone", claimant.phone());
        f.put("email", claimant.email());
        f.put("county", "ningcheng");
        f.put("statement", "本人从未在本系统注册，身份证一直由本人保管，怀疑被他人冒用。");
        return f;
    }

    /** A registers and confirms the e-mail; returns A's user id. */
    private String registered(Person a) {
        PortalClient browser = new PortalClient(port);
        browser.get("/portal/register");
        assertThat(browser.post("/portal/register", registration(a, a.idNumber(), PASSWORD_A)).body())
                .contains("确认邮件已发送到");
        TestMail.deliver(management);
        assertThat(browser.get(TestMail.lastLink(a.email())).body()).contains("邮箱已确认");
        new PortalClient(port).login(a.idNumber(), PASSWORD_A);
        return accountService.userIdOf(a.idNumber());
    }

    /** B is told the number is registered, follows the link and files the dispute. */
    private PortalClient.Page fileDispute(Person b, String idNumber) {
        PortalClient browser = new PortalClient(port);
        browser.get("/portal/register");
        PortalClient.Page refused = browser.post("/portal/register", registration(b, idNumber, PASSWORD_B));
        assertThat(refused.body()).contains("该身份证号码已被注册")
                .contains("/portal/register/dispute?idNumber=" + idNumber);
        PortalClient.Page form = browser.get("/portal/register/dispute?idNumber=" + idNumber);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("身份证号申诉").contains("name=\"_csrf\"")
                .contains("value=\"" + idNumber + "\"").contains("宁城县");
        return browser.post("/portal/register/dispute", dispute(b, idNumber));
    }

    private Task verification(String idNumber) {
        return tasks.createTaskQuery().processDefinitionKey(IdDisputeProcess.KEY)
                .processVariableValueEquals(Vars.ID_NUMBER, idNumber).singleResult();
    }

    private PortalClient.Page loginAttempt(String name, String password) {
        PortalClient c = new PortalClient(port);
        c.get("/portal/login");
        return c.post("/portal/login", Map.of("username", name, "password", password));
    }

    private static String mails(String address) {
        StringBuilder all = new StringBuilder();
        for (var m : TestMail.to(address)) {
            try {
                all.append(m.getSubject()).append('\n').append(m.getContent()).append('\n');
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return all.toString();
    }

    @Test
    void aDisputeFoundForTheClaimantFreesTheNumberForTheClaimantAndTheHolderLogsInWithoutIt() {
        Person a = person("王晓燕");
        Person b = person("李秀英");
        String holder = registered(a);

        PortalClient.Page sent = fileDispute(b, a.idNumber());
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("申诉已提交").contains("宁城县人力资源和社会保障局").contains(b.email());

        // frozen: the right password no longer logs in, and the reason says why
        assertThat(accounts.find(holder).orElseThrow().frozenReason()).contains("身份证号码被他人申诉");
        PortalClient.Page frozen = loginAttempt(a.idNumber(), PASSWORD_A);
        assertThat(frozen.path()).startsWith("/portal/login?error");
        assertThat(frozen.body()).contains("账号已冻结").contains("身份证号码被他人申诉");

        // the task: for 宁城县's HR bureau, not for another county; the holder shown as far as the county needs
        Task task = verification(a.idNumber());
        assertThat(task.getName()).isEqualTo("身份证号申诉核查");
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId())
                .containsExactly("ningcheng-hr");
        Map<String, Object> shown = tasks.getVariables(task.getId());
        assertThat(shown).containsEntry(Vars.HOLDER_NAME, "王晓燕")
                .containsEntry(Vars.HOLDER_PHONE_MASKED, a.phone().substring(0, 3) + "****" + a.phone().substring(7))
                .containsEntry(Vars.CLAIMANT_NAME, "李秀英");
        assertThat(shown.values()).extracting(String::valueOf)
                .noneMatch(v -> v.contains(a.email()) || v.equals(a.phone()));
        long disputeId = ((Number) shown.get(Vars.DISPUTE_ID)).longValue();
        String other = users.reviewer("hongshan-hr");
        users.as(other, () -> {
            assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
            assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(Vars.DISPUTE_OUTCOME, Vars.CLAIMANT,
                    Vars.OUTCOME_NOTE, "核验"))).isInstanceOf(AuthorizationException.class);
        });

        String reviewer = users.reviewer("ningcheng-hr");
        users.as(reviewer, () -> {
            assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
            tasks.complete(task.getId(), Map.of(Vars.DISPUTE_OUTCOME, Vars.CLAIMANT,
                    Vars.OUTCOME_NOTE, "申诉人持本人身份证到场核验，号码为申诉人所有"));
        });

        Accounts.Account released = accounts.find(holder).orElseThrow();
        assertThat(released.idNumber()).isNull();
        assertThat(released.frozenReason()).isNull();
        IdDisputes.Dispute d = disputes.find(disputeId).orElseThrow();
        assertThat(d.outcome()).isEqualTo(Vars.CLAIMANT);
        assertThat(d.resolvedBy()).isEqualTo(reviewer);

        // B registers with the number; A logs in by mobile, without it
        PortalClient browser = new PortalClient(port);
        browser.get("/portal/register");
        assertThat(browser.post("/portal/register", registration(b, a.idNumber(), PASSWORD_B)).body())
                .contains("确认邮件已发送到");
        assertThat(accountService.userIdOf(a.idNumber())).isNotNull().isNotEqualTo(holder);
        PortalClient aAgain = new PortalClient(port).login(a.phone(), PASSWORD_A);
        assertThat(aAgain.get("/portal/home").status()).isEqualTo(200);

        TestMail.deliver(management);
        String toClaimant = mails(b.email());
        assertThat(toClaimant).contains("申诉已受理").contains("号码归您本人").contains("号码为申诉人所有")
                .doesNotContain(a.email()).doesNotContain(a.phone()).doesNotContain("王晓燕");
        String toHolder = mails(a.email());
        assertThat(toHolder).contains("暂时冻结").contains("已从您的账号中解除").doesNotContain(b.email())
                .doesNotContain(b.phone()).doesNotContain("李秀英");
    }

    @Test
    void aDisputeFoundForTheHolderLeavesTheNumberAndUnfreezesTheAccount() {
        Person a = person("张建华");
        Person b = person("赵丽");
        String holder = registered(a);
        assertThat(fileDispute(b, a.idNumber()).body()).contains("申诉已提交");
        assertThat(loginAttempt(a.phone(), PASSWORD_A).body()).contains("账号已冻结");

        Task task = verification(a.idNumber());
        users.as(users.reviewer("ningcheng-hr"), () -> tasks.complete(task.getId(), Map.of(Vars.DISPUTE_OUTCOME,
                Vars.HOLDER, Vars.OUTCOME_NOTE, "原账号持有人持本人身份证到场核验")));

        Accounts.Account kept = accounts.find(holder).orElseThrow();
        assertThat(kept.idNumber()).isEqualTo(a.idNumber());
        assertThat(kept.frozenReason()).isNull();
        new PortalClient(port).login(a.idNumber(), PASSWORD_A);
        PortalClient browser = new PortalClient(port);
        browser.get("/portal/register");
        assertThat(browser.post("/portal/register", registration(b, a.idNumber(), PASSWORD_B)).body())
                .contains("该身份证号码已被注册");
        TestMail.deliver(management);
        assertThat(mails(b.email())).contains("申诉不成立").contains("原账号持有人持本人身份证到场核验");
        assertThat(mails(a.email())).contains("仍归您的账号");
    }

    @Test
    void theVerificationSetsOnlyItsFormsFieldsAndNeedsAConclusionAndANote() {
        Person a = person("刘洋");
        Person b = person("陈静");
        String holder = registered(a);
        fileDispute(b, a.idNumber());
        Task task = verification(a.idNumber());

        users.as(users.reviewer("ningcheng-hr"), () -> {
            assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(Vars.DISPUTE_OUTCOME, Vars.CLAIMANT,
                    Vars.OUTCOME_NOTE, "核验", Vars.COUNTY_HR_GROUP, "hongshan-hr")))
                    .isInstanceOf(CompletionRefusedException.class).hasMessageContaining(Vars.COUNTY_HR_GROUP);
            assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(Vars.DISPUTE_OUTCOME, Vars.CLAIMANT,
                    Vars.OUTCOME_NOTE, "核验", Vars.HOLDER_NAME, "别人")))
                    .isInstanceOf(CompletionRefusedException.class);
            assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(Vars.DISPUTE_OUTCOME, "BOTH",
                    Vars.OUTCOME_NOTE, "核验"))).isInstanceOf(CompletionRefusedException.class);
            assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(Vars.DISPUTE_OUTCOME, Vars.CLAIMANT)))
                    .isInstanceOf(CompletionRefusedException.class).hasMessageContaining("核查情况");
        });
        assertThat(verification(a.idNumber())).as("still waiting").isNotNull();
        Accounts.Account unchanged = accounts.find(holder).orElseThrow();
        assertThat(unchanged.idNumber()).isEqualTo(a.idNumber());
        assertThat(unchanged.frozenReason()).as("still frozen").isNotNull();
    }

    @Test
    void wrongFieldsAreShownNextToEachFieldAndNothingIsFiled() {
        PortalClient browser = new PortalClient(port);
        browser.get("/portal/register/dispute");
        Map<String, String> bad = new HashMap<>();
        bad.put("name", "王");
        bad.put("idNumber", "150402198503150001");
        bad.put("phone", "12345");
        bad.put("email", "not-an-address");
        bad.put("county", "atlantis");
        bad.put("statement", "字".repeat(2001));
        PortalClient.Page page = browser.post("/portal/register/dispute", bad);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("姓名应为2至50个汉字").contains("身份证号码校验位不正确")
                .contains("请填写11位手机号码").contains("请填写有效的电子邮箱").contains("请选择您户籍或工作所在的旗县区")
                .contains("申诉说明不能超过2000个字").contains("value=\"12345\"");

        // a number nobody registered: register normally
        Person nobody = person("周敏");
        PortalClient.Page unregistered = browser.post("/portal/register/dispute", dispute(nobody, nobody.idNumber()));
        assertThat(unregistered.body()).contains("该身份证号码尚未被注册").contains("去注册账号");
        assertThat(disputes.openFor(nobody.idNumber())).isEmpty();
    }

    @Test
    void aNumberUnderDisputeIsNotDisputedTwiceAndAFormWithoutItsTokenIsRefused() {
        Person a = person("孙磊");
        registered(a);
        fileDispute(person("吴芳"), a.idNumber());
        PortalClient.Page again = fileDispute(person("郑强"), a.idNumber());
        assertThat(again.body()).contains("该身份证号码已有申诉正在核查中");
        assertThat(tasks.createTaskQuery().processDefinitionKey(IdDisputeProcess.KEY)
                .processVariableValueEquals(Vars.ID_NUMBER, a.idNumber()).count()).isEqualTo(1);

        PortalClient.Page refused = new PortalClient(port).post("/portal/register/dispute",
                dispute(person("冯雪"), a.idNumber()));
        assertThat(refused.status()).isEqualTo(403);
    }
}
