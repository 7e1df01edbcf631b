package cn.chifeng.title.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.PortalClient;
import cn.chifeng.title.support.TestMail;

/**
 * Registration on the portal: field messages next to the fields, the confirmation link over real SMTP before the
 * first login, login by 身份证号 / mobile / e-mail, password reset by a one-time link, and the forms' CSRF token.
 */
class PortalAccountIT extends IntegrationTestBase {
    @LocalServerPort
    int port;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    private static int counter;

    record Person(String idNumber, String phone, String email) {
    }

    static synchronized Person person() {
        counter++;
        long n = System.nanoTime() % 100000000L;
        return new Person(TestMail.idNumber("19850315"), "139" + String.format("%08d", (n + counter) % 100000000L),
                "p" + n + counter + "@example.invalid");
    }

    static Map<String, String> registration(Person p, String password) {
        return Map.of("name", "王晓燕", "idNumber", p.idNumber(), "phone", p.phone(), "email", p.email(),
                "password", password, "passwordConfirm", password);
    }

    @Test
    void aPersonRegistersConfirmsTheEmailAndLogsInByIdNumberPhoneOrEmail() {
        Person p = person();
        PortalClient browser = new PortalClient(port);
        browser.get("/portal/register");
        PortalClient.Page sent = browser.post("/portal/register", registration(p, "Chifeng2025a"));
        assertThat(sent.body()).contains("确认邮件已发送到").contains(p.email());

        // before the link is followed the password is right but the account may not log in
        PortalClient early = new PortalClient(port);
        early.get("/portal/login");
        PortalClient.Page refused = early.post("/portal/login", Map.of("username", p.idNumber(), "password",
                "Chifeng2025a"));
        assertThat(refused.path()).startsWith("/portal/login?error");
        assertThat(refused.body()).contains("请先点击注册确认邮件中的链接");

        TestMail.deliver(management);
        String link = TestMail.lastLink(p.email());
        assertThat(link).startsWith("/portal/confirm/");
        assertThat(browser.get(link).body()).contains("邮箱已确认");
        assertThat(browser.get(link).body()).as("a link works once").contains("确认链接无效");

        for (String name : new String[] {p.idNumber(), p.phone(), p.email()}) {
            PortalClient c = new PortalClient(port).login(name, "Chifeng2025a");
            assertThat(c.get("/portal/home").status()).isEqualTo(200);
        }
    }

    @Test
    void wrongFieldsAreShownNextToEachFieldAndNothingIsRegistered() {
        PortalClient browser = new PortalClient(port);
        browser.get("/portal/register");
        PortalClient.Page page = browser.post("/portal/register", Map.of("name", "王", "idNumber",
                "150402198503150001", "phone", "12345", "email", "not-an-address", "password", "short",
                "passwordConfirm", "short"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("身份证号码校验位不正确").contains("请填写11位手机号码")
                .contains("请填写有效的电子邮箱").contains("密码至少 8 位").contains("姓名应为2至50个汉字");
        assertThat(page.body()).as("the password is not sent back").doesNotContain("value=\"short\"");
    }

    @Test
    void anIdNumberRegisteredBySomeoneElseOffersADispute() {
        Person p = person();
        PortalClient first = new PortalClient(port);
        first.get("/portal/register");
        first.post("/portal/register", registration(p, "Chifeng2025a"));
        Person other = person();
        PortalClient second = new PortalClient(port);
        second.get("/portal/register");
        PortalClient.Page page = second.post("/portal/register", registration(
                new Person(p.idNumber(), other.phone(), other.email()), "Chifeng2025b"));
        assertThat(page.body()).contains("该身份证号码已被注册").contains("/portal/register/dispute");
    }

    @Test
    void aPasswordIsResetByAOneTimeLinkSentToTheEmail() {
        Person p = person();
        PortalClient browser = new PortalClient(port);
        browser.get("/portal/register");
        browser.post("/portal/register", registration(p, "Chifeng2025a"));
        browser.get("/portal/password/forgot");
        assertThat(browser.post("/portal/password/forgot", Map.of("email", p.email())).body())
                .contains("重置密码的链接已发送");
        TestMail.deliver(management);
        String link = TestMail.lastLink(p.email());
        assertThat(link).startsWith("/portal/password/reset/");
        browser.get(link);
        assertThat(browser.post(link, Map.of("password", "abc", "passwordConfirm", "abc")).body())
                .contains("密码至少 8 位");
        assertThat(browser.post(link, Map.of("password", "Neues2025pw", "passwordConfirm", "Neues2025pw")).body())
                .contains("密码已重置");
        // the reset link also confirmed the e-mail: the new password logs in, the old one does not
        new PortalClient(port).login(p.email(), "Neues2025pw");
        PortalClient old = new PortalClient(port);
        old.get("/portal/login");
        assertThat(old.post("/portal/login", Map.of("username", p.email(), "password", "Chifeng2025a")).body())
                .contains("登录名或密码错误");
        assertThat(browser.get(link).body()).contains("重置链接无效");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        PortalClient browser = new PortalClient(port);
        PortalClient.Page page = browser.post("/portal/register", Map.of("name", "王晓燕", "_csrf", "forged"));
        assertThat(page.status()).isEqualTo(403);
    }

    @Test
    void pagesBehindTheLoginSendAStrangerToTheLoginPage() {
        PortalClient.Page page = new PortalClient(port).get("/portal/home");
        assertThat(page.path()).isEqualTo("/portal/login");
        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }
}
