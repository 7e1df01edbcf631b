package cn.chifeng.title.workbench;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.application.ReviewStep;
import cn.chifeng.title.correction.CorrectionAnswers;
import cn.chifeng.title.material.MaterialService;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.publicity.Publications;

/**
 * Every action on an application in the order it happened (SUP-2): the submission, each upload, each decision and
 * each handling of a task (转办, 催办, 撤回) with its attestation and comment, the correction notice and its answer,
 * the notices that listed it, and where it ended. For those who may read the application.
 */
@Service
class ApplicationAudit {
    private final ApplicationService applications;
    private final MaterialService materials;
    private final CorrectionAnswers corrections;
    private final Publications publications;
    private final OrganisationDirectory organisations;

    ApplicationAudit(ApplicationService applications, MaterialService materials, CorrectionAnswers corrections,
                     Publications publications, OrganisationDirectory organisations) {
        this.applications = applications;
        this.materials = materials;
        this.corrections = corrections;
        this.publications = publications;
        this.organisations = organisations;
    }

    /** One action: when, by whom (an account and, where known, its body), what, and the words recorded with it. */
    record Entry(OffsetDateTime at, String who, String body, String what, String note) {
    }

    List<Entry> of(String applicationId) {
        ApplicationRecord a = applications.read(applicationId);
        List<Entry> all = new ArrayList<>();
        all.add(new Entry(a.submittedAt(), a.applicantUserId(), a.applicantName(), "提交申报",
                a.season() + " 年度 · " + a.employerName()));
        materials.overview(applicationId).materials().forEach(m -> all.add(new Entry(m.uploadedAt(), m.uploadedBy(),
                null, m.anonymised() ? "上传匿名副本" : "上传材料", m.item() + " · " + m.fileName())));
        for (ReviewStep s : applications.trail(applicationId)) {
            all.add(new Entry(s.decidedAt(), s.reviewer(), s.groupName(), s.stageName() + " · " + s.decisionLabel()
                    + (s.attested() ? "（内容属实）" : ""), s.comment()));
        }
        corrections.noticeOf(applicationId).ifPresent(c -> {
            all.add(new Entry(c.issuedAt(), c.issuedBy(), null, "一次性补正告知（期限 " + c.deadline() + "）", c.items()));
            if (c.answeredAt() != null) {
                all.add(new Entry(c.answeredAt(), a.applicantUserId(), a.applicantName(), "答复补正告知", c.answer()));
            }
        });
        for (Publications.Listed l : publications.listing(applicationId)) {
            Publications.Publication p = l.publication();
            all.add(new Entry(p.createdAt(), p.createdBy(), organisations.groupName(p.publisherGroup()),
                    "发布公示：" + p.title(), p.startDate() + " 至 " + p.endDate() + (l.cleared() ? "，期满通过" : "")));
        }
        if (a.status().isFinal()) {
            all.add(new Entry(a.updatedAt(), null, null, "结果：" + a.status().label(), a.statusReason()));
        }
        all.sort(Comparator.comparing(Entry::at));
        return all;
    }
}
