package cn.chifeng.title.workbench;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.support.BrowserScript;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestUsers;

/**
 * A unit reviewer in a real browser ({@code src/test/ui/workbench.mjs}): the task card names the applicant and the
 * 申报编号, the task's 申报详情 tab opens the application's page in a new tab before claiming, Tasklist's header leads
 * to the workbench, and 批量审核 approves two applications, each then in its trail as the reviewer's own decision.
 * Screenshots in {@code target/ui-screenshots/workbench-*.png}.
 */
class WorkbenchUiIT extends IntegrationTestBase {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationService applications;

    @BeforeEach
    void browserIsInstalled() {
        BrowserScript.requireOrSkip("workbench UI test");
    }

    private ApplicationRecord submitted(String name) {
        String applicant = users.applicant("wbui-" + System.nanoTime());
        return users.api(applicant, () -> applications.submit(dossier().name(name).applicantUserId(applicant).build()));
    }

    @Test
    void aReviewerReadsACardOpensTheDetailAndApprovesTwoInOneBatch() throws Exception {
        ApplicationRecord first = submitted("界面批一");
        ApplicationRecord second = submitted("界面批二");
        ApplicationRecord card = submitted("界面卡片");
        String reviewer = users.reviewer("unit-nc-hospital");

        BrowserScript.Result r = BrowserScript.run("workbench.mjs", "workbench.log", "--base",
                "http://localhost:" + port, "--user", reviewer, "--password", TestUsers.PASSWORD, "--application",
                card.id(), "--name", "界面卡片", "--batch", first.id() + "," + second.id(), "--out",
                BrowserScript.SCREENSHOTS.toString());
        System.out.print(r.output());

        assertThat(r.ok()).as("workbench.mjs:%n%s", r.output()).isTrue();
        assertThat(r.output()).contains("approved: 2").contains("界面卡片");
        for (ApplicationRecord a : new ApplicationRecord[] {first, second}) {
            assertThat(applications.trail(a.id())).singleElement().satisfies(s -> {
                assertThat(s.reviewer()).isEqualTo(reviewer);
                assertThat(s.decision()).isEqualTo("APPROVE");
                assertThat(s.attested()).isTrue();
            });
        }
        assertThat(applications.trail(card.id())).as("read, not decided").isEmpty();
    }
}
