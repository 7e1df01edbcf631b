package cn.chifeng.title.publicity;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.process.NoticeWorkProcess;
import cn.chifeng.title.process.NoticeWorkProcess.Vars;
import cn.chifeng.title.process.TitleApplicationProcess;
import cn.chifeng.title.support.IntegrationTestBase;

/**
 * Notices as work: applications approved by the unit wait for its notice, and the unit has one 发布公示 task that
 * lists them; completing it publishes the ticked ones (checked as the API checks), the task comes back for those
 * still waiting, a publication through the API ends it when none waits; the reminder digest names it.
 */
class NoticeWorkIT extends IntegrationTestBase {
    private static final String UNIT = "unit-sd-township";

    @Autowired
    ApplicationService applications;
    @Autowired
    TaskService tasks;
    @Autowired
    PublicityService publicity;
    @Autowired
    Publications publications;
    @Autowired
    JdbcTemplate jdbc;

    /** A 松山区当铺地满族乡卫生院 application approved by its unit: now waiting for the unit's notice. */
    private ApplicationRecord waiting(String name) {
        ApplicationRecord a = submitted(name);
        approve(a);
        return a;
    }

    private ApplicationRecord submitted(String name) {
        String applicant = users.applicant("nw-" + System.nanoTime());
        return users.api(applicant, () -> applications.submit(dossier().name(name)
                .applicantUserId(applicant).employer("1215040409960308UX", "松山区当铺地满族乡卫生院", "PUBLIC_INSTITUTION",
                        "TOWNSHIP", "songshan", "songshan-health").build()));
    }

    private void approve(ApplicationRecord a) {
        Task t = tasks.createTaskQuery().processInstanceBusinessKey(a.id()).singleResult();
        users.as(users.reviewer(UNIT), () -> tasks.complete(t.getId(), Map.of("decision", "APPROVE", "comment", "同意推荐",
                TitleApplicationProcess.Vars.ATTESTED, true)));
    }

    /**
     * Reviewers of one body approving at the same moment: every approval succeeds (the body's list is one variable
     * every arrival rewrites — brought up to date after each approval's commit, one at a time), and the body has one
     * task listing them all.
     */
    @Test
    void approvalsOfOneBodyAtTheSameMomentAllSucceedAndOneTaskListsThemAll() throws Exception {
        List<ApplicationRecord> all = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            all.add(submitted("同时" + "甲乙丙丁戊己庚辛".charAt(i)));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (ApplicationRecord a : all) {
                done.add(pool.submit(() -> approve(a)));
            }
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(work()).as("one task per body and kind").hasSize(1);
        String listed = options(work().get(0));
        assertThat(all).allSatisfy(a -> assertThat(listed).contains(a.id()));
        // tidy: publish them, so that the other test starts with none waiting
        users.api(users.reviewer(UNIT), () -> publicity.publish("UNIT_NOMINEES", all.stream()
                .map(ApplicationRecord::id).toList(), null, null, null));
        assertThat(work()).isEmpty();
    }

    private List<Task> work() {
        return tasks.createTaskQuery().processDefinitionKey(NoticeWorkProcess.KEY)
                .processInstanceBusinessKey(NoticeWorkProcess.businessKey("UNIT_NOMINEES", UNIT)).list();
    }

    private String options(Task t) {
        return tasks.getVariable(t.getId(), Vars.WAITING_OPTIONS).toString();
    }

    @Test
    void theUnitPublishesFromItsTaskAndTheTaskFollowsWhatStillWaits() {
        ApplicationRecord first = waiting("公示甲");
        assertThat(work()).hasSize(1);
        Task task = work().get(0);
        assertThat(task.getName()).isEqualTo("发布公示");
        assertThat(options(task)).contains(first.id()).contains("公示甲");
        assertThat(users.as(users.reviewer(UNIT), () -> tasks.createTaskQuery().taskId(task.getId()).count()))
                .as("the unit's").isEqualTo(1);
        assertThat(users.as(users.reviewer("unit-nc-hospital"), () -> tasks.createTaskQuery().taskId(task.getId())
                .count())).as("not another unit's").isZero();

        ApplicationRecord second = waiting("公示乙");
        assertThat(work()).as("one task per body and kind").hasSize(1);
        Task listing = work().get(0);
        assertThat(options(listing)).contains(first.id()).contains(second.id());

        // the form's rules and the listed choices, then the publication
        assertThatThrownBy(() -> users.as(users.reviewer(UNIT), () -> tasks.complete(listing.getId(), Map.of(
                Vars.SELECTED, List.of(), Vars.WORKING_DAYS, 5)))).hasMessageContaining("请至少勾选一件申报");
        assertThatThrownBy(() -> users.as(users.reviewer(UNIT), () -> tasks.complete(listing.getId(), Map.of(
                Vars.SELECTED, List.of("CF2025-NOTLISTED"), Vars.WORKING_DAYS, 5)))).hasMessageContaining("不在本任务可选的范围内");
        assertThatThrownBy(() -> users.as(users.reviewer(UNIT), () -> tasks.complete(listing.getId(), Map.of(
                Vars.SELECTED, List.of(first.id()), Vars.WORKING_DAYS, 3)))).hasMessageContaining("不少于5个工作日");
        users.as(users.reviewer(UNIT), () -> tasks.complete(listing.getId(), Map.of(Vars.SELECTED,
                List.of(first.id()), Vars.WORKING_DAYS, 5)));

        assertThat(publications.listing(first.id())).singleElement().satisfies(l -> {
            assertThat(l.publication().kind()).isEqualTo("UNIT_NOMINEES");
            assertThat(l.publication().publisherGroup()).isEqualTo(UNIT);
            assertThat(l.publication().createdBy()).isEqualTo(users.reviewer(UNIT));
        });
        assertThat(publications.listing(second.id())).isEmpty();
        assertThat(work()).as("back, for what still waits").singleElement().satisfies(t -> {
            assertThat(t.getId()).isNotEqualTo(listing.getId());
            assertThat(options(t)).contains(second.id()).doesNotContain(first.id());
        });

        // the reminder digest names it (Fri 2025-06-27 is within the last working days before the review close)
        clock.set(LocalDateTime.of(2025, 6, 27, 8, 0));
        Job timer = engine.getManagementService().createJobQuery().processDefinitionKey("review-reminders").timers()
                .singleResult();
        engine.getManagementService().executeJob(timer.getId());
        assertThat(jdbc.queryForList("select body from notification where event = 'REVIEW_DIGEST' and recipient_user = ?",
                String.class, users.reviewer(UNIT))).anyMatch(b -> b.contains("发布公示：单位推荐人选公示"));

        // a publication through the API of what waited: the task ends
        users.api(users.reviewer(UNIT), () -> publicity.publish("UNIT_NOMINEES", List.of(second.id()), null, null,
                null));
        assertThat(work()).isEmpty();
    }
}
