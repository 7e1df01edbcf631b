package cn.chifeng.title.material;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The production checklist (附件1) and which of its items bind before submission (APP-6). */
class MaterialChecklistTest {
    private final MaterialChecklist production = new MaterialChecklist(new ClassPathResource("materials-checklist.yaml"));

    @Test
    void aSeniorDoctorMustUploadHerLicenceAndTheCommonItemsButNotWhatComesAfterSubmission() {
        assertThat(production.items("HEALTH", "ASSOCIATE_SENIOR").stream()
                .filter(MaterialChecklist.Item::requiredBeforeSubmission).map(MaterialChecklist.Item::code))
                .containsExactly("ID_CARD", "EDUCATION", "CURRENT_TITLE", "APPRAISAL", "CONTINUING_EDUCATION",
                        "ACHIEVEMENTS", "PRACTICE_LICENSE");
        assertThat(production.items("HEALTH", "ASSOCIATE_SENIOR").stream()
                .filter(i -> !i.requiredBeforeSubmission()).map(MaterialChecklist.Item::code))
                .containsExactly("REVIEW_FORM", "UNIT_RECOMMENDATION");
    }

    @Test
    void aFirstTitleNeedsNoCurrentTitleCertificate() {
        assertThat(production.items("ENGINEERING", "ASSISTANT").stream().map(MaterialChecklist.Item::code))
                .doesNotContain("CURRENT_TITLE").contains("ID_CARD");
    }

    @Test
    void theTestChecklistBindsOnlyArtsAndCrafts() {
        MaterialChecklist test = new MaterialChecklist(new ClassPathResource("materials-checklist-test.yaml"));
        assertThat(test.items("HEALTH", "ASSOCIATE_SENIOR")).noneMatch(MaterialChecklist.Item::requiredBeforeSubmission);
        assertThat(test.items("ARTS_AND_CRAFTS", "INTERMEDIATE").stream()
                .filter(MaterialChecklist.Item::requiredBeforeSubmission).map(MaterialChecklist.Item::code))
                .containsExactly("WORKS");
    }
}
