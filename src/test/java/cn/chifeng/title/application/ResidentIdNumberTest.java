package cn.chifeng.title.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

    @Test
    void acceptsAValidNumberWithItsCheckCharacter() {
        assertThat(ResidentIdNumber.problem("11010519491231002X")).isNull();
        assertThat(ResidentIdNumber.problem("11010519491231002x")).isNull();
    }

    @Test
    void refusesAWrongCheckCharacter() {
        assertThat(ResidentIdNumber.problem("110105194912310021")).isEqualTo("身份证号码校验位不正确");
    }

    @Test
    void refusesAnImpossibleBirthDate() {
        String first17 = "15042919850230123";
        assertThat(ResidentIdNumber.problem(first17 + ResidentIdNumber.checkCharacter(first17)))
                .isEqualTo("身份证号码中的出生日期无效");
    }

    @Test
    void refusesWrongLengthOrCharacters() {
        assertThat(ResidentIdNumber.problem("15042919850101")).contains("18位");
        assertThat(ResidentIdNumber.problem("1504291985010112AB")).contains("18位");
        assertThat(ResidentIdNumber.problem(null)).contains("18位");
    }

    @Test
    void givesTheBirthDateTheGenderAndTheMaskedNumber() {
        assertThat(ResidentIdNumber.birthDate("11010519491231002X")).isEqualTo(java.time.LocalDate.of(1949, 12, 31));
        assertThat(ResidentIdNumber.isMale("11010519491231002X")).as("17th digit 2: a woman").isFalse();
        String man = "15042919850101123";
        assertThat(ResidentIdNumber.isMale(man + ResidentIdNumber.checkCharacter(man))).as("17th digit 3").isTrue();
        assertThat(ResidentIdNumber.masked("15042919850101123X")).isEqualTo("150429********123X");
    }
}
