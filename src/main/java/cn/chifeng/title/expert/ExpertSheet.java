package cn.chifeng.title.expert;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.chifeng.title.common.ApiException;

/**
 * The file format of an expert list, read and written: the first row holds the Chinese column headers (any order),
 * each further row one expert; {@code .xlsx} (first sheet) or {@code .csv} (UTF-8 with or without BOM, or GB18030 as
 * Excel in China saves it). An export re-imports unchanged. Rows that are empty in every column are skipped.
 */
final class ExpertSheet {
    static final String NAME = "姓名";
    static final String SPECIALTY = "专业";
    static final String LEVEL = "层级";
    static final String EMPLOYER = "工作单位";
    static final String EMPLOYER_CODE = "统一社会信用代码";
    static final String PRIVATE = "是否民营企业";
    static final String INTERNAL = "自主评审单位内部专家";
    static final String SEASONS = "已参评年度";
    static final String ACCOUNT = "登录账号";
    static final String PHONE = "联系电话";
    static final String STATUS = "状态";
    /** Every column, in the order of an export. */
    static final List<String> HEADERS = List.of(NAME, SPECIALTY, LEVEL, EMPLOYER, EMPLOYER_CODE, PRIVATE, INTERNAL,
            SEASONS, ACCOUNT, PHONE, STATUS);
    /** The columns a file must have; the others may be left out. */
    static final List<String> REQUIRED = List.of(NAME, SPECIALTY, LEVEL, EMPLOYER, EMPLOYER_CODE, PRIVATE);
    static final String ACTIVE = "在库";
    static final String RETIRED = "已退出";
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ExpertSheet() {
    }

    /** A file as read: its headers, their row (1 unless blank rows come first) and its non-empty data rows. */
    record Table(List<String> headers, int headerRow, List<Line> lines) {
    }

    /**
     * A data row: its number as the spreadsheet shows it (the header is row 1), its cells by header (the first of
     * two equal headers), and whether it has content right of the last header.
     */
    record Line(int row, Map<String, String> cells, boolean beyondHeaders) {
        String get(String header) {
            String v = cells.get(header);
            return v == null ? "" : v;
        }
    }

    /**
     * Reads an uploaded file; a file that is empty, of another type, unreadable, without data rows or with more than
     * {@code maxRows} of them is refused as a whole, naming the field {@code file}.
     */
    static Table read(byte[] content, String fileName, int maxRows) {
        if (content == null || content.length == 0) {
            throw ApiException.invalid("file", "文件为空");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        List<List<String>> rows;
        if (isZip(content)) {
            if (name.endsWith(".csv")) {
                throw ApiException.invalid("file", "文件内容不是 CSV 文本");
            }
            rows = xlsx(content, maxRows);
        } else if (!(name.isEmpty() || name.endsWith(".csv")) || !isText(content)) {
            throw ApiException.invalid("file", "只接受 .xlsx 或 .csv 文件（旧版 .xls 请在 Excel 中另存为 .xlsx）");
        } else {
            rows = csv(decode(content));
        }
        rows = rows.stream().map(r -> r.stream().map(ExpertSheet::clean).toList()).toList();
        int header = 0;
        while (header < rows.size() && blank(rows.get(header))) {
            header++;
        }
        if (header == rows.size()) {
            throw ApiException.invalid("file", "文件中没有内容");
        }
        List<String> headers = new ArrayList<>(rows.get(header));
        while (!headers.isEmpty() && headers.get(headers.size() - 1).isEmpty()) {
            headers.remove(headers.size() - 1);
        }
        List<Line> lines = new ArrayList<>();
        for (int i = header + 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (blank(r)) {
                continue;
            }
            if (lines.size() == maxRows) {
                throw ApiException.invalid("file", "一次最多导入 " + maxRows + " 名专家");
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < headers.size(); c++) {
                cells.putIfAbsent(headers.get(c), c < r.size() ? r.get(c) : "");
            }
            boolean beyond = r.size() > headers.size() && !blank(r.subList(headers.size(), r.size()));
            lines.add(new Line(i + 1, cells, beyond));
        }
        if (lines.isEmpty()) {
            throw ApiException.invalid("file", "文件中只有表头，没有专家数据");
        }
        return new Table(List.copyOf(headers), header + 1, List.copyOf(lines));
    }

    /** The cells of an expert as an export writes them and an import reads them. */
    static Map<String, String> cells(Expert e) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(NAME, e.name());
        m.put(SPECIALTY, e.specialty());
        m.put(LEVEL, e.level().label());
        m.put(EMPLOYER, e.employerName());
        m.put(EMPLOYER_CODE, e.employerCode());
        m.put(PRIVATE, e.privateEnterprise() ? "是" : "否");
        m.put(INTERNAL, e.internalUnitCode() == null ? "" : e.internalUnitCode());
        m.put(SEASONS, e.seasonsServed().stream().map(String::valueOf).collect(Collectors.joining("、")));
        m.put(ACCOUNT, e.account() == null ? "" : e.account());
        m.put(PHONE, e.phone() == null ? "" : e.phone());
        m.put(STATUS, e.retired() ? RETIRED : ACTIVE);
        return m;
    }

