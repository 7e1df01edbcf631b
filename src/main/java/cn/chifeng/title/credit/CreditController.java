package cn.chifeng.title.credit;

import cn.chifeng.title.audit.AdminChanges;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.chifeng.title.application.ResidentIdNumber;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.season.SeasonService;
import cn.chifeng.title.security.CurrentUser;

/** {@code POST /api/credit-violations}: an administrator imports recorded violations into the credit archive (SUP-1). */
@RestController
class CreditController {
    private final CreditArchive archive;
    private final CurrentUser currentUser;
    private final SeasonService seasons;

    private final AdminChanges changes;

    /** The audit shows whose record it is without repeating the whole number. */
    private static String masked(String idNumber) {
        return idNumber == null || idNumber.length() < 10 ? "—"
                : idNumber.substring(0, 6) + "********" + idNumber.substring(idNumber.length() - 4);
    }

    CreditController(CreditArchive archive, CurrentUser currentUser, SeasonService seasons, AdminChanges changes) {
        this.changes = changes;
        this.archive = archive;
        this.currentUser = currentUser;
        this.seasons = seasons;
    }

    @PostMapping("/api/credit-violations")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Map<String, Object> importViolations(@RequestBody(required = false) List<Violation> violations) {
        currentUser.requireAdmin();
        if (violations == null || violations.isEmpty()) {
            throw ApiException.invalid("body", "请提交违规记录列表（JSON 数组）");
        }
        List<ApiException.FieldError> errors = new ArrayList<>();
        LocalDate today = seasons.today();
        for (int i = 0; i < violations.size(); i++) {
            Violation v = violations.get(i);
            String at = "[" + i + "].";
            String idProblem = v == null ? "必须填写" : ResidentIdNumber.problem(v.idNumber());
            if (idProblem != null) {
                errors.add(new ApiException.FieldError(at + "idNumber", idProblem));
            }
            if (v == null) {
                continue;
            }
            if (v.kind() == null || v.kind().isBlank()) {
                errors.add(new ApiException.FieldError(at + "kind", "必须填写违规类型"));
            }
            if (v.source() == null || v.source().isBlank()) {
                errors.add(new ApiException.FieldError(at + "source", "必须填写记录来源"));
            }
            if (v.recordedOn() == null || v.recordedOn().isAfter(today)) {
                errors.add(new ApiException.FieldError(at + "recordedOn", "必须填写记录日期，且不能晚于今天"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        violations.forEach(v -> archive.importViolation(v.idNumber(), v.name(), v.kind(), v.recordedOn(), v.source(),
                v.note()));
        changes.record(AdminChanges.Subject.CREDIT_ARCHIVE, "import", "导入 " + violations.size() + " 条违规记录",
                violations.stream().map(v -> Map.of("idNumber", masked(v.idNumber()), "kind", v.kind(),
                        "recordedOn", String.valueOf(v.recordedOn()), "source", v.source())).toList());
        return Map.of("imported", violations.size());
    }

    /** One recorded violation. */
    record Violation(String idNumber, String name, String kind, LocalDate recordedOn, String source, String note) {
    }
}
