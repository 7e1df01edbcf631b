package cn.chifeng.title.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;

/**
 * The Chinese font of every PDF the product writes (docs/adr/0010): Noto Sans SC Regular, fetched by the build into
 * {@code fonts/} on the classpath, read once (10 MB) and embedded in each document as a subset of the characters it
 * uses. Documents are written one at a time ({@link #write}): the font's glyph tables are read while a subset is
 * written, and a page takes milliseconds.
 */
@Component
public class PdfFont {
    public static final String FILE = "fonts/NotoSansSC_400Regular.ttf";

    private final BaseFont font;

    public PdfFont() {
        this.font = load();
    }

    /** Writes one document with the font; no other document is written meanwhile. */
    public synchronized <T> T write(Function<BaseFont, T> document) {
        return document.apply(font);
    }

    private static BaseFont load() {
        ClassPathResource file = new ClassPathResource(FILE);
        if (!file.exists()) {
            throw new IllegalStateException("PDF 的中文字体 " + FILE + " 不在 classpath 上：它在构建时下载（mvn generate-resources，"
                    + "见 pom.xml 的 certificate-font），请重新构建");
        }
        try (InputStream in = file.getInputStream()) {
            // IDENTITY_H + embedded: OpenPDF writes only the glyphs a document uses (a subset)
            return BaseFont.createFont(FILE, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF 的中文字体无法读取: " + FILE, e);
        }
    }
}
