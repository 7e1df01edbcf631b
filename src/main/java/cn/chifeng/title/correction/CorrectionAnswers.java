package cn.chifeng.title.correction;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.process.TitleApplicationProcess;

/**
 * The applicant's answer to the one-time correction notice (COR-3, COR-4), for the API and the portal: before its
 * deadline, once, with a text that names what was supplied (the files are uploaded as materials beforehand); the
 * office that issued it then reviews the application again.
 */
@Service
public class CorrectionAnswers {
    private final ApplicationService applications;
    private final ApplicationRepository register;
    private final CorrectionNotices notices;
    private final RuntimeService runtime;
    private final Clock clock;

    CorrectionAnswers(ApplicationService applications, ApplicationRepository register, CorrectionNotices notices,
                      RuntimeService runtime, Clock clock) {
        this.applications = applications;
        this.register = register;
        this.notices = notices;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** The notice of an application, for whoever may read the application. */
    public Optional<CorrectionNotice> noticeOf(String applicationId) {
        applications.read(applicationId);
        return notices.of(applicationId);
    }

    @Transactional
    public ApplicationRecord answer(String id, String text) {
        ApplicationRecord a = applications.ownApplication(id);
        CorrectionNotice notice = notices.of(id).orElse(null);
        if (a.status() != ApplicationStatus.CORRECTION_REQUESTED || notice == null) {
            throw ApiException.conflict("NO_CORRECTION_REQUESTED", "该申报没有待补正的告知（当前状态：" + a.status().label() + "）");
        }
        OffsetDateTime now = Zones.now(clock);
        if (now.toLocalDate().isAfter(notice.deadline())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "CORRECTION_DEADLINE_PASSED",
                    "补正时限已于 " + notice.deadline() + " 届满，逾期未补充更正的视为放弃申报");
        }
        String answer = cn.chifeng.title.common.Texts.require("answer", text,
                "补正说明（逐项对应告知书说明已补充更正的材料）", 2000);
        notices.answer(id, now, answer.trim());
        java.time.format.DateTimeFormatter shown = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        String display = "告知（" + notice.issuedAt().atZoneSameInstant(Zones.CHINA).format(shown) + "，期限 "
                + notice.deadline() + "）：" + notice.items() + "\n答复（" + now.atZoneSameInstant(Zones.CHINA)
                .format(shown) + "）：" + answer.trim() + "\n补正的材料见申报详情（标“补正材料”）。";
        runtime.createMessageCorrelation(TitleApplicationProcess.MESSAGE_CORRECTION_SUPPLIED)
                .processInstanceId(a.processInstanceId())
                .setVariable(TitleApplicationProcess.Vars.CORRECTION_DISPLAY, display).correlate();
        return register.find(id).orElseThrow();
    }
}
