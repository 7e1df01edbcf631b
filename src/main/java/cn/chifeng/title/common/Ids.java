package cn.chifeng.title.common;

import java.security.SecureRandom;

/**
 * Ids people read and type: a prefix, then 12 characters of Crockford's base 32 (digits and capital letters
 * without I, L, O, U) — 60 random bits. Among a million ids of one season the chance that any two are equal is
 * about 4 in 10 billion; callers still check that an id is free before they use it.
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int RANDOM_CHARACTERS = 12;

    private Ids() {
    }

    /** A new id from {@code draw} that {@code taken} does not know, drawn again in the (unlikely) case it is. */
    public static String unused(java.util.function.Supplier<String> draw, java.util.function.Predicate<String> taken) {
        String id = draw.get();
        while (taken.test(id)) {
            id = draw.get();
        }
        return id;
    }

    public static String next(String prefix) {
        long bits = RANDOM.nextLong();
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < RANDOM_CHARACTERS; i++) {
            id.append(ALPHABET[(int) (bits & 31)]);
            bits >>>= 5;
        }
        return id.toString();
    }
}
