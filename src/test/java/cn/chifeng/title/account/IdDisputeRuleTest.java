package cn.chifeng.title.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;

import cn.chifeng.title.process.IdDisputeProcess;
import cn.chifeng.title.process.IdDisputeProcess.Vars;

/** The rules of the form 身份证号申诉核查, and what of the holder the county is shown. */
class IdDisputeRuleTest {
    private final IdDisputeRule rule = new IdDisputeRule();

    private void check(Map<String, Object> submitted) {
        rule.check(submitted, name -> null);
    }

    @Test
    void appliesToTheVerificationFormOnly() {
        assertThat(rule.forms()).containsExactly(IdDisputeProcess.FORM_VERIFY);
    }

    @Test
    void eitherFindingWithANoteIsAccepted() {
        assertThatCode(() -> check(Map.of(Vars.DISPUTE_OUTCOME, Vars.CLAIMANT, Vars.OUTCOME_NOTE, "到场核验")))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(Map.of(Vars.DISPUTE_OUTCOME, Vars.HOLDER, Vars.OUTCOME_NOTE, "到场核验")))
                .doesNotThrowAnyException();
    }

    @Test
    void aFindingNotOfferedIsRefused() {
        assertThatThrownBy(() -> check(Map.of(Vars.OUTCOME_NOTE, "到场核验")))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("核查结论");
        assertThatThrownBy(() -> check(Map.of(Vars.DISPUTE_OUTCOME, "BOTH", Vars.OUTCOME_NOTE, "到场核验")))
                .isInstanceOf(BadUserRequestException.class);
    }

    @Test
    void aFindingWithoutANoteOrWithATooLongOneIsRefused() {
        assertThatThrownBy(() -> check(Map.of(Vars.DISPUTE_OUTCOME, Vars.HOLDER)))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("必须填写核查情况");
        assertThatThrownBy(() -> check(Map.of(Vars.DISPUTE_OUTCOME, Vars.HOLDER, Vars.OUTCOME_NOTE, " \u200b ")))
                .isInstanceOf(BadUserRequestException.class);
        assertThatThrownBy(() -> check(Map.of(Vars.DISPUTE_OUTCOME, Vars.HOLDER, Vars.OUTCOME_NOTE,
                "字".repeat(IdDisputeService.NOTE_LIMIT + 1)))).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("不能超过");
    }

    @Test
    void theHoldersMobileAndTheNumberAreShownMasked() {
        assertThat(IdDisputeService.maskedPhone("13912345678")).isEqualTo("139****5678");
        assertThat(IdDisputeService.maskedIdNumber("15040219790612001X")).isEqualTo("150402********001X");
    }
}
