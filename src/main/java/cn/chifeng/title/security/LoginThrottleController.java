package cn.chifeng.title.security;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators see and clear login blocks: {@code GET /api/login-throttle}, {@code DELETE ...?user=&address=}. */
@RestController
class LoginThrottleController {
    private final LoginThrottle throttle;
    private final CurrentUser currentUser;

    LoginThrottleController(LoginThrottle throttle, CurrentUser currentUser) {
        this.throttle = throttle;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/login-throttle")
    List<LoginThrottle.Block> blocks() {
        currentUser.requireAdmin();
        return throttle.blocks();
    }

    @DeleteMapping("/api/login-throttle")
    Map<String, Object> clear(@RequestParam(required = false) String user,
                              @RequestParam(required = false) String address) {
        currentUser.requireAdmin();
        return Map.of("cleared", throttle.clear(blank(user), blank(address)));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
