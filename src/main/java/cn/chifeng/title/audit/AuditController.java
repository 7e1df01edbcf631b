package cn.chifeng.title.audit;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.security.CurrentUser;
import cn.chifeng.title.security.Roles;

/** {@code GET /api/audit/admin-changes}: for administrators and supervisors (纪检监督) only. */
@RestController
class AuditController {
    private final AdminChanges changes;
    private final CurrentUser currentUser;

    AuditController(AdminChanges changes, CurrentUser currentUser) {
        this.changes = changes;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/audit/admin-changes")
    Map<String, Object> list(@RequestParam(required = false) String subject,
                             @RequestParam(required = false, defaultValue = "0") String page) {
        currentUser.id();
        if (!currentUser.isAdmin() && !currentUser.inGroup(Roles.SUPERVISORS)) {
            throw ApiException.forbidden("只有系统管理员和监督人员可以查看管理变更记录");
        }
        AdminChanges.Subject s = null;
        if (subject != null && !subject.isBlank()) {
            try {
                s = AdminChanges.Subject.valueOf(subject.trim());
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("subject", "subject 须为 SEASON、QUOTA、POST_QUOTA、CREDIT_ARCHIVE 或 RETENTION");
            }
        }
        int p;
        try {
            p = Integer.parseInt(page.trim());
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 0) {
            throw ApiException.invalid("page", "page 须为不小于 0 的整数");
        }
        List<AdminChanges.Change> items = changes.list(s, p, 100);
        return Map.of("page", p, "size", 100, "items", items);
    }
}
