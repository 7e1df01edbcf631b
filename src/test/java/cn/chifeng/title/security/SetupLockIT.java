package cn.chifeng.title.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attack: reopen the webapps' first-run setup — which Camunda offers to anyone without a login whenever the group
 * {@code camunda-admin} has no member — and create oneself an administrator. Once an administrator has existed,
 * setup is closed for good, whatever happens to memberships later.
 */
@org.junit.jupiter.api.Tag("postgres")
class SetupLockIT extends SecurityTestBase {
    private static final Map<String, Object> INTRUDER = Map.of("profile", Map.of("id", "intruder", "firstName", "x",
            "lastName", "y"), "credentials", Map.of("password", "secret123456"));

    @Autowired
    InstallState installState;
    @Autowired
    JdbcTemplate jdbc;

    /** As the setup page does: with the session's XSRF token. */
    private ResponseEntity<String> setup(Map<String, Object> user) {
        List<String> set = rest.getForEntity("/camunda/app/admin/default/", String.class).getHeaders()
                .get("Set-Cookie");
        String cookies = String.join("; ", set == null ? List.of() : set.stream().map(c -> c.split(";")[0]).toList());
        return http().json().header("Cookie", cookies)
                .header("X-XSRF-TOKEN", ExpressionInjectionIT.cookie(cookies, "XSRF-TOKEN"))
                .post("/camunda/api/admin/setup/default/user/create", user);
    }

    @Test
    void setupStaysClosedWhenNobodyIsLeftInTheAdminGroup() {
        IdentityService identity = engine.getIdentityService();
        assertThat(installState.isRecorded(InstallState.SETUP_CLOSED)).as("recorded at start-up").isTrue();
        List<String> admins = identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list().stream()
                .map(User::getId).toList();
        admins.forEach(u -> identity.deleteMembership(u, Groups.CAMUNDA_ADMIN));
        try {
            ResponseEntity<String> r = setup(INTRUDER);

            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(r.getBody()).contains("首次安装设置已关闭");
            assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
        } finally {
            admins.forEach(u -> identity.createMembership(u, Groups.CAMUNDA_ADMIN));
        }
    }

    @Test
    void aFreshInstallationIsSetUpOnceAndThenClosed() {
        IdentityService identity = engine.getIdentityService();
        List<String> admins = identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list().stream()
                .map(User::getId).toList();
        admins.forEach(u -> identity.deleteMembership(u, Groups.CAMUNDA_ADMIN));
        jdbc.update("delete from install_state where state_key = ?", InstallState.SETUP_CLOSED);
        try {
            ResponseEntity<String> first = setup(Map.of("profile", Map.of("id", "first-admin", "firstName", "首",
                    "lastName", "管理员"), "credentials", Map.of("password", "first-admin-secret")));
            assertThat(first.getStatusCode().is2xxSuccessful()).as(first.getBody()).isTrue();
            assertThat(installState.isRecorded(InstallState.SETUP_CLOSED)).isTrue();

            identity.deleteMembership("first-admin", Groups.CAMUNDA_ADMIN);
            assertThat(setup(INTRUDER).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
        } finally {
            identity.deleteUser("first-admin");
            admins.forEach(u -> identity.createMembership(u, Groups.CAMUNDA_ADMIN));
            installState.record(InstallState.SETUP_CLOSED, "test");
        }
    }
}
