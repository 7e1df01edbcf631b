package cn.chifeng.title.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import cn.chifeng.title.support.RawHttp;
import cn.chifeng.title.support.TestUsers;

/**
 * Attack: guess a password, or lock somebody out by failing on purpose. Five failures of one user from one client
 * address block that user from that address for 15 minutes — the right password too — while the user still logs
 * in from anywhere else; the engine's own lockout, which would lock the account for good, is off. Every login door
 * counts: HTTP Basic on /api and /engine-rest and the webapps' login form.
 */
@org.junit.jupiter.api.Tag("postgres")
class LoginThrottleIT extends SecurityTestBase {
    @Autowired
    LoginThrottle throttle;

    @AfterEach
    void clearBlocks() {
        throttle.clear(null, null);
    }

    private int api(String from, String user, String password) {
        return RawHttp.send(from, port, "GET", "/api/reference", Map.of("Authorization",
                RawHttp.basic(user, password)), null).status();
    }

    private int engineRest(String from, String user, String password) {
        return RawHttp.send(from, port, "GET", "/engine-rest/task/count", Map.of("Authorization",
                RawHttp.basic(user, password)), null).status();
    }

    /** As a browser: the page first (session and XSRF token), then the login form. */
    private int webappLogin(String from, String user, String password) {
        String cookies = RawHttp.send(from, port, "GET", "/camunda/app/welcome/default/", Map.of(), null).headers()
                .get("set-cookie");
        String xsrf = ExpressionInjectionIT.cookie(cookies, "XSRF-TOKEN");
        return RawHttp.send(from, port, "POST", "/camunda/api/admin/auth/user/default/login/welcome",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", cookies, "X-XSRF-TOKEN", xsrf),
                "username=" + user + "&password=" + password).status();
    }

    @Test
    void fiveFailuresBlockTheUserFromThatAddressOnly() {
        String user = users.reviewer("ningcheng-hr");
        for (int i = 0; i < 5; i++) {
            assertThat(api("127.0.0.2", user, "guess-" + i)).isEqualTo(401);
        }
        RawHttp.Response blocked = RawHttp.send("127.0.0.2", port, "GET", "/api/reference",
                Map.of("Authorization", RawHttp.basic(user, TestUsers.PASSWORD)), null);

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.headers()).containsKey("retry-after");
        assertThat(blocked.body()).contains("登录失败次数过多");
        assertThat(api("127.0.0.3", user, TestUsers.PASSWORD)).as("the same user elsewhere").isEqualTo(200);
    }

    @Test
    void everyLoginDoorCountsAndHonoursTheBlock() {
        String user = users.reviewer("hongshan-hr");
        for (int i = 0; i < 3; i++) {
            assertThat(engineRest("127.0.0.4", user, "guess-" + i)).isEqualTo(401);
        }
        assertThat(webappLogin("127.0.0.4", user, "guess-3")).isEqualTo(401);
        assertThat(api("127.0.0.4", user, "guess-4")).isEqualTo(401);

        assertThat(api("127.0.0.4", user, TestUsers.PASSWORD)).isEqualTo(429);
        assertThat(engineRest("127.0.0.4", user, TestUsers.PASSWORD)).isEqualTo(429);
        assertThat(webappLogin("127.0.0.4", user, TestUsers.PASSWORD)).isEqualTo(429);
    }

    @Test
    void theEngineNeverLocksAnAccountForGood() {
        String user = users.reviewer("aohan-hr");
        // twelve failures, each from another address: none is throttled, all reach the engine's password check
        for (int i = 10; i < 22; i++) {
            assertThat(engineRest("127.0.0." + i, user, "guess")).isEqualTo(401);
        }
        assertThat(engineRest("127.0.0.30", user, TestUsers.PASSWORD)).isEqualTo(200);
        assertThat(engineRest("127.0.0.31", user, "guess-again")).isEqualTo(401);
        assertThat(engineRest("127.0.0.31", user, TestUsers.PASSWORD)).as("no delay after a failure").isEqualTo(200);
    }

    @Test
    void aBlockEndsByItselfAndAnAdministratorCanEndItSooner() {
        String user = users.reviewer("city-hr");
        for (int i = 0; i < 5; i++) {
            api("127.0.0.5", user, "guess-" + i);
        }
        assertThat(api("127.0.0.5", user, TestUsers.PASSWORD)).isEqualTo(429);

        assertThat(http().as(user).get("/api/login-throttle").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http().as(users.reviewer("ningcheng-hr")).send(org.springframework.http.HttpMethod.DELETE,
                "/api/login-throttle?user=" + user, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api("127.0.0.5", user, TestUsers.PASSWORD)).as("still blocked").isEqualTo(429);
        assertThat(http().as(TestUsers.ADMIN).get("/api/login-throttle").getBody()).contains(user);
        assertThat(http().as(TestUsers.ADMIN).send(org.springframework.http.HttpMethod.DELETE,
                "/api/login-throttle?user=" + user, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api("127.0.0.5", user, TestUsers.PASSWORD)).isEqualTo(200);

        for (int i = 0; i < 5; i++) {
            api("127.0.0.5", user, "guess-" + i);
        }
        assertThat(api("127.0.0.5", user, TestUsers.PASSWORD)).isEqualTo(429);
        clock.set(DEFAULT_NOW.plusMinutes(16));
        assertThat(api("127.0.0.5", user, TestUsers.PASSWORD)).isEqualTo(200);
    }

    @Test
    void sprayingManyUsersFromOneAddressBlocksTheAddress() {
        for (int i = 0; i < 30; i++) {
            api("127.0.0.6", "nobody-" + i, "guess");
        }
        String user = users.reviewer("songshan-hr");
        assertThat(api("127.0.0.6", user, TestUsers.PASSWORD)).isEqualTo(429);
        assertThat(api("127.0.0.7", user, TestUsers.PASSWORD)).isEqualTo(200);
    }
}
