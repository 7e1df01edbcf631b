package cn.chifeng.title.portal;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.PortalClient;
import cn.chifeng.title.support.TestUsers;

/**
 * 本单位申报 on the portal: a unit's clerk sees their unit's submitted applications and where each stands, never a
 * draft, another unit's application or an ID number; applicants and other staff are refused; a wrong filter is a
 * 400 naming it.
 */
class UnitPagesIT extends IntegrationTestBase {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationService applications;

    /** What a page lists: the part after its filter form (which echoes the query). */
    private static String rows(PortalClient.Page page) {
        return page.body().substring(page.body().lastIndexOf("</form>"));
    }

    private PortalClient clerkOf(String group) {
        return new PortalClient(port).login(users.reviewer(group), TestUsers.PASSWORD);
    }

    @Test
    void theClerkSeesTheUnitsSubmittedApplicationsWithTheirStatusButNoDraftAndNoOtherUnit() {
        String applicant = users.applicant("unit-page-" + System.nanoTime());
        String idNumber = Dossiers.randomIdNumber();
        ApplicationRecord submitted = users.api(applicant, () -> applications.submit(dossier().name("包海燕")
                .idNumber(idNumber).applicantUserId(applicant).build()));
        String drafter = users.applicant("unit-draft-" + System.nanoTime());
        ApplicationRecord draft = users.api(drafter, () -> applications.saveDraft(null, dossier().name("草稿人")
                .applicantUserId(drafter).build()));

        PortalClient clerk = new PortalClient(port);
        PortalClient.Page landed = clerk.login(users.reviewer("unit-nc-hospital"), TestUsers.PASSWORD)
                .get("/portal/home");
        assertThat(landed.path()).as("a clerk lands on the unit's page").startsWith("/portal/unit");
        assertThat(landed.body()).contains("本单位申报").contains("宁城县中心医院").contains("个人信息核实")
                .doesNotContain(draft.id()).doesNotContain(idNumber).doesNotContain(">个人信息</a>");
        assertThat(rows(clerk.get("/portal/unit?q=" + submitted.id()))).contains(submitted.id()).contains("包海燕")
                .contains("审核中").contains("单位审核").doesNotContain(idNumber);
        assertThat(rows(clerk.get("/portal/unit?q=草稿人"))).doesNotContain(draft.id());

        assertThat(rows(clerk.get("/portal/unit?status=IN_REVIEW&q=" + submitted.id()))).contains(submitted.id());
        assertThat(rows(clerk.get("/portal/unit?status=RETURNED&q=" + submitted.id()))).doesNotContain(submitted.id());
        assertThat(rows(clerk.get("/portal/unit?year=2024&q=" + submitted.id()))).doesNotContain(submitted.id());

        PortalClient.Page wrong = clerk.get("/portal/unit?status=BOGUS");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("状态（status）无效");
        assertThat(clerk.get("/portal/unit?status=DRAFT").status()).as("drafts are their authors' own").isEqualTo(400);
        assertThat(clerk.get("/portal/unit?page=-1").status()).isEqualTo(400);

        PortalClient.Page school = clerkOf("unit-nc-school").get("/portal/unit?q=" + submitted.id());
        assertThat(school.body()).contains("宁城县天义第一中学");
        assertThat(rows(school)).doesNotContain(submitted.id());
    }

    @Test
    void applicantsAndOtherStaffAreRefused() {
        PortalClient applicant = new PortalClient(port).login(users.applicant("unit-refused-" + System.nanoTime()),
                TestUsers.PASSWORD);
        PortalClient.Page refused = applicant.get("/portal/unit");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("本页面供用人单位经办人使用");

        PortalClient.Page county = clerkOf("ningcheng-hr").get("/portal/unit");
        assertThat(county.status()).isEqualTo(403);
        assertThat(county.body()).contains("请登录 Tasklist");

        assertThat(new PortalClient(port).get("/portal/unit").path()).as("anonymous: to the login")
                .startsWith("/portal/login");
    }
}
