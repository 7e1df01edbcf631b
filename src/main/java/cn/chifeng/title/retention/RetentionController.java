package cn.chifeng.title.retention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.security.CurrentUser;

/**
 * {@code GET /api/retention}: what is kept how long and the latest clean-up runs; {@code POST /api/retention/runs}:
 * a run now. Administrators only.
 */
@RestController
class RetentionController {
    private final RetentionCleanup cleanup;
    private final CurrentUser currentUser;

    RetentionController(RetentionCleanup cleanup, CurrentUser currentUser) {
        this.cleanup = cleanup;
        this.currentUser = currentUser;
    }

    private void requireAdmin() {
        currentUser.id();
        if (!currentUser.isAdmin()) {
            throw ApiException.forbidden("只有系统管理员可以查看和启动数据保留期清理");
        }
    }

    @GetMapping("/api/retention")
    Map<String, Object> overview(@RequestParam(required = false, defaultValue = "20") String runs) {
        requireAdmin();
        int n;
        try {
            n = Integer.parseInt(runs.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 100) {
            throw ApiException.invalid("runs", "runs（列出最近几次清理）须为 1 到 100 之间的整数");
        }
        RetentionSettings s = cleanup.settings();
        List<Map<String, Object>> periods = new ArrayList<>();
        s.periods().forEach((kind, period) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("kind", kind.name());
            p.put("label", kind.label());
            p.put("property", kind.property());
            p.put("period", period.toString());
            periods.add(p);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schedule", s.scheduled() ? s.cron() : "off");
        body.put("periods", periods);
        body.put("keptIndefinitely", "评审通过的申报记录及其结果证明（证书）、诚信档案库、一次性政策使用记录");
        body.put("runs", cleanup.latestRuns(n));
        return body;
    }

    @PostMapping("/api/retention/runs")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> runNow() {
        requireAdmin();
        RetentionCleanup.Result r = cleanup.runNow(currentUser.id());
        Map<String, Object> removed = new LinkedHashMap<>();
        r.removed().forEach((k, n) -> removed.put(k.name(), n));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runId", r.runId());
        body.put("complete", r.complete());
        body.put("summary", r.summary());
        body.put("removed", removed);
        return body;
    }
}
