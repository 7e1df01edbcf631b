package cn.chifeng.title.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** The PDF as a reader sees it: Chinese text that can be extracted, a subset of the font, the QR code readable. */
class CertificatePdfTest {
    static final Certificate CERTIFICATE = new Certificate("ZS2025-0123456789ABCDEFGHJK", "CF2025-INTERNAL0001",
            "赵敏", "HEALTH", "ASSOCIATE_SENIOR", "副主任医师", "内科", "cmte-health-city", 2025, "S-INTERNAL",
            LocalDate.of(2025, 9, 12), OffsetDateTime.of(2025, 9, 20, 10, 0, 0, 0, ZoneOffset.ofHours(8)), null, null,
            null);

    private final CertificatePdf pdf = new CertificatePdf("https://zc.example.invalid/",
            new cn.chifeng.title.common.PdfFont());

    @Test
    void thePageSaysWhoPassedWhatInChineseAndHidesTheIdNumber() throws IOException {
        byte[] file = pdf.render(CERTIFICATE, "150429198501011234", "赤峰市卫生系列职称评审委员会", LocalDate.of(2025, 9, 20));
        try (PDDocument doc = Loader.loadPDF(file)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            // lines wrap where the page is full: read the text as one line
            String text = new PDFTextStripper().getText(doc).replaceAll("\\R", "");
            assertThat(text).contains("职称评审结果证明", "赵敏", "副主任医师", "ZS2025-0123456789ABCDEFGHJK", "卫生",
                    "内科", "赤峰市卫生系列职称评审委员会", "2025年9月12日", "内蒙古人才信息库", "150429********1234",
                    "https://zc.example.invalid/certificates/ZS2025-0123456789ABCDEFGHJK");
            assertThat(text).doesNotContain("198501011234", "CF2025-INTERNAL0001", "S-INTERNAL");
            PDDocumentInformation info = doc.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("职称评审结果证明");
            assertThat(info.getSubject()).contains("赵敏", "副主任医师");
            assertThat(info.getAuthor()).isEqualTo("赤峰市卫生系列职称评审委员会");
            PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator()
                    .next());
            // a subset: OpenPDF names it XXXXXX+Font, and the page stays small though the font file is 10 MB
            assertThat(font.getName()).matches("[A-Z]{6}\\+.*");
            assertThat(font.isEmbedded()).isTrue();
        }
        assertThat(file.length).isLessThan(200_000);
    }

    @Test
    void theQrCodeOpensThePublicVerificationPage() throws Exception {
        byte[] file = pdf.render(CERTIFICATE, null, null, LocalDate.of(2025, 9, 20));
        try (PDDocument doc = Loader.loadPDF(file)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            Path png = Path.of("target", "certificate-pdf.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(page, "png", png.toFile());
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels))),
                    java.util.Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            assertThat(decoded).isEqualTo("https://zc.example.invalid/certificates/ZS2025-0123456789ABCDEFGHJK");
            assertThat(new PDFTextStripper().getText(doc)).doesNotContain("身份证号");
        }
    }

    @Test
    void anIdNumberIsMaskedBetweenRegionAndLastFour() {
        assertThat(cn.chifeng.title.application.ResidentIdNumber.masked("15042919850101123X")).isEqualTo("150429********123X");
    }
}