    /** An export as {@code .xlsx}: one sheet, the headers in bold, every cell text (credit codes stay text). */
    static byte[] xlsx(List<Expert> experts, String sheetName) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(sheetName));
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(HEADERS.get(c));
                cell.setCellStyle(bold);
                sheet.setDefaultColumnStyle(c, text);
            }
            for (int r = 0; r < experts.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> values = List.copyOf(cells(experts.get(r)).values());
                for (int c = 0; c < values.size(); c++) {
                    Cell cell = row.createCell(c);
                    cell.setCellStyle(text);
                    cell.setCellValue(values.get(c));
                }
            }
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.setColumnWidth(c, 20 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An export as {@code .csv}: UTF-8 with BOM (so that Excel shows the Chinese), CRLF, quoted where needed. */
    static byte[] csv(List<Expert> experts) {
        StringBuilder s = new StringBuilder();
        s.append(HEADERS.stream().map(ExpertSheet::quote).collect(Collectors.joining(","))).append("\r\n");
        for (Expert e : experts) {
            s.append(cells(e).values().stream().map(ExpertSheet::quote).collect(Collectors.joining(","))).append("\r\n");
        }
        byte[] body = s.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[UTF8_BOM.length + body.length];
        System.arraycopy(UTF8_BOM, 0, all, 0, UTF8_BOM.length);
        System.arraycopy(body, 0, all, UTF8_BOM.length, body.length);
        return all;
    }

    private static String quote(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** UTF-8 (a BOM dropped) when the bytes are valid UTF-8, otherwise GB18030 (Excel's CSV on Chinese Windows). */
    static String decode(byte[] content) {
        int start = content.length >= 3 && content[0] == UTF8_BOM[0] && content[1] == UTF8_BOM[1]
                && content[2] == UTF8_BOM[2] ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException notUtf8) {
            try {
                return Charset.forName("GB18030").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(content)).toString();
            } catch (CharacterCodingException neither) {
                throw ApiException.invalid("file", "CSV 文件的编码无法识别，请保存为 UTF-8 或 GB18030（GBK）编码");
            }
        }
    }

    /** RFC 4180: fields separated by commas, optionally in double quotes (a quote doubled inside), CRLF or LF. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                rows.add(row);
                row = new ArrayList<>();
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw ApiException.invalid("file", "CSV 文件中的引号没有闭合（第 " + (rows.size() + 1) + " 行起）");
        }
        if (!field.isEmpty() || !row.isEmpty() || wasQuoted) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> xlsx(byte[] content, int maxRows) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (wb.getNumberOfSheets() == 0) {
                throw ApiException.invalid("file", "文件中没有工作表");
            }
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter format = new DataFormatter(Locale.CHINA);
            FormulaEvaluator formulas = wb.getCreationHelper().createFormulaEvaluator();
            List<List<String>> rows = new ArrayList<>();
            int filled = 0;
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : format.formatCellValue(cell, formulas));
                    }
                }
                rows.add(cells);
                filled += blank(cells) ? 0 : 1;
                if (filled > maxRows + 1) {
                    throw ApiException.invalid("file", "一次最多导入 " + maxRows + " 名专家");
                }
            }
            return rows;
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ApiException.invalid("file", "无法读取该 .xlsx 文件（文件已损坏或不是 Excel 工作簿）");
        }
    }

    private static boolean isZip(byte[] c) {
        return c.length >= 4 && c[0] == 'P' && c[1] == 'K' && c[2] == 3 && c[3] == 4;
    }

    /** No NUL and no other C0 control but tab and line breaks in the first KB: text, not a binary file. */
    private static boolean isText(byte[] c) {
        for (int i = 0; i < Math.min(c.length, 1024); i++) {
            int b = c[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** A cell as a person means it: trimmed, including the full-width and no-break spaces Excel users type. */
    private static String clean(String v) {
        return v == null ? "" : v.replace('\u00A0', ' ').replace('\u3000', ' ').strip();
    }

    private static boolean blank(List<String> row) {
        return row.stream().allMatch(v -> v == null || v.isBlank());
    }
}
