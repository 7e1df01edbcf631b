package cn.chifeng.title.portal;

/** A file size as people read it (templates call it as {@code T(cn.chifeng.title.portal.Sizes).of(n)}). */
public final class Sizes {
    private Sizes() {
    }

    public static String of(long bytes) {
        return bytes < 1024 * 1024 ? String.format("%.1f KB", bytes / 1024.0)
                : String.format("%.2f MB", bytes / 1024.0 / 1024.0);
    }
}
