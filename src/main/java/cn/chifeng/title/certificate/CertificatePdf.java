package cn.chifeng.title.certificate;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import cn.chifeng.title.application.ResidentIdNumber;
import cn.chifeng.title.code.Level;
import cn.chifeng.title.code.Series;
import cn.chifeng.title.common.PdfFont;

/**
 * The printable result certificate: one A4 page in Chinese with the holder, the title, the committee, the date
 * passed, the number and a QR code of the public verification address. The font ({@link PdfFont}, docs/adr/0010) is
 * embedded as a subset of the characters used, so a page is some tens of kilobytes, not the font's 10 MB.
 */
@Component
class CertificatePdf {
    static final String ISSUER = "赤峰市职称评审工作系统";
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final PdfFont pdfFont;
    private final String publicBaseUrl;

    CertificatePdf(@Value("${title.public-base-url:http://localhost:8080}") String publicBaseUrl, PdfFont font) {
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.pdfFont = font;
    }

    /** The public verification address of a certificate (what the QR code holds). */
    String verificationUrl(String number) {
        return publicBaseUrl + "/certificates/" + number;
    }

    /**
     * The PDF of a certificate.
     *
     * @param idNumber the holder's ID number, printed masked; null to leave it out
     * @param committeeName the committee's name, or null
     */
    byte[] render(Certificate c, String idNumber, String committeeName, LocalDate issuedOn) {
        return pdfFont.write(font -> draw(font, c, idNumber, committeeName, issuedOn));
    }

    private byte[] draw(BaseFont font, Certificate c, String idNumber, String committeeName, LocalDate issuedOn) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 64, 64, 72, 64);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            // what a reader's "properties" show: Chinese, and nothing internal (no application or session id)
            doc.addTitle("职称评审结果证明");
            doc.addSubject(c.holderName() + " " + c.titleName() + " 职称评审结果证明 " + c.number());
            doc.addAuthor(committeeName != null ? committeeName : ISSUER);
            doc.addCreator(ISSUER);
            doc.addKeywords("职称评审结果证明 " + c.number());
            writer.setViewerPreferences(PdfWriter.DisplayDocTitle);
            doc.open();

            Font title = new Font(font, 26, Font.NORMAL);
            Font body = new Font(font, 12.5f, Font.NORMAL);
            Font label = new Font(font, 11, Font.NORMAL, new java.awt.Color(0x55, 0x55, 0x55));
            Font small = new Font(font, 9.5f, Font.NORMAL, new java.awt.Color(0x44, 0x44, 0x44));

            Chunk heading = new Chunk("职称评审结果证明", title);
            // the regular weight stroked as well as filled reads as bold without a second 10 MB font
            heading.setTextRenderMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE, 0.6f, null);
            Paragraph h = new Paragraph(heading);
            h.setAlignment(Element.ALIGN_CENTER);
            h.setSpacingAfter(6);
            doc.add(h);
            Paragraph no = new Paragraph("证明编号：" + c.number(), label);
            no.setAlignment(Element.ALIGN_CENTER);
            no.setSpacingAfter(28);
            doc.add(no);

            String committee = committeeName != null ? committeeName : "评审委员会";
            Paragraph text = new Paragraph(22, "    " + c.holderName() + "同志参加" + c.season() + "年度"
                    + Series.valueOf(c.series()).label() + "系列职称评审，经" + committee + "评审，于"
                    + CHINESE_DATE.format(c.passedOn()) + "评审通过，评审结果为" + Level.valueOf(c.targetLevel()).label()
                    + "职称（" + c.titleName() + "）。特此证明。", body);
            text.setSpacingAfter(20);
            doc.add(text);

            PdfPTable table = new PdfPTable(new float[] {1.1f, 2.9f});
            table.setWidthPercentage(100);
            row(table, "姓名", c.holderName(), label, body);
            if (idNumber != null) {
                row(table, "身份证号", ResidentIdNumber.masked(idNumber), label, body);
            }
            row(table, "职称系列", Series.valueOf(c.series()).label(), label, body);
            row(table, "职称层级", Level.valueOf(c.targetLevel()).label(), label, body);
            row(table, "职称名称", c.titleName(), label, body);
            row(table, "专业", c.specialty() == null ? "—" : c.specialty(), label, body);
            row(table, "评审委员会", committee, label, body);
            row(table, "评审通过日期", CHINESE_DATE.format(c.passedOn()), label, body);
            row(table, "证明编号", c.number(), label, body);
            table.setSpacingAfter(18);
            doc.add(table);

            PdfPTable verify = new PdfPTable(new float[] {2.9f, 1.1f});
            verify.setWidthPercentage(100);
            PdfPCell how = new PdfPCell();
            how.setBorder(Rectangle.NO_BORDER);
            how.addElement(new Paragraph(16, "核验方式：扫描右侧二维码，或在浏览器中打开下列地址，页面显示“真实有效”即为本系统出具"
                    + "的有效证明；显示“已撤销”或“未查到”的，本证明无效。", small));
            Paragraph url = new Paragraph(16, verificationUrl(c.number()), small);
            url.setSpacingBefore(4);
            how.addElement(url);
            how.addElement(new Paragraph(16, "说明：本证明是" + ISSUER + "出具的职称评审结果证明，不是职称证书。评审结果经人力资源"
                    + "社会保障部门确认后，评审通过人员可登录内蒙古人才信息库（www.nmgrck.cn）查询打印个人电子职称证书，"
                    + "以该电子职称证书为准。", small));
            verify.addCell(how);
            PdfPCell qr = new PdfPCell(new Phrase(" ", small));
            qr.setBorder(Rectangle.NO_BORDER);
            qr.setFixedHeight(112);
            qr.setCellEvent((cell, position, canvases) -> {
                float side = Math.min(position.getWidth(), position.getHeight());
                QrCode.of(verificationUrl(c.number())).draw(canvases[PdfPTable.BASECANVAS],
                        position.getRight() - side, position.getTop() - side, side);
            });
            verify.addCell(qr);
            doc.add(verify);

            Paragraph issued = new Paragraph(ISSUER + "　出具日期：" + CHINESE_DATE.format(issuedOn), label);
            issued.setAlignment(Element.ALIGN_RIGHT);
            issued.setSpacingBefore(24);
            doc.add(issued);
        } catch (DocumentException e) {
            throw new IllegalStateException("结果证明 PDF 无法生成", e);
        } finally {
            if (doc.isOpen()) {
                doc.close();
            }
        }
        return out.toByteArray();
    }

    private static void row(PdfPTable table, String name, String value, Font label, Font body) {
        PdfPCell l = new PdfPCell(new Phrase(name, label));
        PdfPCell v = new PdfPCell(new Phrase(value, body));
        for (PdfPCell cell : new PdfPCell[] {l, v}) {
            cell.setPadding(7);
            cell.setBorderColor(new java.awt.Color(0xBB, 0xBB, 0xBB));
        }
        l.setBackgroundColor(new java.awt.Color(0xF4, 0xF4, 0xF4));
        table.addCell(l);
        table.addCell(v);
    }
}
