package cn.chifeng.title.printform;

import cn.chifeng.title.printform.FilledForm.Block;
import cn.chifeng.title.printform.FilledForm.Grid;
import cn.chifeng.title.printform.FilledForm.Pair;
import cn.chifeng.title.printform.FilledForm.Table;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.springframework.stereotype.Component;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

import cn.chifeng.title.common.PdfFont;

/**
 * Draws a filled form on A4 in Chinese: the title, a line of who and when, each section as a bordered table
 * (rows two label–value pairs to a line; tables with a header row), the note, and on every page's foot the
 * applicant, the form and the page number — a page of 评审表 is stamped one by one (通知 三(二)).
 */
@Component
class PrintFormPdf {
    static final String ISSUER = "赤峰市职称评审工作系统";
    private static final Color LINE = new Color(0x88, 0x88, 0x88);
    private static final Color SHADE = new Color(0xF0, 0xF0, 0xF0);
    private static final Color HEADING = new Color(0xE0, 0xE0, 0xE0);

    private final PdfFont font;

    PrintFormPdf(PdfFont font) {
        this.font = font;
    }

    byte[] render(FilledForm form) {
        return font.write(base -> draw(base, form));
    }

    private static byte[] draw(BaseFont base, FilledForm form) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 48, 48, 56, 56);
        Font title = new Font(base, 20, Font.NORMAL);
        Font body = new Font(base, 10.5f, Font.NORMAL);
        Font label = new Font(base, 10.5f, Font.NORMAL, new Color(0x33, 0x33, 0x33));
        Font small = new Font(base, 9, Font.NORMAL, new Color(0x44, 0x44, 0x44));
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.addTitle(form.title());
            doc.addSubject(form.holder() + " " + form.title());
            doc.addAuthor(ISSUER);
            doc.addCreator(ISSUER);
            writer.setViewerPreferences(PdfWriter.DisplayDocTitle);
            writer.setPageEvent(new Foot(form.holder() + " · " + form.title(), small));
            doc.open();

            Chunk heading = new Chunk(form.title(), title);
            // the regular weight stroked as well as filled reads as bold (one font file, docs/adr/0010)
            heading.setTextRenderMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE, 0.5f, null);
            Paragraph h = new Paragraph(heading);
            h.setAlignment(Element.ALIGN_CENTER);
            h.setSpacingAfter(4);
            doc.add(h);
            Paragraph sub = new Paragraph(form.subtitle(), small);
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(12);
            doc.add(sub);

            for (Block block : form.blocks()) {
                PdfPTable table = block instanceof Grid g ? grid(g, label, body) : table((Table) block, label, body);
                table.setSpacingAfter(10);
                doc.add(table);
            }
            if (form.note() != null && !form.note().isBlank()) {
                Paragraph note = new Paragraph(15, "说明：" + form.note(), small);
                note.setSpacingBefore(4);
                doc.add(note);
            }
        } catch (DocumentException e) {
            throw new IllegalStateException(form.title() + " PDF 无法生成", e);
        } finally {
            if (doc.isOpen()) {
                doc.close();
            }
        }
        return out.toByteArray();
    }

    private static PdfPTable grid(Grid g, Font label, Font body) {
        PdfPTable t = new PdfPTable(new float[] {1.5f, 2f, 1.5f, 2f});
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        t.addCell(heading(g.heading(), label, 4));
        List<Pair> pairs = g.pairs();
        for (int i = 0; i < pairs.size(); i++) {
            t.addCell(cell(pairs.get(i).label(), label, SHADE));
            PdfPCell value = cell(pairs.get(i).value(), body, null);
            if (i == pairs.size() - 1 && i % 2 == 0) {
                value.setColspan(3);
            }
            t.addCell(value);
        }
        return t;
    }

    private static PdfPTable table(Table table, Font label, Font body) {
        int n = table.header().size();
        PdfPTable t = new PdfPTable(table.widths());
        t.setWidthPercentage(100);
        t.setHeaderRows(2);
        t.addCell(heading(table.heading(), label, n));
        table.header().forEach(h -> t.addCell(cell(h, label, SHADE)));
        if (table.rows().isEmpty()) {
            PdfPCell none = cell("（暂无）", body, null);
            none.setColspan(n);
            t.addCell(none);
        }
        for (List<String> row : table.rows()) {
            row.forEach(v -> t.addCell(cell(v, body, null)));
        }
        return t;
    }

    private static PdfPCell heading(String text, Font font, int span) {
        PdfPCell c = cell(text, font, HEADING);
        c.setColspan(span);
        return c;
    }

    private static PdfPCell cell(String text, Font font, Color background) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(5);
        c.setPaddingBottom(7);
        c.setBorderColor(LINE);
        if (background != null) {
            c.setBackgroundColor(background);
        }
        return c;
    }

    /** The foot of every page: whose form it is and the page number. */
    private static final class Foot extends PdfPageEventHelper {
        private final String text;
        private final Font font;

        Foot(String text, Font font) {
            this.text = text;
            this.font = font;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                    new Phrase(text + " · 第 " + writer.getPageNumber() + " 页", font),
                    (document.left() + document.right()) / 2, document.bottom() - 24, 0);
        }
    }
}
