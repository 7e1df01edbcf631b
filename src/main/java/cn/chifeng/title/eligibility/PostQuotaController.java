package cn.chifeng.title.eligibility;

import cn.chifeng.title.audit.AdminChanges;
import java.util.Map;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.chifeng.title.code.Level;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.security.CurrentUser;

/** {@code PUT /api/post-quotas/{employerCode}/{level}}: a unit's posts and holders at a level (ELI-12), for administrators. */
@RestController
class PostQuotaController {
    private final AdminChanges changes;
    private final PostQuotas quotas;
    private final CurrentUser currentUser;

    PostQuotaController(PostQuotas quotas, CurrentUser currentUser, AdminChanges changes) {
        this.changes = changes;
        this.quotas = quotas;
        this.currentUser = currentUser;
    }

    @PutMapping("/api/post-quotas/{employerCode}/{level}")
    Map<String, Object> put(@PathVariable String employerCode, @PathVariable String level,
                            @RequestBody(required = false) Map<String, Integer> body) {
        currentUser.requireAdmin();
        try {
            Level.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("level", "层级代码无效，可选值见 /api/reference");
        }
        Integer posts = body == null ? null : body.get("posts");
        Integer holders = body == null ? null : body.get("holders");
        if (posts == null || posts < 0) {
            throw ApiException.invalid("posts", "必须填写岗位数（不小于0）");
        }
        if (holders == null || holders < 0) {
            throw ApiException.invalid("holders", "必须填写在岗人数（不小于0）");
        }
        quotas.save(employerCode, level, posts, holders);
        changes.record(AdminChanges.Subject.POST_QUOTA, employerCode + "/" + level, "设置 " + employerCode + " 的 "
                + level + " 岗位数", java.util.Map.of("posts", posts, "holders", holders));
        return Map.of("employerCode", employerCode, "level", level, "posts", posts, "holders", holders,
                "full", holders >= posts);
    }
}
