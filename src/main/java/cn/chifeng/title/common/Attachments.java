package cn.chifeng.title.common;

import java.nio.charset.StandardCharsets;

/** The {@code Content-Disposition} of a download with a Chinese file name. */
public final class Attachments {
    private Attachments() {
    }

    /** RFC 6266 with RFC 5987: an ASCII name for old clients, the Chinese one in {@code filename*}. */
    public static String attachment(String name, String asciiName) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int ch = b & 0xff;
            if (ch < 0x80 && (Character.isLetterOrDigit(ch) || "!#$&+-.^_`|~".indexOf(ch) >= 0)) {
                encoded.append((char) ch);
            } else {
                encoded.append('%').append(String.format("%02X", ch));
            }
        }
        return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + encoded;
    }
}
