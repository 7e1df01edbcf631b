package cn.chifeng.title.committee;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The draw's random numbers (EVA-2), replayable by anyone who holds the recorded seed: block i of the stream is
 * HMAC-SHA256(seed, i as 8 bytes big-endian), read as four 64-bit numbers of which 63 bits are used; a number below n is
 * taken by rejection (no modulo bias). The seed is 32 bytes from {@link SecureRandom}, recorded in hex with the draw.
 */
final class DrawGenerator {
    /** The name recorded with every draw; a different algorithm gets a different name. */
    static final String NAME = "HMAC-SHA256-CTR/FisherYates-v1";
    private static final SecureRandom SEEDS = new SecureRandom();

    private final Mac mac;
    private long counter;
    private ByteBuffer block = ByteBuffer.allocate(0);

    DrawGenerator(String seedHex) {
        byte[] seed = HexFormat.of().parseHex(seedHex);
        if (seed.length < 16) {
            throw new IllegalArgumentException("种子至少 16 字节");
        }
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh seed from the platform's secure source. */
    static String newSeed() {
        byte[] seed = new byte[32];
        SEEDS.nextBytes(seed);
        return HexFormat.of().formatHex(seed);
    }

    private long nextLong() {
        if (!block.hasRemaining()) {
            block = ByteBuffer.wrap(mac.doFinal(ByteBuffer.allocate(8).putLong(counter++).array()));
        }
        return block.getLong();
    }

    /** A uniform number in [0, bound): 63 bits of the stream, rejected when they fall in the incomplete last range. */
    int below(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound " + bound);
        }
        while (true) {
            long r = nextLong() >>> 1;
            long m = r % bound;
            if (r - m + (bound - 1) >= 0) {
                return (int) m;
            }
        }
    }

    /** The list in the order of a Fisher–Yates shuffle driven by this stream. */
    <T> List<T> shuffle(List<T> items) {
        List<T> out = new ArrayList<>(items);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = below(i + 1);
            T t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }
}
