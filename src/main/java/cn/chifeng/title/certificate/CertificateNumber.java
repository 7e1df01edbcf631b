package cn.chifeng.title.certificate;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The number of a result certificate: {@code ZS}, the season, {@code -}, then 20 characters of Crockford's base 32
 * drawn from {@link SecureRandom} — 100 random bits, so that a number cannot be guessed from another one or found by
 * trying: the number is what a verifier holds, the public look-up shows the certificate to whoever has it.
 */
public final class CertificateNumber {
    static final int RANDOM_CHARACTERS = 20;
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern FORMAT = Pattern.compile("ZS\\d{4}-[0-9A-HJKMNP-TV-Z]{" + RANDOM_CHARACTERS + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateNumber() {
    }

    /** A new number of the season. */
    static String draw(int season) {
        StringBuilder number = new StringBuilder("ZS").append(season).append('-');
        for (int i = 0; i < RANDOM_CHARACTERS; i++) {
            number.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return number.toString();
    }

    /**
     * The number as stored, from what a person typed: spaces around it and letter case do not matter, and in its
     * random part the letters Crockford's base 32 reads as digits (O as 0, I and L as 1) are read so. Empty when it
     * cannot be a certificate number at all (then the caller answers 400, not "not found").
     */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip().toUpperCase(Locale.ROOT);
        int dash = s.indexOf('-');
        if (dash < 0 || s.length() > 40) {
            return Optional.empty();
        }
        String normalised = s.substring(0, dash + 1)
                + s.substring(dash + 1).replace('O', '0').replace('I', '1').replace('L', '1');
        return FORMAT.matcher(normalised).matches() ? Optional.of(normalised) : Optional.empty();
    }
}
