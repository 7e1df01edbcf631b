package cn.chifeng.title.review;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.support.IntegrationTestBase;

/** The daily digest (process review-reminders): one message per reviewer per day, only before the review close. */
class ReviewDigestIT extends IntegrationTestBase {
    @Autowired
    ApplicationService applications;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachReviewerGetsOneDigestADayInTheLastWorkingDaysBeforeTheReviewClose() {
        String reviewer = users.user("digest-reviewer-" + System.nanoTime(), "unit-nc-hospital");
        String applicant = users.applicant("digest-applicant-" + System.nanoTime());
        ApplicationRecord a = users.api(applicant, () -> applications.submit(dossier().build()));

        // Tue 2025-06-10: more than 5 working days before the 07-02 review close — no digest
        runTheDailyTimer();
        assertThat(digestsTo(reviewer)).isEmpty();

        // Fri 2025-06-27: 6/27, 6/30, 7/1, 7/2 are the last working days — one digest listing the application
        clock.set(LocalDateTime.of(2025, 6, 27, 8, 0));
        runTheDailyTimer();
        runTheDailyTimer();
        List<String> digests = digestsTo(reviewer);
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0)).contains(a.id()).contains("2025-07-02");

        // Sat 2025-06-28 is not a working day
        clock.set(LocalDateTime.of(2025, 6, 28, 8, 0));
        runTheDailyTimer();
        assertThat(digestsTo(reviewer)).hasSize(1);
    }

    private void runTheDailyTimer() {
        Job timer = engine.getManagementService().createJobQuery().processDefinitionKey("review-reminders").timers()
                .singleResult();
        engine.getManagementService().executeJob(timer.getId());
    }

    private List<String> digestsTo(String user) {
        return jdbc.queryForList("select body from notification where event = 'REVIEW_DIGEST' and recipient_user = ?",
                String.class, user);
    }
}
