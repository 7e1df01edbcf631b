package cn.chifeng.title.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a roster or the statistics table as .xlsx with the template's layout: a title row and a subtitle row
 * across the columns, the header row (frozen, repeated on every printed page), the rows, A4 landscape fitted to
 * the page width; rosters open each series with a merged row, the statistics mark 超岗 rows with a fill colour.
 * Rosters carry the second sheet 填表说明.
 */
final class ReportWorkbook {
    static final int TITLE_ROW = 0;
    static final int SUBTITLE_ROW = 1;
    static final int HEADER_ROW = 2;
    static final String INSTRUCTIONS_SHEET = "填表说明";
    /** The fill of a 超岗 row (a light red). */
    static final IndexedColors OVER_FILL = IndexedColors.ROSE;
    /** The fill of a series row of a roster. */
    static final IndexedColors SERIES_FILL = IndexedColors.LIGHT_TURQUOISE;

    private ReportWorkbook() {
    }

    /** A roster: rows in roster order, each opened series with a merged series row. */
    static byte[] roster(ReportTemplate.Sheet layout, Map<String, String> placeholders, String sheetName,
                         List<Map<String, Object>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            Sheet sheet = start(wb, st, layout, placeholders, sheetName);
            int r = HEADER_ROW + 1;
            int number = 0;
            int last = layout.columns().size() - 1;
            for (int i = 0; i < rows.size(); i++) {
                Object series = rows.get(i).get("series");
                if (i == 0 || !java.util.Objects.equals(series, rows.get(i - 1).get("series"))) {
                    int count = (int) rows.stream().filter(x -> java.util.Objects.equals(series, x.get("series")))
                            .count();
                    Row group = sheet.createRow(r);
                    for (int c = 0; c <= last; c++) {
                        group.createCell(c).setCellStyle(st.series);
                    }
                    group.getCell(0).setCellValue(ReportTemplate.fill(layout.seriesRow(),
                            Map.of("series", series == null ? "" : series.toString(), "count", String.valueOf(count))));
                    if (last > 0) {
                        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, last));
                    }
                    r++;
                }
                write(sheet.createRow(r++), layout, rows.get(i), ++number, st.cell);
            }
            finish(wb, st, sheet, layout, r);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 附件3 statistics: 超岗 rows filled, 小计 and 合计 rows bold. */
    static byte[] statistics(ReportTemplate.Sheet layout, Map<String, String> placeholders,
                             List<StatisticsTable.Row> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            Sheet sheet = start(wb, st, layout, placeholders, "统计表");
            int r = HEADER_ROW + 1;
            for (StatisticsTable.Row row : rows) {
                CellStyle style = row.over() ? st.over
                        : row.kind() == StatisticsTable.Kind.SUBTOTAL || row.kind() == StatisticsTable.Kind.TOTAL
                        ? st.bold : st.cell;
                write(sheet.createRow(r++), layout, row.values(), row.number(), style);
            }
            finish(wb, st, sheet, layout, r);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sheet start(XSSFWorkbook wb, Styles st, ReportTemplate.Sheet layout,
                               Map<String, String> placeholders, String sheetName) {
        Sheet sheet = wb.createSheet(sheetName);
        int last = layout.columns().size() - 1;
        Row title = sheet.createRow(TITLE_ROW);
        title.setHeightInPoints(30);
        Cell t = title.createCell(0);
        t.setCellValue(ReportTemplate.fill(layout.title(), placeholders));
        t.setCellStyle(st.title);
        Row subtitle = sheet.createRow(SUBTITLE_ROW);
        subtitle.createCell(0).setCellValue(ReportTemplate.fill(layout.subtitle(), placeholders));
        if (last > 0) {
            sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, last));
            sheet.addMergedRegion(new CellRangeAddress(SUBTITLE_ROW, SUBTITLE_ROW, 0, last));
        }
        Row header = sheet.createRow(HEADER_ROW);
        header.setHeightInPoints(32);
        for (int c = 0; c <= last; c++) {
            ReportTemplate.Column column = layout.columns().get(c);
            Cell cell = header.createCell(c);
            cell.setCellValue(column.header());
            cell.setCellStyle(st.header);
            sheet.setColumnWidth(c, column.widthOrDefault() * 256);
        }
        return sheet;
    }

    private static void write(Row row, ReportTemplate.Sheet layout, Map<String, Object> values, Integer number,
                              CellStyle style) {
        for (int c = 0; c < layout.columns().size(); c++) {
            String field = layout.columns().get(c).field();
            Object v = RosterRows.ROW_NUMBER.equals(field) ? number : values.get(field);
            Cell cell = row.createCell(c);
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v != null) {
                cell.setCellValue(v.toString());
            }
            cell.setCellStyle(style);
        }
    }

    private static void finish(XSSFWorkbook wb, Styles st, Sheet sheet, ReportTemplate.Sheet layout, int nextRow) {
        int last = layout.columns().size() - 1;
        if (layout.note() != null) {
            Row note = sheet.createRow(nextRow + 1);
            note.createCell(0).setCellValue(layout.note());
            if (last > 0) {
                sheet.addMergedRegion(new CellRangeAddress(nextRow + 1, nextRow + 1, 0, last));
            }
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setHorizontallyCenter(true);
        if (layout.instructions() != null && !layout.instructions().isEmpty()) {
            Sheet help = wb.createSheet(INSTRUCTIONS_SHEET);
            help.setColumnWidth(0, 110 * 256);
            Cell heading = help.createRow(0).createCell(0);
            heading.setCellValue(INSTRUCTIONS_SHEET);
            heading.setCellStyle(st.title);
            for (int i = 0; i < layout.instructions().size(); i++) {
                Cell line = help.createRow(i + 1).createCell(0);
                line.setCellValue((i + 1) + ". " + layout.instructions().get(i));
                line.setCellStyle(st.wrap);
            }
        }
    }

    private static byte[] bytes(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    /** The few styles of a workbook (a workbook holds a limited number: made once, shared by its cells). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle cell;
        final CellStyle bold;
        final CellStyle over;
        final CellStyle series;
        final CellStyle wrap;

        Styles(XSSFWorkbook wb) {
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            Font strong = wb.createFont();
            strong.setBold(true);
            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            cell = bordered(wb);
            header = bordered(wb);
            header.setFont(strong);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            bold = bordered(wb);
            bold.setFont(strong);
            over = bordered(wb);
            over.setFillForegroundColor(OVER_FILL.getIndex());
            over.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            series = bordered(wb);
            series.setFont(strong);
            series.setFillForegroundColor(SERIES_FILL.getIndex());
            series.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
        }

        private static CellStyle bordered(XSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setWrapText(true);
            return s;
        }
    }
}
