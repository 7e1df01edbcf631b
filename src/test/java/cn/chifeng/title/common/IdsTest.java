package cn.chifeng.title.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void anIdIsThePrefixAndTwelveUnambiguousCharacters() {
        String id = Ids.next("CF2025-");
        assertThat(id).matches("CF2025-[0-9A-HJKMNP-TV-Z]{12}");
    }

    @Test
    void aSeasonsWorthOfIdsDoesNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            seen.add(Ids.next(""));
        }
        // 60 bits: the chance of any repeat among 200 000 is about 2 in 100 million
        assertThat(seen).hasSize(200_000);
    }
}
