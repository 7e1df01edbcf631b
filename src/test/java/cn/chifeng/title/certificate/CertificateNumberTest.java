package cn.chifeng.title.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CertificateNumberTest {

    @Test
    void aNewNumberIsTheSeasonAndTwentyCharactersOfCrockfordBase32() {
        String n = CertificateNumber.draw(2025);
        assertThat(n).matches("ZS2025-[0-9A-HJKMNP-TV-Z]{20}");
        assertThat(CertificateNumber.parse(n)).contains(n);
    }

    @Test
    void numbersDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(CertificateNumber.draw(2025))).isTrue();
        }
        // every character of the alphabet turns up: the draw uses all 32, i.e. 5 bits a character
        assertThat(seen.stream().map(n -> n.substring(7)).flatMapToInt(String::chars).distinct().count())
                .isEqualTo(32);
    }

    @Test
    void whatAPersonTypesIsReadAsTheNumber() {
        assertThat(CertificateNumber.parse("  zs2025-abcdefghjkmnpqrstvwx  ")).contains("ZS2025-ABCDEFGHJKMNPQRSTVWX");
        // Crockford: O is 0, I and L are 1
        assertThat(CertificateNumber.parse("ZS2025-OOOOOIIIIILLLLL0000A")).contains("ZS2025-0000011111111110000A");
    }

    @Test
    void whatCannotBeANumberIsRefused() {
        assertThat(CertificateNumber.parse(null)).isEmpty();
        assertThat(CertificateNumber.parse("")).isEmpty();
        assertThat(CertificateNumber.parse("ZS2025-ABC")).isEmpty();
        assertThat(CertificateNumber.parse("ZS2025-ABCDEFGHJKMNPQRSTVWXY")).as("21 characters").isEmpty();
        assertThat(CertificateNumber.parse("ZS2025-ABCDEFGHJKMNPQRSTVWU")).as("U is not Crockford").isEmpty();
        assertThat(CertificateNumber.parse("CF2025-ABCDEFGHJKMNPQRSTVWX")).as("an application id").isEmpty();
        assertThat(CertificateNumber.parse("<script>")).isEmpty();
    }
}
